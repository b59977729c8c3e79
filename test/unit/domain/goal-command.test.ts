import { describe, expect, it } from 'vitest';
import { defaultActivityTypes } from '../../../src/domain/activity-types.js';
import { parseGoalCommand } from '../../../src/domain/goal-command.js';
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
    ['calls 40 2026-02-30..2026-03-01', 'goal_dates_invalid'],
    ['calls 40 2026-01-01..2026-01-31', 'goal_dates_past'],
    ['calls 40 2026-12-01..2028-01-01', 'goal_dates_too_long'],
    ['@rita calls 40 weekly', 'user_not_mention'],
    ['team', 'goal_team_missing'],
    ['calls 40 weekly #a #b', 'product_one_only'],
    [`calls 40 weekly ${'x'.repeat(301)}`, 'goal_note_too_long'],
  ])('refuses "%s" with %s', (text, code) => {
    expect(() => parse(text)).toThrow(expect.objectContaining({ code }) as PacerError);
  });
});
