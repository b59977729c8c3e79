import { describe, expect, it } from 'vitest';
import { defaultCheckInQuestions, type CheckInAnswer, type CheckInQuestion } from '../../../src/domain/check-ins.js';
import type { Goal } from '../../../src/domain/goals.js';
import {
  behindTwoWeeksRunning,
  customerFigures,
  digestCheckIn,
  digestGoal,
  digestWindow,
  lastWeekEnds,
  readGoalAt,
} from '../../../src/services/team-digest.js';

const zone = 'Europe/Warsaw';
const goal = (change: Partial<Goal> = {}): Goal => ({
  id: 'g1', ownerType: 'rep', ownerId: 'U1', metric: 'call', target: 40, period: { kind: 'week' }, productLine: '', note: null, setBy: 'U1', derivedFromId: null, ...change,
});
const calls = (count: number) => [{ typeKey: 'call', productLine: null, count, amount: 0, points: count }];

describe('the digest’s windows', () => {
  // Monday 30 Nov 2026, 08:30 in Warsaw.
  const monday = new Date('2026-11-30T07:30:00Z');

  it('a weekly digest covers last week, Monday to Monday in the team’s zone; a daily one today so far', () => {
    expect(digestWindow('weekly', monday, zone)).toEqual({ start: new Date('2026-11-22T23:00:00Z'), end: new Date('2026-11-29T23:00:00Z') });
    const evening = new Date('2026-12-01T16:00:00Z');
    expect(digestWindow('daily', evening, zone)).toEqual({ start: new Date('2026-11-30T23:00:00Z'), end: evening });
  });

  it('the last two week ends are this week’s start and the one before', () => {
    expect(lastWeekEnds(monday, zone)).toEqual([new Date('2026-11-29T23:00:00Z'), new Date('2026-11-22T23:00:00Z')]);
  });
});

describe('reading a rep’s goal at an instant', () => {
  const weekEnd = new Date('2026-11-29T23:00:00Z');

  it('at a week’s end a weekly goal is read over the week that ended, with all of it expected', () => {
    const reading = readGoalAt([goal()], weekEnd, zone);
    expect(reading?.counted).toEqual({ start: new Date('2026-11-22T23:00:00Z'), end: weekEnd });
    const read = digestGoal(reading!, calls(25), [], zone);
    expect(read).toMatchObject({ actual: 25, target: 40, expected: 40, status: 'behind' });
    expect(digestGoal(reading!, calls(35), [], zone).status).toBe('at_risk');
    expect(digestGoal(reading!, calls(40), [], zone).status).toBe('done');
  });

  it('a monthly goal counts from the month’s start up to the instant only', () => {
    const reading = readGoalAt([goal({ period: { kind: 'month' }, target: 100 })], weekEnd, zone);
    expect(reading?.counted).toEqual({ start: new Date('2026-10-31T23:00:00Z'), end: weekEnd });
    // 20 of 21 working days of November have passed.
    expect(digestGoal(reading!, calls(50), [], zone).expected).toBeCloseTo((100 * 20) / 21);
  });

  it('a daily goal read at a week’s end is read on Friday, the last working day', () => {
    const reading = readGoalAt([goal({ period: { kind: 'day' }, target: 10 })], weekEnd, zone);
    expect(reading?.counted).toEqual({ start: new Date('2026-11-26T23:00:00Z'), end: new Date('2026-11-27T23:00:00Z') });
  });

  it('the first goal running then is the rep’s main goal: a custom goal that ended is passed over', () => {
    const over = goal({ id: 'old', period: { kind: 'custom', startsOn: '2026-10-01', endsOn: '2026-10-31' } });
    expect(readGoalAt([over, goal({ id: 'weekly' })], weekEnd, zone)?.goal.id).toBe('weekly');
    expect(readGoalAt([over], weekEnd, zone)).toBeNull();
    expect(readGoalAt([], weekEnd, zone)).toBeNull();
  });
});

describe('behind two weeks running', () => {
  it.each([
    ['behind', 'behind', true],
    ['behind', 'at_risk', false],
    ['at_risk', 'behind', false],
    ['behind', null, false],
    [null, 'behind', false],
    ['done', 'behind', false],
  ] as const)('last week %s, the week before %s: %s', (lastWeek, weekBefore, expected) => {
    expect(behindTwoWeeksRunning(lastWeek, weekBefore)).toBe(expected);
  });
});

describe('a check-in round in the digest', () => {
  const questions: CheckInQuestion[] = defaultCheckInQuestions.map((q) => ({ ...q, label: q.id }));
  const answer = (userId: string, answers: CheckInAnswer['answers'], skippedReason: string | null = null): CheckInAnswer => ({
    teamId: 'T1', salesTeamId: 's1', week: '2026-11-27', userId, answers, skippedReason, flagged: false, late: false, submittedAt: new Date(), threadPosts: [],
  });

  it('completion, low confidence (2 or less) and help asked with what for', () => {
    const round = { week: '2026-11-27', questions, expected: ['U1', 'U2', 'U3', 'U4'], away: [] };
    const figures = digestCheckIn(
      round,
      [
        answer('U1', { confidence: 2, help: { yes: true, detail: 'pricing for Acme' } }),
        answer('U2', { confidence: 3, help: { yes: false, detail: null } }),
        answer('U3', null, 'on a course'),
      ],
      (id) => `Rep ${id}`,
    );
    expect(figures).toEqual({
      week: '2026-11-27',
      expected: 4,
      answered: 2,
      skipped: 1,
      lowConfidence: [{ userId: 'U1', name: 'Rep U1' }],
      help: [{ userId: 'U1', name: 'Rep U1', detail: 'pricing for Acme' }],
    });
  });
});

describe('customers in the digest', () => {
  it('keeps the counts as the database made them and names each quoted complaint’s rep', () => {
    const figures = customerFigures(
      { checkBacks: 3, satisfaction: 3.5, complaints: 7, newestComplaints: [{ lead: 'B', ownerId: 'U1', complaint: 'late delivery' }] },
      (id) => (id === 'U1' ? 'Rita' : id),
    );
    expect(figures).toEqual({ checkBacks: 3, satisfaction: 3.5, complaintCount: 7, complaints: [{ lead: 'B', name: 'Rita', complaint: 'late delivery' }] });
  });
});
