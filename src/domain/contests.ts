import { DateTime } from 'luxon';
import { PacerError } from '../errors.js';
import { activeTypeWords, type ActivityType } from './activity-types.js';
import { readRanking, type Ranking } from './board.js';
import { isIsoDate, periodSpan, type Span } from './periods.js';
import { mayRunTeam, type Roles } from './roles.js';
import { teamNameKey, type SalesTeam } from './sales-teams.js';

/** `reps`: rep against rep; `teams`: each team's reps summed, team against team. */
export type ContestMode = 'reps' | 'teams';

export interface Contest {
  id: string;
  /** The Slack workspace. */
  teamId: string;
  name: string;
  /** An activity type's key, `revenue` or `points`. */
  metric: string;
  /** First and last local day (YYYY-MM-DD, inclusive) in `timeZone`. */
  startsOn: string;
  endsOn: string;
  timeZone: string;
  mode: ContestMode;
  prize: string | null;
  /** The participating sales teams, in the order they were chosen: the first gives the zone. */
  salesTeamIds: string[];
  createdBy: string;
  createdAt: Date;
}

export type NewContest = Omit<Contest, 'id'>;

/** What `/pacer contest "<name>" …` asked for, before the metric is read against the workspace's types. */
export interface ContestRequest {
  name: string;
  metricWord: string;
  startsOn: string;
  endsOn: string;
  prize: string | null;
  mode: ContestMode;
  /** Team names given with `team <name>`; empty: every team the creator manages. */
  teams: string[];
}

export const maxContestDays = 92;
export const maxContestName = 60;
export const maxContestPrize = 100;

/** A contest's posts go at this local time: the kick-off on its first day, the results the day after its last. */
export const contestPostTime = '09:00';
/** The results are still posted this many days after they were due (downtime). */
export const finalCatchUpDays = 7;
/**
 * A late kick-off is still posted this long after it fell due, while the contest runs. Kept under
 * the 45 days the scheduler keeps claims (src/jobs/scheduler.ts): a forgotten claim is never due again.
 */
export const kickOffCatchUpDays = 30;

/** The metric a contest ranks by: points, revenue or an active type; a goal's attainment is no contest. */
export function readContestMetric(word: string, types: readonly ActivityType[]): string {
  const refuse = () => new PacerError('contest_metric', { given: word, metrics: ['points', 'revenue', ...activeTypeWords(types)].join(', ') });
  let ranking: Ranking;
  try {
    ranking = readRanking(word, types);
  } catch (error) {
    if (error instanceof PacerError) throw refuse();
    throw error;
  }
  if (ranking.by === 'goal') throw refuse();
  return ranking.by === 'points' ? 'points' : ranking.metric;
}

export function contestRanking(metric: string): Ranking {
  return metric === 'points' ? { by: 'points' } : { by: 'metric', metric };
}

const dayOf = (isoDate: string) => DateTime.fromISO(isoDate, { zone: 'utc' });
const daysFrom = (from: string, to: string) => Math.round(dayOf(to).diff(dayOf(from), 'days').days);

/** `2026-12-01..2026-12-15`: both real days, the end not before the start, at most `maxContestDays` days. */
export function readContestDates(given: string): { startsOn: string; endsOn: string } {
  const m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(given);
  const [, startsOn = '', endsOn = ''] = m ?? [];
  if (!isIsoDate(startsOn) || !isIsoDate(endsOn)) throw new PacerError('contest_dates', { given });
  if (endsOn < startsOn) throw new PacerError('contest_dates_order', { given });
  if (daysFrom(startsOn, endsOn) + 1 > maxContestDays) throw new PacerError('contest_too_long', { given, max: maxContestDays });
  return { startsOn, endsOn };
}

/** A contest may start in the past (a late announcement), but not end there. */
export function checkContestNotOver(endsOn: string, today: string): void {
  if (endsOn < today) throw new PacerError('contest_over', { ends: endsOn, today });
}

export type ContestPhase = { phase: 'upcoming'; startsInDays: number } | { phase: 'running'; daysLeft: number } | { phase: 'ended' };

/** Where a contest stands on the local day `today`; `daysLeft` counts today (1 on the last day). */
export function contestPhase(contest: Pick<Contest, 'startsOn' | 'endsOn'>, today: string): ContestPhase {
  if (today < contest.startsOn) return { phase: 'upcoming', startsInDays: daysFrom(today, contest.startsOn) };
  if (today > contest.endsOn) return { phase: 'ended' };
  return { phase: 'running', daysLeft: daysFrom(today, contest.endsOn) + 1 };
}

/** The contest's days so far: from its first local day to `now`, or to its end once over; empty before it starts. */
export function contestSpanSoFar(contest: Pick<Contest, 'startsOn' | 'endsOn' | 'timeZone'>, now: Date): Span {
  const whole = periodSpan({ kind: 'custom', startsOn: contest.startsOn, endsOn: contest.endsOn }, now, contest.timeZone);
  const end = Math.max(whole.start.getTime(), Math.min(now.getTime(), whole.end.getTime()));
  return { start: whole.start, end: new Date(end) };
}

/**
 * The teams a contest is for. Managers run contests for the teams they manage (all of them unless
 * named); an admin may name any team, and must name one when they manage none; reps are refused.
 */
export function contestTeams(roles: Roles, all: readonly SalesTeam[], named: readonly string[], mode: ContestMode): SalesTeam[] {
  if (!roles.isAdmin && roles.manages.length === 0) throw new PacerError('contest_managers_only');
  let chosen: SalesTeam[];
  if (named.length > 0) {
    chosen = named.map((name) => {
      const team = all.find((t) => teamNameKey(t.name) === teamNameKey(name));
      if (!team) throw new PacerError('team_not_found', { name, teams: all.map((t) => t.name).join(', ') });
      if (!mayRunTeam(roles, team.id)) throw new PacerError('contest_not_your_team', { team: team.name });
      return team;
    });
    chosen = chosen.filter((team, i) => chosen.findIndex((t) => t.id === team.id) === i);
  } else {
    chosen = all.filter((t) => roles.manages.includes(t.id));
    if (chosen.length === 0) throw new PacerError('contest_name_a_team', { teams: all.map((t) => t.name).join(', ') });
  }
  if (mode === 'teams' && chosen.length < 2) throw new PacerError('contest_teams_need_two');
  return chosen;
}

/** The contest's zone: its first team's, else its creator's. */
export function contestTimeZone(teams: readonly Pick<SalesTeam, 'timeZone'>[], creatorZone: string): string {
  return teams[0]?.timeZone ?? creatorZone;
}

/** Names are unique among the workspace's contests that have not ended, without case. */
export function checkContestNameFree(name: string, notEnded: readonly Pick<Contest, 'name'>[]): void {
  const key = teamNameKey(name);
  if (notEnded.some((c) => teamNameKey(c.name) === key)) throw new PacerError('contest_name_taken', { name });
}

/** Who may call a contest off: its creator, a manager of one of its teams, or an admin. */
export function mayCancelContest(roles: Roles, contest: Pick<Contest, 'createdBy' | 'salesTeamIds'>): boolean {
  return roles.isAdmin || contest.createdBy === roles.userId || contest.salesTeamIds.some((id) => roles.manages.includes(id));
}

/** One line of a standing: a rep (by user id) or a team (by sales team id). Plain JSON, kept in the outbox. */
export interface StandingLine {
  id: string;
  name: string;
  /** Competition ranking: two tied second are both 2, the next is 4. */
  rank: number;
  tied: boolean;
  score: number;
}

/**
 * Ranks scores highest first, ties sharing a rank (ordered by name). Reps with nothing yet are left
 * out (`keepZero` false); teams are all shown, a team at zero included.
 */
export function rankStanding(entries: readonly { id: string; name: string; score: number }[], keepZero: boolean): StandingLine[] {
  const sorted = entries.filter((e) => keepZero || e.score > 0).sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
  let rank = 0;
  return sorted.map((entry, index) => {
    const previous = sorted[index - 1];
    if (previous?.score !== entry.score) rank = index + 1;
    const tied = previous?.score === entry.score || sorted[index + 1]?.score === entry.score;
    return { id: entry.id, name: entry.name, rank, tied, score: entry.score };
  });
}

/** Each team's score: the sum of its reps' (a rep in two teams counts for each). */
export function teamTotals(
  teams: readonly Pick<SalesTeam, 'id' | 'name' | 'members'>[],
  repScores: ReadonlyMap<string, number>,
): { id: string; name: string; score: number }[] {
  return teams.map((team) => ({ id: team.id, name: team.name, score: team.members.reduce((sum, userId) => sum + (repScores.get(userId) ?? 0), 0) }));
}

/** The lines ranked first with something scored: one winner, or several tied. */
export function contestWinners(lines: readonly StandingLine[]): StandingLine[] {
  return lines.filter((line) => line.rank === 1 && line.score > 0);
}

/** When a contest's posts are due: [from, until). */
export interface PostWindow {
  from: Date;
  until: Date;
}

const atPostTime = (isoDate: string, timeZone: string) => DateTime.fromISO(`${isoDate}T${contestPostTime}`, { zone: timeZone }).toJSDate();

/**
 * The kick-off: its first day at 09:00, or at once for a contest created later than that; due
 * while the contest runs, at most `kickOffCatchUpDays` after it fell due.
 */
export function kickOffWindow(contest: Pick<Contest, 'startsOn' | 'endsOn' | 'timeZone' | 'createdAt'>): PostWindow {
  const from = new Date(Math.max(atPostTime(contest.startsOn, contest.timeZone).getTime(), contest.createdAt.getTime()));
  const over = periodSpan({ kind: 'custom', startsOn: contest.startsOn, endsOn: contest.endsOn }, from, contest.timeZone).end;
  return { from, until: new Date(Math.min(over.getTime(), from.getTime() + kickOffCatchUpDays * 86_400_000)) };
}

/** The results: the day after the last at 09:00, caught up for `finalCatchUpDays`. */
export function finalWindow(contest: Pick<Contest, 'endsOn' | 'timeZone'>): PostWindow {
  const from = atPostTime(dayOf(contest.endsOn).plus({ days: 1 }).toISODate() ?? contest.endsOn, contest.timeZone);
  return { from, until: DateTime.fromJSDate(from, { zone: contest.timeZone }).plus({ days: finalCatchUpDays }).toJSDate() };
}

export const isDue = (window: PostWindow, now: Date) => window.from <= now && now < window.until;
