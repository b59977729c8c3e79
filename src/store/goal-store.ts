import type { Goal, GoalDraft, OwnerType } from '../domain/goals.js';
import type { Period } from '../domain/periods.js';
import type { PrismaClient } from './generated/client.js';
import type { Db } from './transaction.js';

export interface GoalStore {
  forOwner(teamId: string, owner: Pick<Goal, 'ownerType' | 'ownerId'>): Promise<Goal[]>;
  /** The goals of several owners in one query. */
  forOwners(teamId: string, owners: readonly Pick<Goal, 'ownerType' | 'ownerId'>[]): Promise<Goal[]>;
  find(teamId: string, id: string): Promise<Goal | null>;
  /** Every goal in the workspace, oldest first. */
  list(teamId: string): Promise<Goal[]>;
  /**
   * Creates a goal; null when the owner has the same goal already (or, for a derived goal, the
   * quota has one), which a change racing this one made first.
   */
  create(teamId: string, goal: GoalDraft): Promise<Goal | null>;
  update(teamId: string, id: string, change: GoalChangeFields): Promise<Goal | null>;
  /** The goal derived from a quota, if there is one. */
  derivedFrom(teamId: string, quotaId: string): Promise<Goal | null>;
  remove(teamId: string, id: string): Promise<boolean>;
}

export type GoalChangeFields = Pick<Goal, 'target' | 'note' | 'setBy'> & Partial<Pick<Goal, 'derivedFromId'>>;

type GoalRow = Awaited<ReturnType<PrismaClient['goal']['create']>>;

function toGoal(row: GoalRow): Goal {
  const period: Period =
    row.period === 'custom'
      ? { kind: 'custom', startsOn: row.startsOn, endsOn: row.endsOn }
      : { kind: row.period as Exclude<Period['kind'], 'custom'> };
  return {
    id: row.id,
    ownerType: row.ownerType as OwnerType,
    ownerId: row.ownerId,
    metric: row.metric,
    target: row.target.toNumber(),
    period,
    productLine: row.productLine,
    note: row.note,
    setBy: row.setBy,
    derivedFromId: row.derivedFromId,
  };
}

export function createGoalStore(db: Db): GoalStore {
  return {
    async forOwners(teamId, owners) {
      if (owners.length === 0) return [];
      const rows = await db.goal.findMany({
        where: { teamId, OR: owners.map(({ ownerType, ownerId }) => ({ ownerType, ownerId })) },
        orderBy: { createdAt: 'asc' },
      });
      return rows.map(toGoal);
    },
    async forOwner(teamId, { ownerType, ownerId }) {
      const rows = await db.goal.findMany({
        where: { teamId, ownerType, ownerId },
        orderBy: { createdAt: 'asc' },
      });
      return rows.map(toGoal);
    },
    async list(teamId) {
      const rows = await db.goal.findMany({ where: { teamId }, orderBy: { createdAt: 'asc' } });
      return rows.map(toGoal);
    },
    async find(teamId, id) {
      const row = await db.goal.findFirst({ where: { teamId, id } });
      return row && toGoal(row);
    },
    async create(teamId, goal) {
      const { period, ...rest } = goal;
      // ON CONFLICT DO NOTHING rather than catching the unique violation: in a transaction, a
      // violation aborts it, and the caller's next query (re-reading the winner) would fail.
      const [row] = await db.goal.createManyAndReturn({
        data: [{
          ...rest,
          teamId,
          period: period.kind,
          startsOn: period.kind === 'custom' ? period.startsOn : '',
          endsOn: period.kind === 'custom' ? period.endsOn : '',
        }],
        skipDuplicates: true,
      });
      return row ? toGoal(row) : null;
    },
    async update(teamId, id, change) {
      const { count } = await db.goal.updateMany({ where: { teamId, id }, data: change });
      return count > 0 ? this.find(teamId, id) : null;
    },
    async derivedFrom(teamId, quotaId) {
      const row = await db.goal.findFirst({ where: { teamId, derivedFromId: quotaId } });
      return row && toGoal(row);
    },
    async remove(teamId, id) {
      const { count } = await db.goal.deleteMany({ where: { teamId, id } });
      return count > 0;
    },
  };
}
