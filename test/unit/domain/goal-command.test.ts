import { describe, expect, it } from 'vitest';
import { defaultActivityTypes } from '../../../src/domain/activity-types.js';
import { didYouMean, parseGoalCommand } from '../../../src/domain/goal-command.js';
import type { PacerError } from '../../../src/errors.js';

const today = '2026-11-25';
const parse = (text: string) => parseGoalCommand(text, defaultActivityTypes, today);
const spec = { productLine: '', note: null };
const self = { type: 'self' } as const;

describe('parseGoalCommand', () => {
  it.each([
    ['', { action: 'modal' }],
    ['  ', { action: 'modal' }],
    ['help', { action: 'help' }],
    ['list', { action: 'list', owner: self }],
    ['list team East', { action: 'list', owner: { type: 'team', name: 'East' } }],
    ['list company', { action: 'list', owner: { type: 'company' } }],
    ['list <@U0RITA|rita>', { action: 'list', owner: { type: 'rep', userId: 'U0RITA' } }],
    ['calls 40 weekly', { action: 'set', owner: self, spec: { ...spec, metric: 'call', target: 40, period: { kind: 'week' } } }],
    ['revenue 50000 monthly #widgets', { action: 'set', owner: self, spec: { ...spec, metric: 'revenue', target: 50000, period: { kind: 'month' }, productLine: 'widgets' } }],
    ['revenue 50k quarterly', { action: 'set', owner: self, spec: { ...spec, metric: 'revenue', target: 50000, period: { kind: 'quarter' } } }],
    ['points 100 week', { action: 'set', owner: self, spec: { ...spec, metric: 'points', target: 100, period: { kind: 'week' } } }],
    ['<@U0BOB> calls 40 weekly', { action: 'set', owner: { type: 'rep', userId: 'U0BOB' }, spec: { ...spec, metric: 'call', target: 40, period: { kind: 'week' } } }],
    ['<@U0BOB|bob> mtgs 5 monthly first meetings with new leads', { action: 'set', owner: { type: 'rep', userId: 'U0BOB' }, spec: { ...spec, metric: 'meeting', target: 5, period: { kind: 'month' }, note: 'first meetings with new leads' } }],
    ['demos 10 2026-12-01..2026-12-20', { action: 'set', owner: self, spec: { ...spec, metric: 'demo', target: 10, period: { kind: 'custom', startsOn: '2026-12-01', endsOn: '2026-12-20' } } }],
    ['demos 10 from 2026-12-01 to 2026-12-20', { action: 'set', owner: self, spec: { ...spec, metric: 'demo', target: 10, period: { kind: 'custom', startsOn: '2026-12-01', endsOn: '2026-12-20' } } }],
    ['demos 10 until 2026-12-20', { action: 'set', owner: self, spec: { ...spec, metric: 'demo', target: 10, period: { kind: 'custom', startsOn: today, endsOn: '2026-12-20' } } }],
    ['remove calls weekly', { action: 'remove', owner: self, metric: 'call', period: { kind: 'week' }, productLine: '' }],
    ['team East revenue 200000 quarterly', { action: 'set', owner: { type: 'team', name: 'East' }, spec: { ...spec, metric: 'revenue', target: 200000, period: { kind: 'quarter' } } }],
    ['company revenue 1000000 quarterly', { action: 'set', owner: { type: 'company' }, spec: { ...spec, metric: 'revenue', target: 1000000, period: { kind: 'quarter' } } }],
  ])('reads "%s"', (text, expected) => {
    expect(parse(text)).toEqual(expected);
  });

  it.each([
    ['dances 40 weekly', 'goal_unknown_metric'],
    ['calls weekly', 'goal_target_missing'],
    ['calls', 'goal_target_missing'],
    ['calls 0 weekly', 'goal_target_invalid'],
    ['calls -5 weekly', 'goal_target_missing'],
    ['calls 40.5 weekly', 'goal_target_invalid'],
    ['calls 40', 'goal_period_missing'],
    ['calls 40 fortnightly', 'goal_period_unknown'],
    ['calls 40 2026-12-20..2026-12-01', 'goal_dates_reversed'],
    ['calls 40 2026-02-30..2026-03-01', 'date_impossible'],
    ['calls 40 2026-01-01..2026-01-31', 'goal_dates_past'],
    ['calls 40 2026-12-01..2028-01-01', 'goal_dates_too_long'],
    ['@rita calls 40 weekly', 'user_not_mention'],
    ['team', 'goal_team_missing'],
    ['calls 40 weekly #a #b', 'product_one_only'],
    [`calls 40 weekly ${'x'.repeat(301)}`, 'goal_note_too_long'],
  ])('refuses "%s" with %s', (text, code) => {
    expect(() => parse(text)).toThrow(expect.objectContaining({ code }) as PacerError);
  });

  const custom = (startsOn: string, endsOn: string) => ({ kind: 'custom', startsOn, endsOn });
  it.each([
    ['40 calls per week', { metric: 'call', target: 40, period: { kind: 'week' } }],
    ['calls 40/week', { metric: 'call', target: 40, period: { kind: 'week' } }],
    ['calls 40 a month', { metric: 'call', target: 40, period: { kind: 'month' } }],
    ['calls 40 per quarter', { metric: 'call', target: 40, period: { kind: 'quarter' } }],
    ['calls 10 daily', { metric: 'call', target: 10, period: { kind: 'day' } }],
    ['10 calls every day to new leads', { metric: 'call', target: 10, period: { kind: 'day' }, note: 'to new leads' }],
    ['revenue $50k/month #widgets', { metric: 'revenue', target: 50000, period: { kind: 'month' }, productLine: 'widgets' }],
    ['$50k revenue per month', { metric: 'revenue', target: 50000, period: { kind: 'month' } }],
    ['demos 10 Dec 1..Dec 20', { metric: 'demo', target: 10, period: custom('2026-12-01', '2026-12-20') }],
    ['demos 10 1 Dec..20 Dec', { metric: 'demo', target: 10, period: custom('2026-12-01', '2026-12-20') }],
    ['demos 10 from Dec 1 to Dec 20', { metric: 'demo', target: 10, period: custom('2026-12-01', '2026-12-20') }],
    ['demos 10 Dec 1 - Dec 20 #widgets before the freeze', { metric: 'demo', target: 10, period: custom('2026-12-01', '2026-12-20'), productLine: 'widgets', note: 'before the freeze' }],
    ['demos 10 Dec 20..Jan 10', { metric: 'demo', target: 10, period: custom('2026-12-20', '2027-01-10') }],
    ['demos 5 until friday', { metric: 'demo', target: 5, period: custom(today, '2026-11-27') }],
    // Read forward, Monday would come after Friday: the start is read back from the end instead.
    ['demos 5 monday..friday', { metric: 'demo', target: 5, period: custom('2026-11-23', '2026-11-27') }],
  ])('reads the natural form "%s"', (text, expected) => {
    expect(parse(text)).toEqual({ action: 'set', owner: self, spec: { ...spec, ...expected } });
  });

  it.each([
    ['2026-12-10', 'Dec 1..Dec 20', custom('2026-12-01', '2026-12-20')],
    ['2026-12-25', 'Dec 1..Dec 20', custom('2027-12-01', '2027-12-20')],
    ['2026-12-25', '20 Dec..5 Jan', custom('2026-12-20', '2027-01-05')],
    ['2026-11-25', 'Oct 1..Dec 31', custom('2026-10-01', '2026-12-31')],
  ])('on %s reads "%s" forward from today', (day, dates, period) => {
    expect(parseGoalCommand(`demos 10 ${dates}`, defaultActivityTypes, day)).toMatchObject({ spec: { period } });
  });

  it.each([
    ['remove calls per week', { kind: 'week' }],
    ['remove calls daily', { kind: 'day' }],
    ['remove demos Dec 1..Dec 20', custom('2026-12-01', '2026-12-20')],
  ])('removes by the same words: "%s"', (text, period) => {
    expect(parse(text)).toMatchObject({ action: 'remove', period });
  });

  it.each([
    ['meetng 4 weekly', 'goal_metric_typo', { given: 'meetng', suggestion: 'meeting' }],
    ['called 5 daily', 'goal_metric_typo', { given: 'called', suggestion: 'call' }],
    ['5 emial weekly', 'goal_metric_typo', { given: 'emial', suggestion: 'email' }],
    ['calls 40 weakly', 'goal_period_typo', { given: 'weakly', suggestion: 'weekly' }],
    ['calls 40 per fortnight', 'goal_period_unknown', { given: 'fortnight' }],
    ['constructor 4 weekly', 'goal_unknown_metric', { given: 'constructor' }],
    ['calls 40 2026-02-30..2026-03-05', 'date_impossible', { given: '2026-02-30' }],
    ['calls 40 Dec 1..31 Nov', 'date_impossible', { given: '31 Nov' }],
    ['calls 40 Dec 20..Dec 1', 'goal_dates_reversed', { startsOn: '2026-12-20', endsOn: '2026-12-01' }],
    ['calls 40 Dec 20', 'goal_dates_unreadable', { given: 'Dec 20' }],
    ['calls 40 Dec 1..Dec', 'goal_dates_unreadable', { given: 'Dec 1..Dec' }],
    ['calls 40 from Dec 1', 'goal_dates_unreadable', { given: 'from Dec 1' }],
    ['calls 40 until soon', 'goal_dates_unreadable', { given: 'until soon' }],
  ])('explains "%s" with %s', (text, code, vars) => {
    expect(() => parse(text)).toThrow(expect.objectContaining({ code, vars: expect.objectContaining(vars) }) as PacerError);
  });
});

describe('didYouMean', () => {
  const words = ['call', 'calls', 'email', 'meeting', 'meetings', 'demo', 'q', 'mo'];
  it.each([
    ['meetng', 'meeting'],
    ['called', 'call'],
    ['emial', 'email'],
    ['cal', 'call'],
    ['CALLZ', 'call'],
    ['dmo', 'demo'],
    ['xy', null],
    ['w', null],
    ['banana', null],
    ['meetingsss', 'meetings'],
    ['meetingssss', null],
  ])('"%s" → %s', (word, expected) => {
    expect(didYouMean(word, words)).toBe(expected);
  });
});
