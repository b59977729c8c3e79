import type { Contest, ContestMode, NewContest } from '../domain/contests.js';
import type { Db } from './transaction.js';

export interface ContestStore {
  create(contest: NewContest): Promise<Contest>;
  /** A workspace's contests ending on or after `endsOnOrAfter` (running, upcoming, just ended), first to start first. */
  endingFrom(teamId: string, endsOnOrAfter: string): Promise<Contest[]>;
  /** The latest contests of a workspace that ended before `endsBefore`, latest first. */
  endedBefore(teamId: string, endsBefore: string, take: number): Promise<Contest[]>;
  /** Contests by name without case (a name is taken again once its contest ended), latest end first. */
  named(teamId: string, name: string): Promise<Contest[]>;
  /** Every workspace's contests whose days touch [fromDay, toDay]: what the scheduler may have to post for. */
  touching(fromDay: string, toDay: string): Promise<Contest[]>;
  /** Deletes a contest and drops its posts still waiting in the outbox: a cancelled contest posts nothing more. */
  remove(teamId: string, id: string): Promise<void>;
}

type ContestRow = Omit<Contest, 'mode'> & { mode: string };

const toContest = (row: ContestRow): Contest => ({ ...row, mode: row.mode === 'teams' ? 'teams' : ('reps' satisfies ContestMode) });

export function createContestStore(db: Db): ContestStore {
  return {
    async create(contest) {
      return toContest(await db.contest.create({ data: contest }));
    },
    async endingFrom(teamId, endsOnOrAfter) {
      const rows = await db.contest.findMany({ where: { teamId, endsOn: { gte: endsOnOrAfter } }, orderBy: [{ startsOn: 'asc' }, { name: 'asc' }] });
      return rows.map(toContest);
    },
    async endedBefore(teamId, endsBefore, take) {
      const rows = await db.contest.findMany({ where: { teamId, endsOn: { lt: endsBefore } }, orderBy: [{ endsOn: 'desc' }, { name: 'asc' }], take });
      return rows.map(toContest);
    },
    async named(teamId, name) {
      const rows = await db.contest.findMany({ where: { teamId, name: { equals: name, mode: 'insensitive' } }, orderBy: { endsOn: 'desc' } });
      return rows.map(toContest);
    },
    async touching(fromDay, toDay) {
      const rows = await db.contest.findMany({ where: { endsOn: { gte: fromDay }, startsOn: { lte: toDay } }, orderBy: [{ teamId: 'asc' }, { startsOn: 'asc' }] });
      return rows.map(toContest);
    },
    async remove(teamId, id) {
      // One statement: the row goes, and its queued posts (run keys `contest-…:<workspace>:<id>:…`)
      // are dropped, so a post claimed just before the cancel is not sent after it.
      await db.$executeRaw`
        WITH gone AS (DELETE FROM contests WHERE team_id = ${teamId} AND id = ${id}::uuid RETURNING id)
        UPDATE outbox_messages SET status = 'dropped', last_error = 'contest cancelled'
        WHERE status = 'pending' AND run_key LIKE ${`contest-%:${teamId}:${id}:%`} AND EXISTS (SELECT 1 FROM gone)`;
    },
  };
}
