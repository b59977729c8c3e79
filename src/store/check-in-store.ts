import { z } from 'zod';
import {
  checkInQuestionsSchema,
  type CheckInAnswer,
  type CheckInAnswers,
  type CheckInQuestion,
  type CheckInRound,
  type CheckInSetup,
  type CoachingNote,
} from '../domain/check-ins.js';
import type { ExportPerson } from '../domain/data-export.js';
import type { Weekday } from '../domain/periods.js';
import { Prisma, type PrismaClient } from './generated/client.js';

/** A rep as the check-in job needs them: where they live, their language, and any absence. */
export interface CheckInRep {
  userId: string;
  timeZone: string;
  locale: string;
  awayUntil: string | null;
}

/** An answer as the export shows it: with the questions it answered and the notes on it. */
export interface CheckInExportRow {
  answer: CheckInAnswer;
  questions: CheckInQuestion[];
  notes: CoachingNote[];
}

export interface RoundKey {
  teamId: string;
  salesTeamId: string;
  week: string;
}

export interface CheckInStore {
  setup(teamId: string, salesTeamId: string): Promise<CheckInSetup | null>;
  saveSetup(teamId: string, setup: Omit<CheckInSetup, 'createdAt'>, by: string, at: Date): Promise<CheckInSetup>;
  /** Every workspace's check-ins, for the scheduler. */
  allSetups(): Promise<(CheckInSetup & { teamId: string })[]>;
  /** The check-ins of these sales teams that are set up. */
  setupsOf(teamId: string, salesTeamIds: readonly string[]): Promise<CheckInSetup[]>;
  reps(teamId: string, userIds: readonly string[]): Promise<CheckInRep[]>;
  /** Opens a round; one that is open already (another instance, a rerun) is left as it is. */
  openRound(round: Omit<CheckInRound, 'summaryPosts' | 'summaryVersion' | 'summaryShown' | 'closedAt'>): Promise<void>;
  round(key: RoundKey): Promise<CheckInRound | null>;
  /** The team's newest round. */
  latestRound(teamId: string, salesTeamId: string): Promise<CheckInRound | null>;
  /** Rounds not closed yet, of every workspace. */
  openRounds(): Promise<CheckInRound[]>;
  /** Closes the round if it is open; true when this call closed it. */
  closeRound(key: RoundKey, at: Date): Promise<boolean>;
  /** Rounds whose summary shows less than they hold now (answers since, the close). */
  summariesBehind(): Promise<CheckInRound[]>;
  /** A redraw showing `version` (or newer) is queued: a change made after keeps it behind. */
  summaryShown(key: RoundKey, version: number): Promise<void>;
  answers(key: RoundKey): Promise<CheckInAnswer[]>;
  answer(key: RoundKey, userId: string): Promise<CheckInAnswer | null>;
  /** The rep's answer before `week`, for last week's commitment. */
  previousAnswer(key: RoundKey, userId: string): Promise<CheckInAnswer | null>;
  /** Saves the rep's answer (a later one replaces it) and marks the round's summary behind, in one transaction. */
  saveAnswer(answer: Omit<CheckInAnswer, 'threadPosts'>): Promise<void>;
  /** Every workspace's answers to check-ins dated `week` or later, for the job to queue those it has not. */
  answersSince(week: string): Promise<CheckInAnswer[]>;
  /**
   * For export: the answers of some reps (each from their `since`) or of everyone, of check-ins dated
   * within [from, to], with their round's questions and the coaching notes on them, oldest week first.
   */
  exportRows(teamId: string, people: readonly ExportPerson[] | 'everyone', from: string, to: string): Promise<CheckInExportRow[]>;
  addCoachingNote(teamId: string, note: CoachingNote): Promise<void>;
  /** For the managers' digest: the team's newest round dated within [from, to] (local dates), with its answers. */
  roundForDigest(teamId: string, salesTeamId: string, from: string, to: string): Promise<{ round: CheckInRound; answers: CheckInAnswer[] } | null>;
}

const postsSchema = z.array(z.object({ channel: z.string(), ts: z.string() }));
const answersSchema = z.record(z.string(), z.union([z.string(), z.number(), z.object({ yes: z.boolean(), detail: z.string().nullable() })]));

type SetupRow = Prisma.CheckInSetupGetPayload<object>;
type RoundRow = Prisma.CheckInRoundGetPayload<object>;
type AnswerRow = Prisma.CheckInAnswerGetPayload<object>;

const toSetup = (row: SetupRow): CheckInSetup => ({
  salesTeamId: row.salesTeamId,
  questions: checkInQuestionsSchema.parse(row.questions),
  weekday: row.weekday as Weekday,
  at: row.at,
  reminderHours: row.reminderHours,
  createdAt: row.createdAt,
});

const toRound = (row: RoundRow): CheckInRound => ({
  teamId: row.teamId,
  salesTeamId: row.salesTeamId,
  week: row.week,
  questions: checkInQuestionsSchema.parse(row.questions),
  expected: row.expected,
  away: row.away,
  summaryPosts: postsSchema.parse(row.summaryPosts),
  summaryVersion: row.summaryVersion,
  summaryShown: row.summaryShown,
  openedAt: row.openedAt,
  closesAt: row.closesAt,
  closedAt: row.closedAt,
});

const toAnswer = (row: AnswerRow): CheckInAnswer => ({
  teamId: row.teamId,
  salesTeamId: row.salesTeamId,
  week: row.week,
  userId: row.userId,
  answers: row.answers === null ? null : (answersSchema.parse(row.answers) as CheckInAnswers),
  skippedReason: row.skippedReason,
  flagged: row.flagged,
  late: row.late,
  submittedAt: row.submittedAt,
  threadPosts: postsSchema.parse(row.threadPosts),
});

const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
/** Callers pass whole rounds and answers as keys: only the key's fields may reach a where clause. */
const keyOf = ({ teamId, salesTeamId, week }: RoundKey): RoundKey => ({ teamId, salesTeamId, week });
const roundWhere = ({ teamId, salesTeamId, week }: RoundKey) => ({ teamId_salesTeamId_week: { teamId, salesTeamId, week } });
const answerWhere = ({ teamId, salesTeamId, week }: RoundKey, userId: string) => ({ teamId_salesTeamId_week_userId: { teamId, salesTeamId, week, userId } });

export function createCheckInStore(db: PrismaClient): CheckInStore {
  return {
    async setup(teamId, salesTeamId) {
      const row = await db.checkInSetup.findUnique({ where: { teamId_salesTeamId: { teamId, salesTeamId } } });
      return row && toSetup(row);
    },
    async saveSetup(teamId, setup, by, at) {
      const data = { questions: json(setup.questions), weekday: setup.weekday, at: setup.at, reminderHours: setup.reminderHours, updatedBy: by, updatedAt: at };
      const row = await db.checkInSetup.upsert({
        where: { teamId_salesTeamId: { teamId, salesTeamId: setup.salesTeamId } },
        create: { teamId, salesTeamId: setup.salesTeamId, createdAt: at, ...data },
        update: data,
      });
      return toSetup(row);
    },
    async allSetups() {
      const rows = await db.checkInSetup.findMany({ orderBy: [{ teamId: 'asc' }, { salesTeamId: 'asc' }] });
      return rows.map((row) => ({ ...toSetup(row), teamId: row.teamId }));
    },
    async setupsOf(teamId, salesTeamIds) {
      const rows = await db.checkInSetup.findMany({ where: { teamId, salesTeamId: { in: [...salesTeamIds] } } });
      return rows.map(toSetup);
    },
    async reps(teamId, userIds) {
      return db.member.findMany({ where: { teamId, userId: { in: [...userIds] } }, select: { userId: true, timeZone: true, locale: true, awayUntil: true } });
    },
    async openRound(round) {
      await db.checkInRound.createMany({ data: [{ ...round, questions: json(round.questions) }], skipDuplicates: true });
    },
    async round(key) {
      const row = await db.checkInRound.findUnique({ where: roundWhere(key) });
      return row && toRound(row);
    },
    async latestRound(teamId, salesTeamId) {
      const row = await db.checkInRound.findFirst({ where: { teamId, salesTeamId }, orderBy: { week: 'desc' } });
      return row && toRound(row);
    },
    async openRounds() {
      return (await db.checkInRound.findMany({ where: { closedAt: null } })).map(toRound);
    },
    async closeRound(key, at) {
      const { count } = await db.checkInRound.updateMany({ where: { ...keyOf(key), closedAt: null }, data: { closedAt: at, summaryVersion: { increment: 1 } } });
      return count === 1;
    },
    async summariesBehind() {
      const rows = await db.$queryRaw<{ team_id: string; sales_team_id: string; week: string }[]>`
        SELECT team_id, sales_team_id, week FROM check_in_rounds WHERE summary_shown < summary_version`;
      const rounds = await Promise.all(rows.map((r) => db.checkInRound.findUnique({ where: roundWhere({ teamId: r.team_id, salesTeamId: r.sales_team_id, week: r.week }) })));
      return rounds.flatMap((row) => (row ? [toRound(row)] : []));
    },
    async summaryShown(key, version) {
      await db.checkInRound.updateMany({ where: { ...keyOf(key), summaryShown: { lt: version } }, data: { summaryShown: version } });
    },
    async answers(key) {
      return (await db.checkInAnswer.findMany({ where: keyOf(key), orderBy: { submittedAt: 'asc' } })).map(toAnswer);
    },
    async answer(key, userId) {
      const row = await db.checkInAnswer.findUnique({ where: answerWhere(key, userId) });
      return row && toAnswer(row);
    },
    async previousAnswer(key, userId) {
      const row = await db.checkInAnswer.findFirst({
        where: { teamId: key.teamId, salesTeamId: key.salesTeamId, userId, week: { lt: key.week }, skippedReason: null },
        orderBy: { week: 'desc' },
      });
      return row && toAnswer(row);
    },
    async saveAnswer(answer) {
      const { teamId, salesTeamId, week, userId } = answer;
      const data = {
        answers: answer.answers === null ? Prisma.DbNull : json(answer.answers),
        skippedReason: answer.skippedReason,
        flagged: answer.flagged,
        late: answer.late,
        submittedAt: answer.submittedAt,
      };
      await db.$transaction([
        db.checkInAnswer.upsert({ where: answerWhere({ teamId, salesTeamId, week }, userId), create: { teamId, salesTeamId, week, userId, ...data }, update: data }),
        db.checkInRound.updateMany({ where: { teamId, salesTeamId, week }, data: { summaryVersion: { increment: 1 } } }),
      ]);
    },
    async answersSince(week) {
      return (await db.checkInAnswer.findMany({ where: { week: { gte: week } }, orderBy: { submittedAt: 'asc' } })).map(toAnswer);
    },
    async exportRows(teamId, people, from, to) {
      const since = people === 'everyone' ? null : new Map(people.map((p) => [p.userId, p.since]));
      const answers = await db.checkInAnswer.findMany({
        where: { teamId, week: { gte: from, lte: to }, ...(since ? { userId: { in: [...since.keys()] } } : {}) },
        orderBy: [{ week: 'asc' }, { submittedAt: 'asc' }],
      });
      // A manager sees a rep's check-ins from the day the rep joined one of their teams.
      const kept = answers.filter((a) => {
        const joined = since?.get(a.userId) ?? null;
        return joined === null || a.submittedAt >= joined;
      });
      const [rounds, setups, notes] = await Promise.all([
        db.checkInRound.findMany({ where: { teamId, week: { gte: from, lte: to } } }),
        db.checkInSetup.findMany({ where: { teamId } }),
        db.coachingNote.findMany({ where: { teamId, week: { gte: from, lte: to } }, orderBy: { createdAt: 'asc' } }),
      ]);
      const questionsOf = (salesTeamId: string, week: string) => {
        const source = rounds.find((r) => r.salesTeamId === salesTeamId && r.week === week) ?? setups.find((s) => s.salesTeamId === salesTeamId);
        return source ? checkInQuestionsSchema.parse(source.questions) : [];
      };
      return kept.map((row) => ({
        answer: toAnswer(row),
        questions: questionsOf(row.salesTeamId, row.week),
        notes: notes
          .filter((n) => n.salesTeamId === row.salesTeamId && n.week === row.week && n.repId === row.userId)
          .map(({ salesTeamId, week, repId, managerId, note, createdAt }) => ({ salesTeamId, week, repId, managerId, note, createdAt })),
      }));
    },
    async addCoachingNote(teamId, note) {
      await db.coachingNote.create({ data: { teamId, ...note } });
    },
    // Added for the digest job (src/jobs/digest.ts): a read only, apart from the check-ins' own functions.
    async roundForDigest(teamId, salesTeamId, from, to) {
      const row = await db.checkInRound.findFirst({ where: { teamId, salesTeamId, week: { gte: from, lte: to } }, orderBy: { week: 'desc' } });
      if (!row) return null;
      const round = toRound(row);
      return { round, answers: await this.answers(round) };
    },
  };
}
