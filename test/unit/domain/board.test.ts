import { describe, expect, it } from 'vitest';
import { defaultActivityTypes } from '../../../src/domain/activity-types.js';
import { weekBadges } from '../../../src/domain/badges.js';
import { parseBoardCommand } from '../../../src/domain/board-command.js';
import {
  categoryWinners,
  currentStreak,
  improvement,
  rankBoard,
  readRanking,
  type Ranking,
  type RepTally,
} from '../../../src/domain/board.js';
import { PacerError } from '../../../src/errors.js';

const tally = (userId: string, change: Partial<RepTally> = {}): RepTally => ({
  userId,
  points: 0,
  counts: {},
  revenue: 0,
  biggestDeal: 0,
  priorPoints: 0,
  kudos: 0,
  satisfaction: null,
  activeDays: [],
  ...change,
});
const points: Ranking = { by: 'points' };

describe('rankBoard', () => {
  it('ranks by points, highest first, and leaves out reps with no activity', () => {
    const entries = rankBoard([tally('U1', { points: 5, counts: { call: 5 } }), tally('U2'), tally('U3', { points: 9, counts: { demo: 2 } })], points);
    expect(entries.map((e) => [e.tally.userId, e.rank, e.tied])).toEqual([
      ['U3', 1, false],
      ['U1', 2, false],
    ]);
  });

  it('shows ties as ties and skips the ranks they take (1, 2, 2, 4), ordered by name within a tie', () => {
    const names: Record<string, string> = { U1: 'Zoe', U2: 'Adam', U3: 'Max', U4: 'Bea' };
    const entries = rankBoard(
      [
        tally('U1', { points: 7, counts: { call: 7 } }),
        tally('U2', { points: 7, counts: { call: 7 } }),
        tally('U3', { points: 9, counts: { call: 9 } }),
        tally('U4', { points: 3, counts: { call: 3 } }),
      ],
      points,
      (id) => names[id] ?? id,
    );
    expect(entries.map((e) => [names[e.tally.userId], e.rank, e.tied])).toEqual([
      ['Max', 1, false],
      ['Adam', 2, true],
      ['Zoe', 2, true],
      ['Bea', 4, false],
    ]);
  });

  it('ranks by one metric: a type count, or revenue', () => {
    const reps = [tally('U1', { points: 50, counts: { call: 2 }, revenue: 9000 }), tally('U2', { points: 10, counts: { call: 10 } })];
    expect(rankBoard(reps, { by: 'metric', metric: 'call' }).map((e) => e.tally.userId)).toEqual(['U2', 'U1']);
    expect(rankBoard(reps, { by: 'metric', metric: 'revenue' }).map((e) => [e.tally.userId, e.score])).toEqual([
      ['U1', 9000],
      ['U2', 0],
    ]);
  });

  it('ranks by goal attainment and leaves out reps without a goal', () => {
    const entries = rankBoard(
      [
        tally('U1', { points: 50, counts: { call: 50 }, goalPercent: 80 }),
        tally('U2', { points: 5, counts: { call: 5 }, goalPercent: 125 }),
        tally('U3', { points: 99, counts: { call: 99 }, goalPercent: null }),
      ],
      { by: 'goal' },
    );
    expect(entries.map((e) => [e.tally.userId, e.score])).toEqual([
      ['U2', 125],
      ['U1', 80],
    ]);
  });

  it('counts a rep with kudos but no logs as active', () => {
    expect(rankBoard([tally('U1', { kudos: 2 })], points)).toHaveLength(1);
  });
});

describe('currentStreak (working days with activity)', () => {
  // 2026-11-30 is a Monday.
  it('counts back over working days and skips the weekend', () => {
    const days = ['2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-30', '2026-12-01'];
    expect(currentStreak(days, '2026-12-01')).toBe(6);
  });

  it('a working day without activity breaks it', () => {
    expect(currentStreak(['2026-11-25', '2026-11-27', '2026-11-30'], '2026-11-30')).toBe(2);
  });

  it('today without activity yet does not break it: the run may end the working day before', () => {
    expect(currentStreak(['2026-11-26', '2026-11-27'], '2026-11-30')).toBe(2);
    expect(currentStreak(['2026-11-26'], '2026-11-30')).toBe(0);
  });

  it('weekend activity neither breaks nor lengthens it, and other working weeks can be chosen', () => {
    expect(currentStreak(['2026-11-27', '2026-11-28', '2026-11-29', '2026-11-30'], '2026-11-30')).toBe(2);
    // Sunday to Thursday: Friday and Saturday are the weekend.
    expect(currentStreak(['2026-11-26', '2026-11-29'], '2026-11-29', [7, 1, 2, 3, 4])).toBe(2);
  });

  it('no days, no streak; an unreadable day is none', () => {
    expect(currentStreak([], '2026-11-30')).toBe(0);
    expect(currentStreak(['2026-11-30'], 'not a day')).toBe(0);
    expect(currentStreak(['2026-02-28'], '2026-02-30')).toBe(0);
    expect(currentStreak(['2026-11-30'], '2026-13-01')).toBe(0);
  });

  it('runs over month and year ends and leap days', () => {
    // Wednesday 31 December 2025 to Friday 2 January 2026; Thursday 29 February 2024.
    expect(currentStreak(['2025-12-31', '2026-01-01', '2026-01-02'], '2026-01-02')).toBe(3);
    expect(currentStreak(['2024-02-28', '2024-02-29', '2024-03-01'], '2024-03-01')).toBe(3);
    expect(currentStreak(['2024-02-28', '2024-03-01'], '2024-03-01')).toBe(1);
  });

  it('reaches back no further than the look-back', () => {
    const everyDay = Array.from({ length: 200 }, (_, i) => new Date(Date.UTC(2026, 5, 1 + i)).toISOString().slice(0, 10));
    // 91 days up to Friday 27 November 2026 hold 65 working days.
    expect(currentStreak(everyDay, '2026-11-27')).toBe(65);
  });
});

describe('improvement and category winners', () => {
  it('compares a week with the average of the four before; a newcomer has none', () => {
    expect(improvement(tally('U1', { points: 30, priorPoints: 80 }), 7)).toBe(10);
    expect(improvement(tally('U1', { points: 30, priorPoints: 0 }), 7)).toBeNull();
  });

  it('names every rep tied at the top of a category, and no one for a category nobody scored in', () => {
    const entries = rankBoard(
      [
        tally('U1', { points: 10, counts: { call: 10 }, revenue: 5000, biggestDeal: 5000, kudos: 2, activeDays: ['2026-11-26', '2026-11-27'] }),
        tally('U2', { points: 10, counts: { call: 10 }, revenue: 0, kudos: 2, priorPoints: 8, activeDays: ['2026-11-27'] }),
      ],
      points,
    );
    const winners = categoryWinners(entries, { through: '2026-11-29', windowDays: 7 });
    const byCategory = Object.fromEntries(winners.map((w) => [w.category, w]));
    expect(byCategory.activity?.userIds).toEqual(['U1', 'U2']);
    expect(byCategory.revenue).toEqual({ category: 'revenue', value: 5000, userIds: ['U1'] });
    expect(byCategory.kudos?.userIds).toEqual(['U1', 'U2']);
    expect(byCategory.streak).toEqual({ category: 'streak', value: 2, userIds: ['U1'] });
    expect(byCategory.improved).toEqual({ category: 'improved', value: 8, userIds: ['U2'] });
    expect(byCategory.satisfaction).toBeUndefined();
  });
});

describe('badges', () => {
  const entry = (change: Partial<RepTally> = {}, rank = 2) => ({ rank, tied: false, score: 10, tally: tally('U1', { points: 10, counts: { call: 10 }, ...change }) });

  it('awards each rule its badge', () => {
    expect(weekBadges({ entry: entry({ revenue: 100 }, 1), streak: 10, goalHits: [true, true, true] })).toEqual([
      'first-deal',
      'streak-10',
      'goal-hit',
      'goals-3-in-a-row',
      'top-of-week',
    ]);
    expect(weekBadges({ entry: entry({ kudos: 5 }), streak: 9, goalHits: [true, false, true] })).toEqual(['goal-hit', 'kudos-5']);
  });

  it('a week without a goal is no hit', () => {
    expect(weekBadges({ entry: entry(), streak: 0, goalHits: [null, true, true] })).toEqual([]);
  });
});

describe('readRanking', () => {
  it('reads points, goal, revenue and a type by any of its words', () => {
    expect(readRanking('points', defaultActivityTypes)).toEqual({ by: 'points' });
    expect(readRanking('Goal', defaultActivityTypes)).toEqual({ by: 'goal' });
    expect(readRanking('revenue', defaultActivityTypes)).toEqual({ by: 'metric', metric: 'revenue' });
    expect(readRanking('demos', defaultActivityTypes)).toEqual({ by: 'metric', metric: 'demo' });
  });

  it('refuses a word that names nothing, listing the choices', () => {
    expect(() => readRanking('karma', defaultActivityTypes)).toThrow(PacerError);
  });
});

describe('parseBoardCommand', () => {
  it('reads windows, a metric and a team in any order', () => {
    expect(parseBoardCommand('')).toEqual({ action: 'show', window: { kind: 'week' }, metric: null, team: null });
    expect(parseBoardCommand('month')).toEqual({ action: 'show', window: { kind: 'month' }, metric: null, team: null });
    expect(parseBoardCommand('week calls')).toEqual({ action: 'show', window: { kind: 'week' }, metric: 'calls', team: null });
    expect(parseBoardCommand('team West quarter')).toEqual({ action: 'show', window: { kind: 'quarter' }, metric: null, team: 'West' });
    expect(parseBoardCommand('since 2026-02-01')).toEqual({ action: 'show', window: { kind: 'since', words: ['2026-02-01'] }, metric: null, team: null });
    expect(parseBoardCommand('since 1 feb team "North East"')).toEqual({
      action: 'show',
      window: { kind: 'since', words: ['1', 'feb'] },
      metric: null,
      team: 'North East',
    });
  });

  it('reads help and contest', () => {
    expect(parseBoardCommand('help')).toEqual({ action: 'help' });
    expect(parseBoardCommand('contest')).toEqual({ action: 'contest', name: null });
    expect(parseBoardCommand('contest December blitz')).toEqual({ action: 'contest', name: 'December blitz' });
  });

  it('refuses two windows, two metrics, a bare team or since', () => {
    for (const text of ['week month', 'calls demos', 'team', 'since', 'week week']) {
      expect(() => parseBoardCommand(text), text).toThrow(PacerError);
    }
  });
});
