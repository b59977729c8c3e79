import { DateTime } from 'luxon';
import { buildContestStanding } from '../../blocks/contests.js';
import type { SlackMessage } from '../../blocks/text.js';
import type { Clock } from '../clock.js';
import type { ActivityType } from '../domain/activity-types.js';
import { scoreOf } from '../domain/board.js';
import {
  checkContestNameFree,
  checkContestNotOver,
  contestPhase,
  contestRanking,
  contestSpanSoFar,
  contestTeams,
  contestTimeZone,
  mayCancelContest,
  rankStanding,
  readContestMetric,
  teamTotals,
  type Contest,
  type ContestPhase,
  type ContestRequest,
  type StandingLine,
} from '../domain/contests.js';
import type { Member } from '../domain/members.js';
import { localDate } from '../domain/periods.js';
import type { SalesTeam } from '../domain/sales-teams.js';
import { PacerError } from '../errors.js';
import type { Translator } from '../i18n/index.js';
import type { BoardStore } from '../store/board-store.js';
import type { ContestStore } from '../store/contest-store.js';
import type { MemberStore } from '../store/member-store.js';
import type { SalesTeamStore } from '../store/sales-team-store.js';
import type { RoleBook } from './role-book.js';

/** A contest with the names of its teams and where it stands today (in its zone). */
export interface ContestView {
  contest: Contest;
  teams: string[];
  phase: ContestPhase;
}

/** A contest's standing so far: reps (or teams) ranked by its metric. */
export interface ContestStanding extends ContestView {
  lines: StandingLine[];
  /** Team mode: each team's reps, for naming the winning team's people. */
  members: Record<string, string[]>;
}

export interface ContestList {
  /** Running first (nearest its end first), then upcoming. */
  current: ContestView[];
  /** The last few that ended, latest first. */
  ended: ContestView[];
}

export interface ContestBook {
  /** A manager's contest for their teams (or those named); refused to reps. */
  create(actor: Member, request: ContestRequest, types: readonly ActivityType[]): Promise<ContestView>;
  list(actor: Member): Promise<ContestList>;
  /** Deletes the contest: no more posts. Its creator, a manager of its teams or an admin. */
  cancel(actor: Member, name: string): Promise<Contest>;
  /** `/board contest [name]`: the running contest of the person's teams (or the one named), as a reply. */
  standingReply(actor: Member, tr: Translator, name: string | null): Promise<SlackMessage>;
  /** The standing as of `now`, for the results post: no person involved. */
  standing(contest: Contest, now: Date): Promise<ContestStanding>;
}

/** Ended contests `/pacer contest list` shows. */
const endedShown = 3;

/** The day before UTC's today: no zone's today is earlier, so a query from it misses no contest still on. */
const dayBefore = (now: Date) => DateTime.fromJSDate(now, { zone: 'utc' }).minus({ days: 1 }).toISODate() ?? '';

export function createContestBook(deps: {
  contests: ContestStore;
  boards: Pick<BoardStore, 'tallies'>;
  members: Pick<MemberStore, 'names'>;
  teams: Pick<SalesTeamStore, 'list'>;
  roles: RoleBook;
  clock: Clock;
}): ContestBook {
  const { contests, boards, members, teams, roles, clock } = deps;

  const viewOf = (contest: Contest, all: readonly SalesTeam[], now: Date): ContestView => ({
    contest,
    teams: contest.salesTeamIds.flatMap((id) => all.find((t) => t.id === id)?.name ?? []),
    phase: contestPhase(contest, localDate(now, contest.timeZone)),
  });

  /** Contests of a workspace around now, read in their own zones: on (running nearest its end first, then upcoming) and just ended. */
  async function around(teamId: string, now: Date, all: readonly SalesTeam[]): Promise<{ on: ContestView[]; justEnded: ContestView[] }> {
    const views = (await contests.endingFrom(teamId, dayBefore(now))).map((c) => viewOf(c, all, now));
    const order = (v: ContestView) => (v.phase.phase === 'running' ? 0 : 1);
    const on = views
      .filter((v) => v.phase.phase !== 'ended')
      .sort((a, b) => order(a) - order(b) || (order(a) === 0 ? a.contest.endsOn.localeCompare(b.contest.endsOn) : a.contest.startsOn.localeCompare(b.contest.startsOn)));
    return { on, justEnded: views.filter((v) => v.phase.phase === 'ended') };
  }

  async function standing(contest: Contest, now: Date, all?: readonly SalesTeam[]): Promise<ContestStanding> {
    const known = all ?? (await teams.list(contest.teamId));
    const playing = contest.salesTeamIds.flatMap((id) => known.find((t) => t.id === id) ?? []);
    const reps = [...new Set(playing.flatMap((t) => t.members))];
    const span = contestSpanSoFar(contest, now);
    // One statement for every rep's numbers (the board's), however many reps the contest has.
    const [tallies, names] = await Promise.all([boards.tallies(contest.teamId, reps, span, contest.timeZone), members.names(contest.teamId, reps)]);
    const ranking = contestRanking(contest.metric);
    const scores = new Map(tallies.map((tally) => [tally.userId, scoreOf(tally, ranking) ?? 0]));
    const lines =
      contest.mode === 'teams'
        ? rankStanding(teamTotals(playing, scores), true)
        : rankStanding(reps.map((id) => ({ id, name: names.get(id) ?? id, score: scores.get(id) ?? 0 })), false);
    return {
      ...viewOf(contest, known, now),
      lines,
      members: contest.mode === 'teams' ? Object.fromEntries(playing.map((t) => [t.id, [...t.members]])) : {},
    };
  }

  /** A contest by name: one still on before one that ended. */
  async function findNamed(teamId: string, name: string, now: Date): Promise<Contest> {
    const found = await contests.named(teamId, name);
    const onNow = found.find((c) => contestPhase(c, localDate(now, c.timeZone)).phase !== 'ended');
    const contest = onNow ?? found[0];
    if (!contest) throw new PacerError('contest_not_found', { name });
    return contest;
  }

  return {
    standing: (contest, now) => standing(contest, now),

    async create(actor, request, types) {
      const [who, all] = await Promise.all([roles.of(actor), teams.list(actor.teamId)]);
      // Who may first: a rep hears that contests are for managers, whatever else was mistyped.
      const chosen = contestTeams(who, all, request.teams, request.mode);
      const metric = readContestMetric(request.metricWord, types);
      const timeZone = contestTimeZone(chosen, actor.timeZone);
      const now = clock.now();
      checkContestNotOver(request.endsOn, localDate(now, timeZone));
      checkContestNameFree(request.name, (await around(actor.teamId, now, all)).on.map((v) => v.contest));
      const contest = await contests.create({
        teamId: actor.teamId,
        name: request.name,
        metric,
        startsOn: request.startsOn,
        endsOn: request.endsOn,
        timeZone,
        mode: request.mode,
        prize: request.prize,
        salesTeamIds: chosen.map((t) => t.id),
        createdBy: actor.userId,
        // The clock's, not the database's: the kick-off of a late contest is due from this instant.
        createdAt: now,
      });
      return viewOf(contest, all, now);
    },

    async list(actor) {
      const now = clock.now();
      const all = await teams.list(actor.teamId);
      const [{ on, justEnded }, before] = await Promise.all([around(actor.teamId, now, all), contests.endedBefore(actor.teamId, dayBefore(now), endedShown)]);
      const ended = [...justEnded, ...before.map((c) => viewOf(c, all, now))].sort((a, b) => b.contest.endsOn.localeCompare(a.contest.endsOn)).slice(0, endedShown);
      return { current: on, ended };
    },

    async cancel(actor, name) {
      const now = clock.now();
      const contest = await findNamed(actor.teamId, name, now);
      if (!mayCancelContest(await roles.of(actor), contest)) throw new PacerError('contest_cancel_refused', { name: contest.name });
      await contests.remove(actor.teamId, contest.id);
      return contest;
    },

    async standingReply(actor, tr, name) {
      const now = clock.now();
      const all = await teams.list(actor.teamId);
      if (name !== null) return buildContestStanding(tr, await standing(await findNamed(actor.teamId, name, now), now, all), []);
      const who = await roles.of(actor);
      const mine = new Set([...who.manages, ...who.memberOf]);
      const theirs = (await around(actor.teamId, now, all)).on.filter((v) => who.isAdmin || v.contest.salesTeamIds.some((id) => mine.has(id)));
      // The running one nearest its end, else the next to start; the other running ones are named.
      const [first, ...others] = theirs;
      if (!first) throw new PacerError('contest_none_running');
      const alsoRunning = others.filter((v) => v.phase.phase === 'running').map((v) => v.contest.name);
      return buildContestStanding(tr, await standing(first.contest, now, all), alsoRunning);
    },
  };
}
