import type { Prisma, PrismaClient } from './generated/client.js';
import { createGoalStore, type GoalStore } from './goal-store.js';
import { createSalesTeamStore, type SalesTeamStore } from './sales-team-store.js';

/** A client a store works through: the app's, or one interactive transaction's. */
export type Db = Prisma.TransactionClient;

/** The stores a change of several rows writes through, bound to one transaction. */
export interface TransactionStores {
  goals: GoalStore;
  teams: SalesTeamStore;
}

/** Runs `work` in one transaction: every write it makes through `stores` lands, or none does. */
export type WithTransaction = <T>(work: (stores: TransactionStores) => Promise<T>) => Promise<T>;

/**
 * Prisma's interactive transaction (https://www.prisma.io/docs/orm/prisma-client/queries/transactions#interactive-transactions).
 * Its default 5 s timeout is for one slow query on a loaded machine to abort a change of a few rows,
 * so it is raised; embedded PGlite runs one transaction at a time, so others wait for the slot.
 */
export function createWithTransaction(prisma: PrismaClient): WithTransaction {
  return (work) =>
    prisma.$transaction((tx) => work({ goals: createGoalStore(tx), teams: createSalesTeamStore(tx) }), { maxWait: 15_000, timeout: 30_000 });
}
