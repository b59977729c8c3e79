import { DateTime } from 'luxon';
import type { ActivityType } from '../domain/activity-types.js';
import { badgeKinds, weekBadges, type Badge, type BadgeKind } from '../domain/badges.js';
import { categoryWinners, currentStreak, rankBoard, type CategoryWinner, type Ranking, type RepTally } from '../domain/board.js';
import { goalActual, type Goal } from '../domain/goals.js';
import type { Clock } from '../clock.js';
import type { Member } from '../domain/members.js';
import { periodSpan, type Span } from '../domain/periods.js';
import { PacerError } from '../errors.js';
import type { SalesTeam } from '../domain/sales-teams.js';
import type { BadgeStore, HeldBadge } from '../store/badge-store.js';
import type { BoardStore } from '../store/board-store.js';
import type { GoalStore } from '../store/goal-store.js';
import type { MemberStore } from '../store/member-store.js';
import type { SalesTeamStore } from '../store/sales-team-store.js';

/** One rep's line on a board: what the post and the reply show. Plain JSON, kept in the outbox. */
export interface BoardLine {
  userId: string;
  name: string;
  rank: number;
  tied: boolean;
  score: number;
  points: number;
  counts: Record<string, number>;
  revenue: number;
  biggestDeal: number;
  kudos: number;
  streak: number;
}

/** A computed board: plain JSON, so that a weekly post can be queued and drawn when it is sent. */
export interface Board {
  team: { id: string; name: string } | null;
  /** First and last local day shown (inclusive). */
  from: string;
  to: string;
  ranking: Ranking;
  lines: BoardLine[];
  winners: CategoryWinner[];
  /** Reps with activity left unranked: no goal when ranking by goal. */
  unranked: number;
}

/** What a board covers: whose reps, which span, read in which zone. */
export interface BoardWindow {
  team: SalesTeam | null;
  span: Span;
  /** The zone whose days the window is made of: the team's, else the viewer's. */
  timeZone: string;
  ranking: Ranking;
  /** The goal period a goal ranking reads: the window's kind; null for a free window. */
  goalPeriod: 'week' | 'month' | 'quarter' | null;
  /** The window's last day up to now: streaks reach it. */
  now: Date;
}

/** What `/board` asked for, resolved: also what its "Share in channel" button carries. */
export interface BoardRequest {
  window: 'week' | 'month' | 'quarter' | 'since';
  /** The first day (YYYY-MM-DD) of a `since` window. */
  since: string | null;
  /** null: the team's own ranking. */
  ranking: Ranking | null;
  /** A sales team's id; null: the person's own team, or everyone when they have none. */
  salesTeamId: string | null;
}

export interface Leaderboard {
  /** A team by name, for `/board team West`: boards are posted in team channels, so anyone may see any team's. */
  teamNamed(teamId: string, name: string): Promise<SalesTeam>;
  /** The board a person asked for, with the team it is of (null: everyone in the workspace). */
  view(actor: Member, request: BoardRequest, types: readonly ActivityType[]): Promise<Board>;
  compute(teamId: string, window: BoardWindow, types: readonly ActivityType[]): Promise<Board>;
  /**
   * The weekly post's board for the week before `slotAt` in the team's zone, and the badges its
   * week earns (not yet held): the job awards them with its claim.
   */
  lastWeek(teamId: string, team: SalesTeam, slotAt: Date, types: readonly ActivityType[]): Promise<{ board: Board; badges: Badge[] }>;
  /** A rep's badges, as the App Home lists them. */
  badgesOf(teamId: string, userId: string): Promise<HeldBadge[]>;
  /** Where a person stands this week on their team's board, for the App Home. */
  standingOf(actor: Member, types: readonly ActivityType[]): Promise<HomeStanding>;
}

export interface HomeStanding {
  /** Their line on this week's board of their team; null when they are not on it (or have no team). */
  line: BoardLine | null;
  ranked: number;
  team: string | null;
  ranking: Ranking;
  streak: number;
  badges: BadgeKind[];
}

const localDay = (at: Date, zone: string) => DateTime.fromJSDate(at, { zone }).toISODate() ?? '';

export function createLeaderboard(deps: {
  boards: BoardStore;
  badges: BadgeStore;
  goals: GoalStore;
  members: MemberStore;
  teams: SalesTeamStore;
  clock: Clock;
}): Leaderboard {
  const { boards, badges, goals, members, teams, clock } = deps;

  /** A person's own board: the first team they sell in, else the first they manage; null: everyone. */
  async function ownTeam(actor: Member): Promise<SalesTeam | null> {
    const all = await teams.list(actor.teamId);
    return all.find((t) => t.members.includes(actor.userId)) ?? all.find((t) => t.managers.includes(actor.userId)) ?? null;
  }

  /** Each rep's percent of their own goals of `period` over `span` (the mean when several); absent without one. */
  async function goalPercents(teamId: string, reps: readonly string[], span: Span, period: 'week' | 'month' | 'quarter', types: readonly ActivityType[]) {
    const owned = (await goals.forOwners(teamId, reps.map((ownerId) => ({ ownerType: 'rep' as const, ownerId })))).filter(
      (goal) => goal.period.kind === period && goal.target > 0,
    );
    const percents = new Map<string, number>();
    if (owned.length === 0) return percents;
    const totals = await boards.repTotals(teamId, [...new Set(owned.map((g) => g.ownerId))], span);
    const byOwner = new Map<string, Goal[]>();
    for (const goal of owned) byOwner.set(goal.ownerId, [...(byOwner.get(goal.ownerId) ?? []), goal]);
    for (const [ownerId, list] of byOwner) {
      const shares = list.map((goal) => (goalActual(goal, totals.get(ownerId) ?? [], types) / goal.target) * 100);
      percents.set(ownerId, Math.round(shares.reduce((a, b) => a + b, 0) / shares.length));
    }
    return percents;
  }

  async function compute(teamId: string, window: BoardWindow, types: readonly ActivityType[]): Promise<Board> {
    const { team, span, timeZone, ranking } = window;
    const names = await members.names(teamId, team ? team.members : 'everyone');
    const reps = team ? team.members : [...names.keys()];
    let tallies: RepTally[] = await boards.tallies(teamId, reps, span, timeZone);
    if (ranking.by === 'goal') {
      const percents = window.goalPeriod ? await goalPercents(teamId, reps, span, window.goalPeriod, types) : new Map<string, number>();
      tallies = tallies.map((tally) => ({ ...tally, goalPercent: percents.get(tally.userId) ?? null }));
    }
    const nameOf = (userId: string) => names.get(userId) ?? userId;
    const entries = rankBoard(tallies, ranking, nameOf);
    const lastInstant = new Date(Math.min(window.now.getTime(), span.end.getTime() - 1));
    const through = localDay(lastInstant, timeZone);
    const windowDays = Math.max(1, Math.round((lastInstant.getTime() - span.start.getTime()) / 86_400_000));
    const ranked = new Set(entries.map((e) => e.tally.userId));
    // A streak walks up to 90 days: computed once per rep, for the lines and the streak winner.
    const streaks = new Map(entries.map((e) => [e.tally.userId, currentStreak(e.tally.activeDays, through)]));
    const streakOf = (tally: RepTally) => streaks.get(tally.userId) ?? 0;
    return {
      team: team && { id: team.id, name: team.name },
      from: localDay(span.start, timeZone),
      to: through,
      ranking,
      lines: entries.map(({ rank, tied, score, tally }) => ({
        userId: tally.userId,
        name: nameOf(tally.userId),
        rank,
        tied,
        score,
        points: tally.points,
        counts: { ...tally.counts },
        revenue: tally.revenue,
        biggestDeal: tally.biggestDeal,
        kudos: tally.kudos,
        streak: streakOf(tally),
      })),
      winners: categoryWinners(entries, { through, windowDays, streakOf }),
      unranked: tallies.filter((t) => !ranked.has(t.userId) && Object.keys(t.counts).length > 0).length,
    };
  }

  return {
    compute,

    async teamNamed(teamId, name) {
      const team = await teams.findByName(teamId, name);
      if (team) return team;
      const known = (await teams.list(teamId)).map((t) => t.name).join(', ');
      throw new PacerError(known ? 'team_not_found' : 'team_none_yet', { name, teams: known });
    },

    async view(actor, request, types) {
      const team = request.salesTeamId ? await teams.findById(actor.teamId, request.salesTeamId) : await ownTeam(actor);
      if (request.salesTeamId && !team) throw new PacerError('settings_stale');
      const timeZone = team?.timeZone ?? actor.timeZone;
      const now = clock.now();
      const span: Span =
        request.window === 'since'
          ? { start: DateTime.fromISO(request.since ?? '', { zone: timeZone }).startOf('day').toJSDate(), end: now }
          : periodSpan({ kind: request.window }, now, timeZone);
      const goalPeriod = request.window === 'since' ? null : request.window;
      return compute(actor.teamId, { team, span, timeZone, ranking: request.ranking ?? team?.ranking ?? { by: 'points' }, goalPeriod, now }, types);
    },

    async lastWeek(teamId, team, slotAt, types) {
      const timeZone = team.timeZone ?? 'UTC';
      const thisWeek = DateTime.fromJSDate(slotAt, { zone: timeZone }).startOf('week');
      const weekStart = (weeksBack: number) => thisWeek.minus({ weeks: weeksBack });
      const spanOf = (weeksBack: number): Span => ({ start: weekStart(weeksBack).toJSDate(), end: weekStart(weeksBack - 1).toJSDate() });
      const span = spanOf(1);
      const board = await compute(teamId, { team, span, timeZone, ranking: team.ranking, goalPeriod: 'week', now: span.end }, types);
      if (board.lines.length === 0) return { board, badges: [] };
      const ranked = board.lines.map((l) => l.userId);
      const hits = await Promise.all([1, 2, 3].map((weeksBack) => goalPercents(teamId, ranked, spanOf(weeksBack), 'week', types)));
      const held = await badges.held(teamId, ranked);
      const earnedFor = board.from;
      const earned = board.lines.flatMap((line) => {
        const hitIn = (week: number) => {
          const percent = hits[week]?.get(line.userId);
          return percent === undefined ? null : percent >= 100;
        };
        const { userId, points, counts, revenue, biggestDeal, kudos } = line;
        const kinds = weekBadges({
          entry: { rank: line.rank, tied: line.tied, score: line.score, tally: { userId, points, counts, revenue, biggestDeal, kudos, priorPoints: 0, satisfaction: null, activeDays: [] } },
          streak: line.streak,
          goalHits: [hitIn(0), hitIn(1), hitIn(2)],
        });
        const have = new Set((held.get(line.userId) ?? []).map((b) => b.badge));
        return kinds.filter((kind) => !have.has(kind)).map((badge): Badge => ({ userId: line.userId, badge, earnedFor }));
      });
      return { board, badges: earned.sort((a, b) => badgeOrder(a.badge) - badgeOrder(b.badge)) };
    },

    async standingOf(actor, types) {
      const team = await ownTeam(actor);
      const now = clock.now();
      const timeZone = team?.timeZone ?? actor.timeZone;
      const span = periodSpan({ kind: 'week' }, now, timeZone);
      const window: BoardWindow = { team, span, timeZone, ranking: team?.ranking ?? { by: 'points' }, goalPeriod: 'week', now };
      // Without a team there is no board to stand on: only the person's own numbers are read.
      const [board, held] = await Promise.all([
        team ? compute(actor.teamId, window, types) : null,
        badges.held(actor.teamId, [actor.userId]),
      ]);
      const line = board?.lines.find((l) => l.userId === actor.userId) ?? null;
      const streak = line
        ? line.streak
        : currentStreak(await boards.streakDays(actor.teamId, actor.userId, span, timeZone), localDay(now, timeZone));
      return {
        line,
        ranked: board?.lines.length ?? 0,
        team: team?.name ?? null,
        ranking: window.ranking,
        streak,
        badges: (held.get(actor.userId) ?? []).map((b) => b.badge),
      };
    },

    async badgesOf(teamId, userId) {
      return (await badges.held(teamId, [userId])).get(userId) ?? [];
    },
  };
}

const badgeOrder = (badge: BadgeKind) => badgeKinds.indexOf(badge);
