import { describe, expect, it } from 'vitest';
import { daysBetween, leadRows } from '../../../src/domain/lead-list.js';
import type { Lead } from '../../../src/domain/leads.js';
import { readTouch } from '../../../src/domain/lead-touch.js';
import { defaultActivityTypes } from '../../../src/domain/activity-types.js';
import type { PacerError } from '../../../src/errors.js';

// Wednesday 25 Nov 2026, 00:30 in Warsaw; still the 24th in New York.
const now = new Date('2026-11-24T23:30:00Z');
const lead = (name: string, changes: Partial<Lead>): Lead => ({
  id: name, teamId: 'T1', ownerId: 'U0RITA', name, account: name, value: null, productLine: null, source: 'own', stage: 'new',
  lostReason: null, wonAmount: null, closedAt: null, lastTouchedAt: now, nextFollowUpOn: null, checkedBackAt: null,
  satisfaction: null, complaint: null, createdAt: now, ...changes,
});

describe('daysBetween', () => {
  it.each([
    ['2026-11-25', '2026-11-25', 0],
    ['2026-11-25', '2026-11-27', 2],
    ['2026-11-25', '2026-11-20', -5],
    ['2026-03-28', '2026-03-30', 2],
    ['2026-12-31', '2027-01-01', 1],
  ])('%s → %s is %i', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });
});

describe('leadRows', () => {
  const leads = [
    lead('Zeta', { nextFollowUpOn: null, lastTouchedAt: new Date('2026-11-20T10:00:00Z') }),
    lead('Beta', { nextFollowUpOn: '2026-11-27' }),
    lead('Acme', { nextFollowUpOn: '2026-11-20' }),
    lead('Gamma', { nextFollowUpOn: null, lastTouchedAt: new Date('2026-11-10T10:00:00Z') }),
    lead('Delta', { nextFollowUpOn: '2026-11-25' }),
  ];

  it('puts overdue and near follow-ups first, then the longest untouched', () => {
    const rows = leadRows(leads, now, 'Europe/Warsaw');
    expect(rows.map((r) => [r.lead.name, r.followUpInDays, r.overdue, r.daysSinceTouch])).toEqual([
      ['Acme', -5, true, 0],
      ['Delta', 0, false, 0],
      ['Beta', 2, false, 0],
      ['Gamma', null, false, 15],
      ['Zeta', null, false, 5],
    ]);
  });

  it('counts days in the reader’s time zone', () => {
    const rows = leadRows(leads, now, 'America/New_York');
    expect(rows.find((r) => r.lead.name === 'Delta')).toMatchObject({ followUpInDays: 1, daysSinceTouch: 0 });
  });
});

describe('readTouch', () => {
  const types = [...defaultActivityTypes];

  it.each([
    [['call'], { activity: { typeKey: 'call', count: 1, amount: null, lead: null, productLine: null, note: null }, note: null }],
    [['Email', 'sent', 'pricing'], { activity: { typeKey: 'email', count: 1, amount: null, lead: null, productLine: null, note: 'sent pricing' }, note: 'sent pricing' }],
    [['called', 'the', 'CFO'], { activity: null, note: 'called the CFO' }],
    [['lost', 'interest?'], { activity: null, note: 'lost interest?' }],
    [['won', 'them', 'over'], { activity: null, note: 'won them over' }],
    [[], { activity: null, note: null }],
  ])('reads %j', (rest, expected) => {
    expect(readTouch(rest, types)).toEqual(expected);
  });

  it('ignores a switched-off type', () => {
    const off = types.map((t) => (t.key === 'call' ? { ...t, active: false } : t));
    expect(readTouch(['call', 'back'], off)).toEqual({ activity: null, note: 'call back' });
  });

  it('refuses a note that is too long', () => {
    expect(() => readTouch(['call', 'x'.repeat(501)], types)).toThrow(expect.objectContaining({ code: 'lead_note_too_long' }) as PacerError);
  });
});
