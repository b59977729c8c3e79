import { describe, expect, it } from 'vitest';
import { defaultActivityTypes } from '../../../src/domain/activity-types.js';
import { parseLogCommand } from '../../../src/domain/log-command.js';
import { PacerError } from '../../../src/errors.js';

const types = defaultActivityTypes;
const parse = (text: string) => parseLogCommand(text, types);
const base = { count: 1, amount: null, lead: null, productLine: null, note: null };

describe('parseLogCommand', () => {
  it.each([
    ['call 5', { ...base, typeKey: 'call', count: 5 }],
    ['calls 5', { ...base, typeKey: 'call', count: 5 }],
    ['mtg', { ...base, typeKey: 'meeting' }],
    ['meeting Acme Corp', { ...base, typeKey: 'meeting', lead: 'Acme Corp' }],
    ['deal 12000 Acme Corp #widgets', { ...base, typeKey: 'deal', amount: 12000, lead: 'Acme Corp', productLine: 'widgets' }],
    ['deal 12k Acme', { ...base, typeKey: 'deal', amount: 12000, lead: 'Acme' }],
    ['deal $12,500.50 Acme', { ...base, typeKey: 'deal', amount: 12500.5, lead: 'Acme' }],
    ['deal 2 24000 Acme', { ...base, typeKey: 'deal', count: 2, amount: 24000, lead: 'Acme' }],
    ['estimate 3 #widgets', { ...base, typeKey: 'estimate', count: 3, productLine: 'widgets' }],
    ['estimate $30k Acme #widgets', { ...base, typeKey: 'estimate', count: 1, amount: 30000, lead: 'Acme', productLine: 'widgets' }],
    ['estimate 30k #widgets', { ...base, typeKey: 'estimate', count: 1, amount: 30000, productLine: 'widgets' }],
    ['estimates 2 60000 #widgets', { ...base, typeKey: 'estimate', count: 2, amount: 60000, productLine: 'widgets' }],
    ['email 2 sent pricing', { ...base, typeKey: 'email', count: 2, note: 'sent pricing' }],
    ['call Acme Corp called CFO', { ...base, typeKey: 'call', lead: 'Acme Corp', note: 'called CFO' }],
    ['call "acme corp" left voicemail', { ...base, typeKey: 'call', lead: 'acme corp', note: 'left voicemail' }],
    ['demo Acme <#C0123|Widgets> went well', { ...base, typeKey: 'demo', lead: 'Acme', productLine: 'widgets', note: 'went well' }],
    ['CALL 10000', { ...base, typeKey: 'call', count: 10000 }],
    ['email 1 Q&amp;A follow-up', { ...base, typeKey: 'email', lead: 'Q&A', note: 'follow-up' }],
  ])('reads "%s"', (text, expected) => {
    expect(parse(text)).toEqual(expected);
  });

  it.each([
    ['', 'log_usage'],
    ['dance 5', 'log_unknown_type'],
    ['call 0', 'log_count_invalid'],
    ['call -3', 'log_count_invalid'],
    ['call 10001', 'log_count_invalid'],
    ['call 2.5', 'log_count_invalid'],
    ['call 1,5', 'log_count_invalid'],
    ['deal Acme Corp', 'log_amount_missing'],
    ['deal 0 Acme', 'log_amount_invalid'],
    ['deal 200000000 Acme', 'log_amount_invalid'],
    ['call 5 #a #b', 'product_one_only'],
    ['call 5 #bad!name', 'product_invalid'],
    [`call 5 ${'x'.repeat(600)}`, 'log_text_too_long'],
    ['<@U123> 5', 'log_unknown_type'],
  ])('refuses "%s" with %s', (text, code) => {
    expect(() => parse(text)).toThrow(expect.objectContaining({ code }) as PacerError);
  });

  it('lists the valid types when the type is unknown', () => {
    try {
      parse('dance');
      expect.unreachable();
    } catch (error) {
      expect((error as PacerError).vars.types).toContain('call, email, meeting');
    }
  });

  describe('with the rep’s open leads', () => {
    const leads = ['Acme Corp', 'Acme Industries', 'Initech', 'Globex', 'Sentinel Ltd', 'Sentry Co'];
    const withLeads = (text: string) => parseLogCommand(text, types, leads);

    it.each([
      ['call 5 acme corp spoke with the CFO', { ...base, typeKey: 'call', count: 5, lead: 'Acme Corp', note: 'spoke with the CFO' }],
      ['call 5 INITECH', { ...base, typeKey: 'call', count: 5, lead: 'Initech' }],
      ['meeting acme ind went well', { ...base, typeKey: 'meeting', lead: 'Acme Industries', note: 'went well' }],
      ['call "acme corp" left voicemail', { ...base, typeKey: 'call', lead: 'Acme Corp', note: 'left voicemail' }],
      ['deal 12000 globex first order #widgets paid upfront', { ...base, typeKey: 'deal', amount: 12000, lead: 'Globex', productLine: 'widgets', note: 'first order paid upfront' }],
      ['estimate $30k Globex #widgets', { ...base, typeKey: 'estimate', amount: 30000, lead: 'Globex', productLine: 'widgets' }],
      // Not a lead of the rep's: the old guess stands.
      ['call Hooli called CFO', { ...base, typeKey: 'call', lead: 'Hooli', note: 'called CFO' }],
      ['email 2 sent pricing', { ...base, typeKey: 'email', count: 2, note: 'sent pricing' }],
      ['call 3 a quick check-in', { ...base, typeKey: 'call', count: 3, note: 'a quick check-in' }],
      // A first word cut short names no lead: the text may well be a note.
      ['call 5 init left a voicemail', { ...base, typeKey: 'call', count: 5, note: 'init left a voicemail' }],
      ['call Globexx called', { ...base, typeKey: 'call', lead: 'Globexx', note: 'called' }],
      ['call 5 #widgets acme corp', { ...base, typeKey: 'call', count: 5, productLine: 'widgets', note: 'acme corp' }],
    ])('reads "%s"', (text, expected) => {
      expect(withLeads(text)).toEqual(expected);
    });

    it('asks which lead when the words start more than one', () => {
      expect(() => withLeads('call 5 acme spoke with the CFO')).toThrow(
        expect.objectContaining({ code: 'lead_ambiguous', vars: { given: 'acme', candidates: 'Acme Corp, Acme Industries' } }) as PacerError,
      );
    });

    it('reads as before without lead names', () => {
      expect(parseLogCommand('call 5 acme spoke with the CFO', types, [])).toEqual({ ...base, typeKey: 'call', count: 5, note: 'acme spoke with the CFO' });
    });
  });

  it('ignores inactive types', () => {
    const withoutDemo = types.map((t) => (t.key === 'demo' ? { ...t, active: false } : t));
    expect(() => parseLogCommand('demo', withoutDemo)).toThrow(expect.objectContaining({ code: 'log_unknown_type' }) as PacerError);
  });
});
