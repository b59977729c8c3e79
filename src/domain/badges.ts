import type { BoardEntry } from './board.js';

/** Badges a rep earns once, announced with the weekly board and listed on their App Home. */
export const badgeKinds = ['first-deal', 'streak-10', 'goal-hit', 'goals-3-in-a-row', 'top-of-week', 'kudos-5'] as const;
export type BadgeKind = (typeof badgeKinds)[number];

export interface Badge {
  userId: string;
  badge: BadgeKind;
  /** What earned it: the week's first day (YYYY-MM-DD). */
  earnedFor: string;
}

export const badgeStreakDays = 10;
export const badgeKudosInWeek = 5;

/** What a rep did in the week a board closes, beside their board entry. */
export interface WeekRecord {
  entry: BoardEntry;
  streak: number;
  /** Did they reach their goal this week, the week before and the one before that (null: no goal that week). */
  goalHits: readonly [boolean | null, boolean | null, boolean | null];
}

/** The badges a week earns a rep; those already held are filtered out by the caller. */
export function weekBadges(record: WeekRecord): BadgeKind[] {
  const { entry, streak, goalHits } = record;
  const earned: BadgeKind[] = [];
  // Badges are held once, so the first week with revenue is the first deal's.
  if (entry.tally.revenue > 0) earned.push('first-deal');
  if (streak >= badgeStreakDays) earned.push('streak-10');
  if (goalHits[0] === true) earned.push('goal-hit');
  if (goalHits.every((hit) => hit === true)) earned.push('goals-3-in-a-row');
  if (entry.rank === 1 && entry.score > 0) earned.push('top-of-week');
  if (entry.tally.kudos >= badgeKudosInWeek) earned.push('kudos-5');
  return earned;
}
