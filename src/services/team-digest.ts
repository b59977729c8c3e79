import { DateTime } from 'luxon';
import type { ActivityType } from '../domain/activity-types.js';
import type { Ranking } from '../domain/board.js';
import { checkInFlags, roundStanding, type CheckInAnswer, type CheckInAnswers, type CheckInQuestion, type CheckInRound } from '../domain/check-ins.js';
import { goalActual, type ActivityTotal, type Goal } from '../domain/goals.js';
import { computePace, type PaceStatus } from '../domain/pace.js';
import { localDate, mondayToFriday, periodSpan, type Period, type Span, type Weekday } from '../domain/periods.js';
import type { SalesTeam } from '../domain/sales-teams.js';
import type { ActivityStore } from '../store/activity-store.js';
import type { BoardStore } from '../store/board-store.js';
import type { CheckInStore } from '../store/check-in-store.js';
import type { GoalStore } from '../store/goal-store.js';
import type { CheckBackFigures, LeadStore } from '../store/lead-store.js';
import type { MemberStore } from '../store/member-store.js';
import type { SalesTeamStore } from '../store/sales-team-store.js';
import { teamLeadRules } from './lead-book.js';
import type { Leaderboard } from './leaderboard.js';
import { goalStandings } from './standings.js';

export type DigestKind = 'weekly' | 'daily';

/** A goal's progress as the digest shows it: plain JSON, kept in the outbox until the post is sent. */
export interface DigestGoal {
  metric: string;
  productLine: string;
  period: Period;
  target: number;
  actual: number;
  expected: number;
  status: PaceStatus;
}

export interface DigestRep {
  userId: string;
  name: string;
  /** The rep's main goal as the digest reads it (at the end of last week, or now); null: no goal. */
  goal: DigestGoal | null;
  /** Behind on their main goal at the end of each of the last two full weeks. */
  behindTwoWeeks: boolean;
}

/** A rep's leads that need them now, as their nudge counts them (all of them, counted in SQL). */
export interface DigestLeads {
  userId: string;
  name: string;
  missed: number;
  stale: number;
  checkBacks: number;
}

export interface DigestCheckIn {
  week: string;
  expected: number;
  answered: number;
  skipped: number;
  lowConfidence: { userId: string; name: string }[];
  help: { userId: string; name: string; detail: string | null }[];
}

/** The check-backs recorded in the window, of deals won whenever: all counted, the newest complaints quoted. */
export interface DigestCustomers {
  checkBacks: number;
  /** Mean satisfaction (1–5) of the check-backs recorded in the window; null with none. */
  satisfaction: number | null;
  complaintCount: number;
  /** The newest few complaints, word for word. */
  complaints: { lead: string; name: string; complaint: string }[];
}

export interface DigestPerformer {
  userId: string;
  name: string;
  rank: number;
  score: number;
}

/** Everything one team's digest says. Plain JSON: the job queues it and the post is drawn when sent. */
export interface TeamDigest {
  kind: DigestKind;
  team: { id: string; name: string };
  timeZone: string;
  /** First and last local day the digest covers (last week, or today so far). */
  from: string;
  to: string;
  teamGoals: DigestGoal[];
  reps: DigestRep[];
  leads: DigestLeads[];
  checkIn: DigestCheckIn | null;
  customers: DigestCustomers;
  ranking: Ranking;
  top: DigestPerformer[];
}

export interface TeamDigests {
  gather(teamId: string, team: SalesTeam, kind: DigestKind, now: Date): Promise<TeamDigest>;
}

/** Complaints quoted word for word (the digest shows fewer); the rest are counted. */
const complaintsQuoted = 5;
/** Top performers named: the podium, ties included, at most this many. */
const maxTopPerformers = 5;

const day = 24 * 60 * 60 * 1000;

/** The window a digest covers, in the team's zone: last week (Monday-based, as goals' weeks are) or today so far. */
export function digestWindow(kind: DigestKind, now: Date, timeZone: string): Span {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  if (kind === 'daily') return { start: local.startOf('day').toJSDate(), end: now };
  const thisWeek = local.startOf('week', { useLocaleWeeks: false });
  return { start: thisWeek.minus({ weeks: 1 }).toJSDate(), end: thisWeek.toJSDate() };
}

/** The ends of the last two full weeks before `now`, newest first: when "behind two weeks running" is read. */
export function lastWeekEnds(now: Date, timeZone: string): [Date, Date] {
  const thisWeek = DateTime.fromJSDate(now, { zone: timeZone }).startOf('week', { useLocaleWeeks: false });
  return [thisWeek.toJSDate(), thisWeek.minus({ weeks: 1 }).toJSDate()];
}

/** What a goal reading needs: the goal, its period's span, the instant read and the activity that counts by then. */
export interface GoalReading {
  goal: Goal;
  span: Span;
  at: Date;
  counted: Span;
}

/**
 * How the digest reads a rep's goal at an instant: their first goal whose period runs then (the
 * first is the one their Home shows too). A daily goal read at a week's end is read at the end of
 * the last working day before it: a weekend day expects nothing of a rep.
 */
export function readGoalAt(goals: readonly Goal[], at: Date, timeZone: string): GoalReading | null {
  for (const goal of goals) {
    let readAt = at;
    if (goal.period.kind === 'day') {
      let lastDay = DateTime.fromJSDate(new Date(at.getTime() - 1), { zone: timeZone }).startOf('day');
      for (let i = 0; i < 7 && !mondayToFriday.includes(lastDay.weekday as Weekday); i += 1) {
        readAt = lastDay.toJSDate();
        lastDay = lastDay.minus({ days: 1 });
      }
    }
    // The instant just before `readAt` names the period: at a week's end that is the week ending.
    const span = periodSpan(goal.period, new Date(readAt.getTime() - 1), timeZone);
    if (span.start < readAt && readAt <= span.end) return { goal, span, at: readAt, counted: { start: span.start, end: readAt } };
  }
  return null;
}

export function digestGoal(reading: GoalReading, totals: readonly ActivityTotal[], types: readonly ActivityType[], timeZone: string): DigestGoal {
  const { goal, span, at } = reading;
  const pace = computePace({ actual: goalActual(goal, totals, types), target: goal.target, span, now: at, timeZone });
  return { metric: goal.metric, productLine: goal.productLine, period: goal.period, target: goal.target, actual: pace.actual, expected: pace.expected, status: pace.status };
}

/** Behind two weeks running: behind at the end of last week and of the week before (a week with no goal breaks the run). */
export function behindTwoWeeksRunning(lastWeek: PaceStatus | null, weekBefore: PaceStatus | null): boolean {
  return lastWeek === 'behind' && weekBefore === 'behind';
}

const spanKey = (span: Span) => `${span.start.toISOString()}/${span.end.toISOString()}`;

/**
 * Gathers a team's digest for the system (no acting person): a bounded number of statements per
 * team, each batched over the team's reps — never one per rep.
 */
export function createTeamDigests(deps: {
  goals: GoalStore;
  activities: ActivityStore;
  boards: BoardStore;
  members: MemberStore;
  leads: LeadStore;
  teams: SalesTeamStore;
  checkIns: Pick<CheckInStore, 'roundForDigest'>;
  leaderboard: Leaderboard;
  activityTypes: { forWorkspace(teamId: string): Promise<readonly ActivityType[]> };
}): TeamDigests {
  const { goals, activities, boards, members, leads, teams, checkIns, leaderboard } = deps;

  /**
   * Reads every reading with one totals statement per distinct span: a recurring period at an
   * instant (at most four periods at three instants), or one of the custom date ranges in use.
   */
  async function readAll(teamId: string, readings: readonly (GoalReading & { userId: string })[], types: readonly ActivityType[], timeZone: string) {
    const bySpan = new Map<string, { span: Span; reps: Set<string> }>();
    for (const r of readings) {
      const key = spanKey(r.counted);
      const entry = bySpan.get(key) ?? { span: r.counted, reps: new Set<string>() };
      entry.reps.add(r.userId);
      bySpan.set(key, entry);
    }
    const totals = new Map(
      await Promise.all([...bySpan].map(async ([key, { span, reps }]) => [key, await boards.repTotals(teamId, [...reps], span)] as const)),
    );
    return readings.map((r) => digestGoal(r, totals.get(spanKey(r.counted))?.get(r.userId) ?? [], types, timeZone));
  }

  return {
    async gather(teamId, team, kind, now) {
      const timeZone = team.timeZone ?? 'UTC';
      const window = digestWindow(kind, now, timeZone);
      const from = localDate(window.start, timeZone);
      const to = localDate(new Date(window.end.getTime() - 1), timeZone);
      const reps = team.members;
      const [weekEnd, weekBeforeEnd] = lastWeekEnds(now, timeZone);
      const rules = teamLeadRules(team);

      const [types, names, owned, joined, leadCounts, checkIn, checkBacks] = await Promise.all([
        deps.activityTypes.forWorkspace(teamId),
        members.names(teamId, reps),
        goals.forOwners(teamId, [{ ownerType: 'team' as const, ownerId: team.id }, ...reps.map((ownerId) => ({ ownerType: 'rep' as const, ownerId }))]),
        teams.repsJoined(teamId, [team.id]),
        leads.nudgeCounts(teamId, reps.map((userId) => ({ userId, today: localDate(now, timeZone), rules })), now),
        checkIns.roundForDigest(teamId, team.id, kind === 'weekly' ? from : localDate(weekBeforeEnd, timeZone), to),
        leads.checkBacksBetween(teamId, reps, window, complaintsQuoted),
      ]);
      const nameOf = (userId: string) => names.get(userId) ?? userId;

      const teamGoals = owned.filter((g) => g.ownerType === 'team' && g.ownerId === team.id);
      const current = teamGoals.filter((g) => {
        const span = periodSpan(g.period, now, timeZone);
        return span.start <= now && now < span.end;
      });
      const standings = await goalStandings(activities, { teamId, goals: current, types, now, timeZone, contributors: reps });

      const goalsOf = new Map<string, Goal[]>();
      for (const g of owned.filter((goal) => goal.ownerType === 'rep')) {
        const list = goalsOf.get(g.ownerId);
        if (list) list.push(g);
        else goalsOf.set(g.ownerId, [g]);
      }
      // The weekly digest reads reps at the end of last week, the daily one now; both read the two week ends for the run.
      const instants = kind === 'weekly' ? [weekEnd, weekBeforeEnd] : [now, weekEnd, weekBeforeEnd];
      const readings = reps.flatMap((userId) =>
        instants.flatMap((at, index) => {
          const reading = readGoalAt(goalsOf.get(userId) ?? [], at, timeZone);
          return reading ? [{ ...reading, userId, key: `${userId}:${index}` }] : [];
        }),
      );
      const read = await readAll(teamId, readings, types, timeZone);
      const readingOf = new Map(readings.map((r, i) => [r.key, read[i] ?? null]));
      const joinedAt = new Map(joined.map((j) => [j.userId, j.addedAt]));
      const weekIndex = kind === 'weekly' ? 0 : 1;
      /** A week the rep was not in the team for from its start does not count against them. */
      const statusAtWeekEnd = (userId: string, index: number) => {
        const since = joinedAt.get(userId);
        const weekStart = new Date((instants[index] ?? now).getTime() - 7 * day);
        return since && since > weekStart ? null : (readingOf.get(`${userId}:${index}`)?.status ?? null);
      };
      const digestReps: DigestRep[] = reps.map((userId) => ({
        userId,
        name: nameOf(userId),
        goal: readingOf.get(`${userId}:0`) ?? null,
        behindTwoWeeks: behindTwoWeeksRunning(statusAtWeekEnd(userId, weekIndex), statusAtWeekEnd(userId, weekIndex + 1)),
      }));

      const digestLeads = reps.flatMap((userId) => {
        const counts = leadCounts.get(userId);
        return counts ? [{ userId, name: nameOf(userId), ...counts }] : [];
      });

      // A day has no goal period a board can rank by percent of goal: the daily digest ranks by points then.
      const ranking: Ranking = kind === 'daily' && team.ranking.by === 'goal' ? { by: 'points' } : team.ranking;
      const board = await leaderboard.compute(teamId, { team, span: window, timeZone, ranking, goalPeriod: kind === 'weekly' ? 'week' : null, now: window.end }, types);
      const top = board.lines.filter((l) => l.rank <= 3).slice(0, maxTopPerformers).map(({ userId, name, rank, score }) => ({ userId, name, rank, score }));

      return {
        kind,
        team: { id: team.id, name: team.name },
        timeZone,
        from,
        to,
        teamGoals: standings.map((s) => ({ metric: s.goal.metric, productLine: s.goal.productLine, period: s.goal.period, target: s.pace.target, actual: s.pace.actual, expected: s.pace.expected, status: s.pace.status })),
        reps: digestReps,
        leads: digestLeads,
        checkIn: checkIn && digestCheckIn(checkIn.round, checkIn.answers, nameOf),
        customers: customerFigures(checkBacks, nameOf),
        ranking,
        top,
      };
    },
  };
}

/** The check-backs as the digest names them: complaints under the rep's name. */
export function customerFigures(figures: CheckBackFigures, nameOf: (userId: string) => string): DigestCustomers {
  return {
    checkBacks: figures.checkBacks,
    satisfaction: figures.satisfaction,
    complaintCount: figures.complaints,
    complaints: figures.newestComplaints.map((c) => ({ lead: c.lead, name: nameOf(c.ownerId), complaint: c.complaint })),
  };
}

/** A round's completion and flags: low confidence (2 or less) and help asked, by rep. */
export function digestCheckIn(round: Pick<CheckInRound, 'week' | 'questions' | 'expected' | 'away'>, answers: readonly CheckInAnswer[], nameOf: (userId: string) => string): DigestCheckIn {
  const standing = roundStanding(round, answers);
  const answeredBy = new Set(standing.answered);
  const lowConfidence: DigestCheckIn['lowConfidence'] = [];
  const help: DigestCheckIn['help'] = [];
  for (const answer of answers) {
    if (!answeredBy.has(answer.userId) || answer.answers === null) continue;
    const flags = checkInFlags(round.questions, answer.answers);
    const who = { userId: answer.userId, name: nameOf(answer.userId) };
    if (flags.includes('low_confidence')) lowConfidence.push(who);
    if (flags.includes('help')) help.push({ ...who, detail: helpDetail(round.questions, answer.answers) });
  }
  return { week: round.week, expected: standing.expected, answered: standing.answered.length, skipped: standing.skipped.length, lowConfidence, help };
}

function helpDetail(questions: readonly CheckInQuestion[], answers: CheckInAnswers): string | null {
  const question = questions.find((q) => q.role === 'help');
  const answer = question && answers[question.id];
  return typeof answer === 'object' ? answer.detail : null;
}
