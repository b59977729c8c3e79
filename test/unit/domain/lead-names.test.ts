import { describe, expect, it } from 'vitest';
import { findLeadByName, findLeadIn } from '../../../src/domain/lead-names.js';
import type { PacerError } from '../../../src/errors.js';

const named = (...names: string[]) => names.map((name, i) => ({ id: `L${i}`, name }));
const leads = named('Acme', 'Acme Corp', 'Acme Ltd', 'Beta Systems', 'Gamma  Group', 'Delta');
const words = (text: string) => text.split(' ').filter(Boolean);

describe('findLeadIn', () => {
  it.each([
    ['Acme called', 'Acme', ['called']],
    ['Acme Corp called the CFO', 'Acme Corp', ['called', 'the', 'CFO']],
    ['acme corp', 'Acme Corp', []],
    ['ACME LTD sent pricing', 'Acme Ltd', ['sent', 'pricing']],
    ['Beta called', 'Beta Systems', ['called']],
    ['Beta Sys friday', 'Beta Systems', ['friday']],
    ['bet', 'Beta Systems', []],
    ['Gamma Group won', 'Gamma  Group', ['won']],
    ['Acme Corporation deal', 'Acme', ['Corporation', 'deal']],
    ['Delta', 'Delta', []],
  ])('finds the lead in "%s"', (text, name, rest) => {
    const found = findLeadIn(leads, words(text));
    expect(found.lead.name).toBe(name);
    expect(found.rest).toEqual(rest);
  });

  it('prefers a whole name to a longer prefix', () => {
    const found = findLeadIn(named('Acme', 'Acme Corporation'), words('Acme Corp called'));
    expect(found).toEqual({ lead: { id: 'L0', name: 'Acme' }, rest: ['Corp', 'called'] });
  });

  it('takes the longest unique prefix run', () => {
    const found = findLeadIn(named('Acme Corporation', 'Acme Consulting'), words('acme corp called'));
    expect(found.lead.name).toBe('Acme Corporation');
    expect(found.rest).toEqual(['called']);
  });

  it('takes a quoted phrase as the name when it is one', () => {
    const list = named('Acme Corp', 'Acme Corp Ltd');
    expect(findLeadIn(list, ['Acme Corp', 'Ltd', 'called'])).toEqual({ lead: list[0], rest: ['Ltd', 'called'] });
    expect(findLeadIn(list, ['Acme Corp Ltd', 'called'])).toEqual({ lead: list[1], rest: ['called'] });
  });

  it('falls back to the usual rule when a quoted phrase is not a whole name', () => {
    const list = named('Acme Corporation');
    expect(findLeadIn(list, ['acme corp', 'called'])).toEqual({ lead: list[0], rest: ['called'] });
  });

  it.each([
    ['Acme Co', named('Acme Corp', 'Acme Consulting'), 'Acme Co', 'Acme Consulting, Acme Corp'],
    ['ac called', named('Acme Corp', 'Acme Ltd', 'Beta'), 'ac', 'Acme Corp, Acme Ltd'],
    ['a', named(...Array.from({ length: 12 }, (_, i) => `A${String(i).padStart(2, '0')}`)), 'a', 'A00, A01, A02, A03, A04, A05, A06, A07, A08, A09'],
  ])('calls "%s" ambiguous', (text, list, given, candidates) => {
    expect(() => findLeadIn(list, words(text))).toThrow(expect.objectContaining({ code: 'lead_ambiguous', vars: { given, candidates } }) as PacerError);
  });

  it.each([
    ['Zeta called the CFO', leads, 'Zeta called the', 'Acme, Acme Corp, Acme Ltd, Beta Systems, Delta, Gamma  Group'],
    ['Zeta', [], 'Zeta', ''],
    ['Ace', named('Bravo', 'Acme', 'Alpha', 'Ceres', 'Dune', 'Echo', 'Fox', 'Golf', 'Hotel', 'India', 'Juliet'), 'Ace', 'Acme, Alpha'],
    ['Zulu', named('Bravo', 'Acme', 'Alpha', 'Ceres', 'Dune', 'Echo', 'Fox', 'Golf', 'Hotel', 'India', 'Juliet'), 'Zulu', 'Acme, Alpha, Bravo, Ceres, Dune, Echo, Fox, Golf, Hotel, India'],
  ])('calls "%s" unknown and suggests names', (text, list, given, candidates) => {
    expect(() => findLeadIn(list, words(text))).toThrow(expect.objectContaining({ code: 'lead_unknown', vars: { given, candidates } }) as PacerError);
  });

  it('calls no words at all unknown', () => {
    expect(() => findLeadIn(leads, [])).toThrow(expect.objectContaining({ code: 'lead_unknown' }) as PacerError);
    expect(() => findLeadIn(leads, [''])).toThrow(expect.objectContaining({ code: 'lead_unknown' }) as PacerError);
  });
});

describe('findLeadByName', () => {
  it.each([
    ['Acme', 'Acme'],
    ['  acme   corp ', 'Acme Corp'],
    ['Beta', 'Beta Systems'],
    ['Acme C', 'Acme Corp'],
    ['gamma group', 'Gamma  Group'],
  ])('finds "%s"', (name, expected) => {
    expect(findLeadByName(leads, name).name).toBe(expected);
  });

  it.each([
    ['ac', 'lead_ambiguous'],
    ['Acme Corp called', 'lead_unknown'],
    ['Zeta', 'lead_unknown'],
    ['', 'lead_unknown'],
  ])('refuses "%s" with %s', (name, code) => {
    expect(() => findLeadByName(leads, name)).toThrow(expect.objectContaining({ code }) as PacerError);
  });
});
