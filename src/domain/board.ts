import { PacerError } from '../errors.js';
import { activeTypeWords, findActivityType, type ActivityType } from './activity-types.js';
import { mondayToFriday, type Weekday } from './periods.js';

/**
 * How a team's board ranks its reps: by points (the default), by one metric (an activity type's
 * count, or revenue), or by goal attainment (each rep's percent of their own goal), so that reps
 * with different quotas and new reps compete fairly.
 */
export type Ranking = { by: 'points' } | { by: 'metric'; metric: string } | { by: 'goal' };

const goalWords = new Set(['goal', 'goals', 'attainment', 'quota']);

/** `points`, `goal`, `revenue` or an active activity type's word (`calls`, `demos`). */
export function readRanking(word: string, types: readonly ActivityType[]): Ranking {
  const given = word.toLowerCase();
  if (given === 'points' || given === 'pts') return { by: 'points' };
  if (goalWords.has(given)) return { by: 'goal' };
  if (given === 'revenue' || given === 'rev') return { by: 'metric', metric: 'revenue' };
  const type = findActivityType(types, given);
  if (!type?.active) throw new PacerError('pacer_ranking', { given: word, metrics: ['points', 'goal', 'revenue', ...activeTypeWords(types)].join(', ') });
  return { by: 'metric', metric: type.key };
}

/** One rep's numbers over a board's window, as the board query sums them. */
export interface RepTally {
  userId: string;
  /** Points with each type's daily cap applied. */
  points: number;
  /** Per activity type: the count logged (a money type counts its logs). */
  counts: Readonly<Record<string, number>>;
  revenue: number;
  /** The largest single amount on a money log; 0 without one. */
  biggestDeal: number;
  /** Capped points of the four weeks before the window. */
  priorPoints: number;
  kudos: number;
  /** Average customer satisfaction (1–5) of check-backs in the window; null without any. */
  satisfaction: number | null;
  /** Local days (YYYY-MM-DD) with any activity, over the streak look-back up to the window's end. */
  activeDays: readonly string[];
  /** Percent of the rep's own goal(s) for the window; null when they have none (ranking by goal only). */
  goalPercent?: number | null;
}

export interface BoardEntry {
  /** Competition ranking: two reps tied second are both 2, the next is 4. */
  rank: number;
  tied: boolean;
  score: number;
  tally: RepTally;
}

export const boardCategories = ['activity', 'revenue', 'biggestDeal', 'improved', 'streak', 'kudos', 'satisfaction'] as const;
export type BoardCategory = (typeof boardCategories)[number];

/** A category's winners: several when they tie. */
export interface CategoryWinner {
  category: BoardCategory;
  userIds: string[];
  value: number;
}

/** How many working days of activity a streak may reach back for; longer streaks show as this many. */
export const streakLookBackDays = 90;
/** "Most improved" compares against the average week of this many weeks before the window. */
export const improvementWeeks = 4;

/** All units logged: the "most activity" figure (a money type counts its logs). */
export function activityCount(tally: RepTally): number {
  return Object.values(tally.counts).reduce((sum, n) => sum + n, 0);
}

/** A rep shows on a board only with something logged or received in the window. */
export function hasActivity(tally: RepTally): boolean {
  return activityCount(tally) > 0 || tally.kudos > 0;
}

/** The score a ranking reads; null when the rep has nothing to be ranked by (no goal). */
export function scoreOf(tally: RepTally, ranking: Ranking): number | null {
  switch (ranking.by) {
    case 'points':
      return tally.points;
    case 'metric':
      return ranking.metric === 'revenue' ? tally.revenue : (tally.counts[ranking.metric] ?? 0);
    case 'goal':
      return tally.goalPercent ?? null;
  }
}

/**
 * Ranks the reps with activity, highest score first. Equal scores share a rank and are shown as
 * ties (ordered by `nameOf` for a stable display); reps without a score are left out.
 */
export function rankBoard(tallies: readonly RepTally[], ranking: Ranking, nameOf: (userId: string) => string = (id) => id): BoardEntry[] {
  const scored = tallies
    .filter(hasActivity)
    .flatMap((tally) => {
      const score = scoreOf(tally, ranking);
      return score === null ? [] : [{ tally, score }];
    })
    .sort((a, b) => b.score - a.score || nameOf(a.tally.userId).localeCompare(nameOf(b.tally.userId)));
  let rank = 0;
  return scored.map(({ tally, score }, index) => {
    const previous = scored[index - 1];
    if (previous?.score !== score) rank = index + 1;
    const tied = previous?.score === score || scored[index + 1]?.score === score;
    return { rank, tied, score, tally };
  });
}

const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Days since 1970-01-01 of a 'YYYY-MM-DD' date; null when it is not a real date. Integer
 * arithmetic (Howard Hinnant's days_from_civil): a board converts some 65,000 days at once.
 */
function epochDay(date: string): number | null {
  if (date.length !== 10 || date[4] !== '-' || date[7] !== '-') return null;
  const digits = [0, 1, 2, 3, 5, 6, 8, 9].map((i) => date.charCodeAt(i) - 48);
  if (digits.some((d) => d < 0 || d > 9)) return null;
  const [y1 = 0, y2 = 0, y3 = 0, y4 = 0, m1 = 0, m2 = 0, d1 = 0, d2 = 0] = digits;
  const year = y1 * 1000 + y2 * 100 + y3 * 10 + y4;
  const month = m1 * 10 + m2;
  const dayOfMonth = d1 * 10 + d2;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > (monthDays[month - 1] ?? 0) + (month === 2 && leap ? 1 : 0)) return null;
  // Years start in March, so that a leap day is the last day of its year.
  const marchYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(marchYear / 400);
  const yearOfEra = marchYear - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + dayOfMonth - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a day number: 1970-01-01 was a Thursday. */
const weekdayOf = (epoch: number): Weekday => ((((((epoch + 3) % 7) + 7) % 7) + 1) as Weekday);

/**
 * The run of working days with activity that reaches `through` (a day without activity yet does
 * not break it: the run may end the working day before). Non-working days are skipped, and
 * activity on them neither breaks nor lengthens the run. Walks day numbers, not dates: a board
 * computes this for every rep, over up to 90 days each.
 */
export function currentStreak(activeDays: readonly string[], through: string, workingDays: readonly Weekday[] = mondayToFriday): number {
  const last = epochDay(through);
  if (last === null) return 0;
  const active = new Set(activeDays.map(epochDay));
  let streak = 0;
  let first = true;
  for (let day = last; day >= last - streakLookBackDays; day -= 1) {
    if (!workingDays.includes(weekdayOf(day))) continue;
    if (active.has(day)) streak += 1;
    else if (!first) break;
    first = false;
  }
  return streak;
}

/**
 * Points gained over the rep's own average week before the window, scaled to the window's length.
 * Null for a rep without history: a newcomer's first week is not an "improvement".
 */
export function improvement(tally: RepTally, windowDays: number): number | null {
  if (tally.priorPoints <= 0) return null;
  const averageWeek = tally.priorPoints / improvementWeeks;
  return tally.points - averageWeek * (windowDays / 7);
}

/** The category winners among ranked reps: the highest positive value, with everyone tied at it. */
export function categoryWinners(
  entries: readonly BoardEntry[],
  context: { through: string; windowDays: number; workingDays?: readonly Weekday[]; streakOf?: (tally: RepTally) => number },
): CategoryWinner[] {
  const valueIn = (category: BoardCategory, tally: RepTally): number | null => {
    switch (category) {
      case 'activity':
        return activityCount(tally);
      case 'revenue':
        return tally.revenue;
      case 'biggestDeal':
        return tally.biggestDeal;
      case 'improved':
        return improvement(tally, context.windowDays);
      case 'streak':
        return context.streakOf ? context.streakOf(tally) : currentStreak(tally.activeDays, context.through, context.workingDays);
      case 'kudos':
        return tally.kudos;
      case 'satisfaction':
        return tally.satisfaction;
    }
  };
  return boardCategories.flatMap((category) => {
    const values = entries.flatMap(({ tally }) => {
      const value = valueIn(category, tally);
      return value === null || !(value > 0) ? [] : [{ userId: tally.userId, value }];
    });
    if (values.length === 0) return [];
    const best = Math.max(...values.map((v) => v.value));
    return [{ category, value: best, userIds: values.filter((v) => v.value === best).map((v) => v.userId) }];
  });
}
