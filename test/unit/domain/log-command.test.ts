import { describe, expect, it } from 'vitest';
import { defaultActivityTypes } from '../../../src/domain/activity-types.js';
import { checkLogDay, logMoment, parseLogCommand, type LogDraft } from '../../../src/domain/log-command.js';
import { periodSpan } from '../../../src/domain/periods.js';
import { PacerError } from '../../../src/errors.js';

const types = defaultActivityTypes;
// A Wednesday.
const today = '2026-11-25';
const parse = (text: string, leads: readonly string[] = []) => parseLogCommand(text, types, leads, today);
/** What a command logs at once; fails the test when it asks instead. */
const logged = (text: string, leads: readonly string[] = []): LogDraft => {
  const request = parse(text, leads);
  if (request.action !== 'log') throw new Error(`"${text}" asked instead of logging`);
  return request.draft;
};
const base = { count: 1, amount: null, lead: null, productLine: null, note: null, on: null };
const refusal = (code: string, vars: Record<string, unknown> = {}) => expect.objectContaining({ code, vars: expect.objectContaining(vars) }) as PacerError;

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
    ['deal 5000 Acme', { ...base, typeKey: 'deal', amount: 5000, lead: 'Acme' }],
    ['estimate 3 #widgets', { ...base, typeKey: 'estimate', count: 3, productLine: 'widgets' }],
    ['estimate $30k Acme #widgets', { ...base, typeKey: 'estimate', count: 1, amount: 30000, lead: 'Acme', productLine: 'widgets' }],
    ['estimate 30k #widgets', { ...base, typeKey: 'estimate', count: 1, amount: 30000, productLine: 'widgets' }],
    ['estimates 2 60000 #widgets', { ...base, typeKey: 'estimate', count: 2, amount: 60000, productLine: 'widgets' }],
    ['email 2 sent pricing', { ...base, typeKey: 'email', count: 2, note: 'sent pricing' }],
    ['call Acme Corp called CFO', { ...base, typeKey: 'call', lead: 'Acme Corp', note: 'called CFO' }],
    ['call "acme corp" left voicemail', { ...base, typeKey: 'call', lead: 'acme corp', note: 'left voicemail' }],
    ['demo Acme <#C0123|Widgets> went well', { ...base, typeKey: 'demo', lead: 'Acme', productLine: 'widgets', note: 'went well' }],
    ['CALL 150', { ...base, typeKey: 'call', count: 150 }],
    ['email 1 Q&amp;A follow-up', { ...base, typeKey: 'email', lead: 'Q&A', note: 'follow-up' }],
  ])('reads "%s"', (text, expected) => {
    expect(logged(text)).toEqual(expected);
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
    ['5', 'log_unknown_type'],
  ])('refuses "%s" with %s', (text, code) => {
    expect(() => parse(text)).toThrow(refusal(code));
  });

  it('lists the valid types when the type is unknown', () => {
    expect(() => parse('dance')).toThrow(refusal('log_unknown_type', { types: expect.stringContaining('call, email, meeting') }));
  });

  it('ignores inactive types', () => {
    const withoutDemo = types.map((t) => (t.key === 'demo' ? { ...t, active: false } : t));
    expect(() => parseLogCommand('demo', withoutDemo, [], today)).toThrow(refusal('log_type_typo', { given: 'demo', types: expect.not.stringContaining('demo') }));
  });

  describe('natural word orders and typos', () => {
    it.each([
      ['5 calls', { ...base, typeKey: 'call', count: 5 }],
      ['2 demos Acme', { ...base, typeKey: 'demo', count: 2, lead: 'Acme' }],
      ['2 60000 estimates #widgets', { ...base, typeKey: 'estimate', count: 2, amount: 60000, productLine: 'widgets' }],
      ['yesterday 2 demos Acme', { ...base, typeKey: 'demo', count: 2, lead: 'Acme', on: '2026-11-24' }],
    ])('reads "%s"', (text, expected) => {
      expect(logged(text)).toEqual(expected);
    });

    it.each([
      ['meetng Acme', 'meetng', 'meeting'],
      ['called Acme', 'called', 'call'],
      ['5 cals', 'cals', 'call'],
      ['emial 2', 'emial', 'email'],
    ])('"%s" suggests the type it most likely meant', (text, given, suggestion) => {
      expect(() => parse(text)).toThrow(refusal('log_type_typo', { given, suggestion }));
    });
  });

  describe('a day anywhere among the words', () => {
    it.each([
      ['call 5 yesterday', { count: 5, on: '2026-11-24' }],
      ['call 5 on friday', { count: 5, on: '2026-11-20' }],
      ['call 5 last friday', { count: 5, on: '2026-11-20' }],
      ['call 5 2026-11-20', { count: 5, on: '2026-11-20' }],
      ['call 5 20.11', { count: 5, on: '2026-11-20' }],
      ['call 5 3 days ago', { count: 5, on: '2026-11-22' }],
      ['call 5 today', { count: 5, on: null }],
      ['call yesterday 5 Acme', { count: 5, lead: 'Acme', on: '2026-11-24' }],
      ['call 3 Acme 2026-11-20', { count: 3, lead: 'Acme', on: '2026-11-20' }],
      ['call 5 Acme yesterday spoke with the CFO', { count: 5, lead: 'Acme', note: 'spoke with the CFO', on: '2026-11-24' }],
      ['call 5 Acme on sat', { count: 5, lead: 'Acme', on: '2026-11-21' }],
      ['call 5 2026-08-27', { count: 5, on: '2026-08-27' }],
      // Words that are also weekdays, or decimals that are also days, stay what they more likely are.
      ['call 5 Acme sat down with the CFO', { count: 5, lead: 'Acme', note: 'sat down with the CFO', on: null }],
      ['deal 10.10 Acme', { count: 1, amount: 10.1, lead: 'Acme', on: null }],
      ['estimate 2 12.50', { count: 2, amount: 12.5, on: null }],
    ])('reads "%s"', (text, expected) => {
      expect(logged(text)).toMatchObject(expected);
    });

    it.each([
      ['call 5 tomorrow', 'log_date_future', { given: 'tomorrow', date: '2026-11-26' }],
      ['call 5 next friday', 'log_date_future', { date: '2026-12-04' }],
      ['call 5 2026-08-26', 'log_date_too_old', { date: '2026-08-26', max: 90 }],
      ['call 5 1 Dec', 'log_date_too_old', { given: '1 Dec', date: '2025-12-01' }],
      ['call 5 yesterday on friday', 'log_date_twice', { first: 'yesterday', second: 'on friday' }],
      ['call 5 2026-02-30', 'date_impossible', { given: '2026-02-30' }],
    ])('refuses "%s" with %s', (text, code, vars) => {
      expect(() => parse(text)).toThrow(refusal(code, vars));
    });
  });

  describe('a number more likely an amount than a count', () => {
    it.each([
      ['lost 5000 Acme', 'lost', 5000, { lead: 'Acme' }],
      ['estimate 5000 Acme #widgets', 'estimate', 5000, { lead: 'Acme', productLine: 'widgets' }],
      ['proposal 8000 Acme', 'proposal', 8000, { lead: 'Acme' }],
      ['call 201', 'call', 201, {}],
      ['lost 5000 Acme yesterday', 'lost', 5000, { lead: 'Acme', on: '2026-11-24' }],
    ])('"%s" is asked about, with both logs ready', (text, typeKey, number, rest) => {
      const shared = { ...base, typeKey, on: today, ...rest };
      expect(parse(text)).toEqual({
        action: 'ask',
        asCount: { ...shared, count: number, amount: null },
        asAmount: { ...shared, count: 1, amount: number },
      });
    });

    it.each([
      ['lost 5,000 Acme', { typeKey: 'lost', count: 1, amount: 5000, lead: 'Acme' }],
      ['lost $5000 Acme', { typeKey: 'lost', count: 1, amount: 5000, lead: 'Acme' }],
      ['proposal 8k Acme', { typeKey: 'proposal', count: 1, amount: 8000, lead: 'Acme' }],
      ['call 200', { typeKey: 'call', count: 200, amount: null }],
      ['estimate 50', { typeKey: 'estimate', count: 50, amount: null }],
    ])('"%s" is logged as written', (text, expected) => {
      expect(logged(text)).toMatchObject(expected);
    });

    it('follows the limit an admin set', () => {
      const roomy = types.map((t) => (t.key === 'lost' ? { ...t, countLimit: 6000 } : t));
      expect(parseLogCommand('lost 5000 Acme', roomy, [], today)).toMatchObject({ action: 'log', draft: { count: 5000, amount: null } });
    });

    it.each([
      ['estimate 100 5000', 'log_count_over_limit', { given: 100, limit: 50, type: 'estimate' }],
      ['estimate $30k 2', 'log_count_as_money', { given: '$30k' }],
    ])('refuses "%s" with %s', (text, code, vars) => {
      expect(() => parse(text)).toThrow(refusal(code, vars));
    });
  });

  describe('numbers, days and mentions are never swallowed into a lead or a note', () => {
    it.each([
      ['calls five', 'log_count_words', { given: 'five', type: 'call' }],
      ['call one Acme', 'log_count_words', { given: 'one' }],
      ['call 1e9', 'log_number_unreadable', { given: '1e9' }],
      ['call Acme 5', 'log_number_unread', { given: '5' }],
      ['call 5 2 3', 'log_number_unread', { given: '3' }],
      ['call 5 Acme #widgets 3 more', 'log_number_unread', { given: '3' }],
      ['call 5 Studio 54 #widgets', 'log_number_unread', { given: '54' }],
      ['call 5 Acme with @bob', 'log_not_mention', { given: '@bob' }],
    ])('refuses "%s" with %s', (text, code, vars) => {
      expect(() => parse(text)).toThrow(refusal(code, vars));
    });

    it.each([
      ['call 5 "Studio 54" left a voicemail', { lead: 'Studio 54', note: 'left a voicemail' }],
      ['call 5 Acme left 2 voicemails', { lead: 'Acme', note: 'left 2 voicemails' }],
      ['call 5 Acme one more try', { lead: 'Acme', note: 'one more try' }],
      ['call 5 Acme with <@U0BOB|bob>', { lead: 'Acme', note: 'with <@U0BOB>' }],
      ['call 5 7-Eleven called back', { lead: '7-Eleven', note: 'called back' }],
    ])('keeps prose as prose: "%s"', (text, expected) => {
      expect(logged(text)).toMatchObject(expected);
    });
  });

  describe('where a lead ends', () => {
    it.each([
      ['call 5 Acme Corp. Spoke with the CFO', { lead: 'Acme Corp', note: 'Spoke with the CFO' }],
      ['call 5 Acme Corp, spoke with the CFO', { lead: 'Acme Corp', note: 'spoke with the CFO' }],
      ['call 5 Acme. Left a voicemail', { lead: 'Acme', note: 'Left a voicemail' }],
      ['call J.P. Morgan called back', { lead: 'J.P. Morgan', note: 'called back' }],
      ['call 5 Acme Corp. #widgets', { lead: 'Acme Corp', productLine: 'widgets' }],
    ])('reads "%s"', (text, expected) => {
      expect(logged(text)).toMatchObject(expected);
    });
  });

  describe('with the rep’s open leads', () => {
    const leads = ['Acme Corp', 'Acme Industries', 'Initech', 'Globex', 'Sentinel Ltd', 'Sentry Co'];
    const withLeads = (text: string) => logged(text, leads);

    it.each([
      ['call 5 acme corp spoke with the CFO', { ...base, typeKey: 'call', count: 5, lead: 'Acme Corp', note: 'spoke with the CFO' }],
      ['call 5 acme corp. Spoke with the CFO', { ...base, typeKey: 'call', count: 5, lead: 'Acme Corp', note: 'Spoke with the CFO' }],
      ['call 5 INITECH', { ...base, typeKey: 'call', count: 5, lead: 'Initech' }],
      ['call 5 Initech. Sent v2', { ...base, typeKey: 'call', count: 5, lead: 'Initech', note: 'Sent v2' }],
      ['meeting acme ind went well', { ...base, typeKey: 'meeting', lead: 'Acme Industries', note: 'went well' }],
      ['call "acme corp" left voicemail', { ...base, typeKey: 'call', lead: 'Acme Corp', note: 'left voicemail' }],
      ['deal 12000 globex first order #widgets paid upfront', { ...base, typeKey: 'deal', amount: 12000, lead: 'Globex', productLine: 'widgets', note: 'first order paid upfront' }],
      ['estimate $30k Globex #widgets', { ...base, typeKey: 'estimate', amount: 30000, lead: 'Globex', productLine: 'widgets' }],
      ['call 2 globex yesterday', { ...base, typeKey: 'call', count: 2, lead: 'Globex', on: '2026-11-24' }],
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

    it('refuses a number after a kept lead’s name', () => {
      expect(() => withLeads('call globex 5')).toThrow(refusal('log_number_unread', { given: '5' }));
    });

    it('reads as before without lead names', () => {
      expect(logged('call 5 acme spoke with the CFO')).toEqual({ ...base, typeKey: 'call', count: 5, note: 'acme spoke with the CFO' });
    });
  });
});

describe('the day a log is for', () => {
  it.each([
    ['2026-11-25', null],
    ['2026-08-27', null],
    ['2026-11-26', 'log_date_future'],
    ['2026-08-26', 'log_date_too_old'],
  ])('%s → %s', (on, code) => {
    const check = () => checkLogDay(on, today);
    if (code === null) expect(check).not.toThrow();
    else expect(check).toThrow(refusal(code));
  });

  // 00:30 on Monday 30 Nov in Warsaw is still Sunday 29 Nov in UTC and New York.
  const now = new Date('2026-11-29T23:30:00Z');

  it('is now for today, else noon of that day in the rep’s zone', () => {
    expect(logMoment(null, now, 'Europe/Warsaw')).toEqual({ occurredAt: now, day: null });
    expect(logMoment('2026-11-30', now, 'Europe/Warsaw')).toEqual({ occurredAt: now, day: null });
    expect(logMoment('2026-11-27', now, 'Europe/Warsaw')).toEqual({ occurredAt: new Date('2026-11-27T11:00:00Z'), day: '2026-11-27' });
    expect(logMoment('2026-11-27', now, 'America/New_York')).toEqual({ occurredAt: new Date('2026-11-27T17:00:00Z'), day: '2026-11-27' });
    expect(() => logMoment('2026-11-30', now, 'America/New_York')).toThrow(refusal('log_date_future'));
  });

  it.each(['Europe/Warsaw', 'America/New_York', 'Pacific/Auckland', 'America/Los_Angeles'])(
    'a Sunday logged in %s counts in the week it ends, in its zone and in zones up to 11 hours away',
    (zone) => {
      const { occurredAt } = logMoment('2026-11-29', new Date('2026-12-01T12:00:00Z'), zone);
      for (const goalZone of [zone, 'UTC', 'Europe/London']) {
        const week = periodSpan({ kind: 'week' }, new Date('2026-11-25T12:00:00Z'), goalZone);
        if (Math.abs(offsetHours(zone) - offsetHours(goalZone)) <= 11) {
          expect(occurredAt >= week.start && occurredAt < week.end).toBe(true);
        }
      }
    },
  );
});

function offsetHours(zone: string): number {
  const at = new Date('2026-11-29T12:00:00Z');
  const local = new Date(at.toLocaleString('en-US', { timeZone: zone }));
  const utc = new Date(at.toLocaleString('en-US', { timeZone: 'UTC' }));
  return (local.getTime() - utc.getTime()) / 3_600_000;
}
