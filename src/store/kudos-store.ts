import { defaultKudosDailyCap, kudosRoom } from '../domain/kudos.js';
import type { Span } from '../domain/periods.js';
import type { PrismaClient } from './generated/client.js';

/** Kudos from one giver to one receiver, as stored. */
export interface Kudos {
  id: string;
  teamId: string;
  giverId: string;
  receiverId: string;
  reason: string;
  /** Where /kudos was used (a channel or the giver's DM with Pacer). */
  channelId: string;
  givenAt: Date;
  /** The giver's local date (YYYY-MM-DD) the cap counts by. */
  givenOn: string;
}

/** Kudos one giver gives at once: a row per receiver. */
export interface KudosDraft {
  teamId: string;
  giverId: string;
  receiverIds: readonly string[];
  reason: string;
  channelId: string;
  givenAt: Date;
  givenOn: string;
}

export type KudosOutcome =
  | { given: Kudos[]; cap: number; left: number }
  /** Over the workspace's daily cap: nothing was written. */
  | { given: null; cap: number; left: number };

export interface KudosStore {
  /** The workspace's daily cap per giver (the default until an admin sets one). */
  dailyCap(teamId: string): Promise<number>;
  setDailyCap(teamId: string, cap: number): Promise<void>;
  /**
   * Writes the kudos if the giver's kudos of `givenOn` plus these stay within the cap, else none.
   * Two /kudos of one giver at once are taken in turn (a transaction-scoped advisory lock on
   * workspace and giver), so together they never pass the cap.
   */
  giveWithinCap(draft: KudosDraft): Promise<KudosOutcome>;
  /** Kudos each person received in a span (given_at in it); everyone asked is in the map, 0 when none. */
  receivedCount(teamId: string, userIds: readonly string[], span: Span): Promise<Map<string, number>>;
}

export function createKudosStore(db: PrismaClient): KudosStore {
  const capOf = async (client: Pick<PrismaClient, 'workspace'>, teamId: string) =>
    (await client.workspace.findUnique({ where: { teamId }, select: { kudosDailyCap: true } }))?.kudosDailyCap ?? defaultKudosDailyCap;

  return {
    dailyCap: (teamId) => capOf(db, teamId),
    async setDailyCap(teamId, cap) {
      await db.workspace.upsert({ where: { teamId }, create: { teamId, kudosDailyCap: cap }, update: { kudosDailyCap: cap } });
    },
    giveWithinCap(draft) {
      const { teamId, giverId, receiverIds, reason, channelId, givenAt, givenOn } = draft;
      return db.$transaction(
        async (tx) => {
          // pg_advisory_xact_lock returns void, which Prisma cannot read back: select a constant beside it.
          await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext(${`${teamId}:${giverId}`}::text))) AS lock`;
          const cap = await capOf(tx, teamId);
          const givenToday = await tx.kudos.count({ where: { teamId, giverId, givenOn } });
          const room = kudosRoom(cap, givenToday, receiverIds.length);
          if (!room.fits) return { given: null, cap, left: room.left };
          const given = await tx.kudos.createManyAndReturn({
            data: receiverIds.map((receiverId) => ({ teamId, giverId, receiverId, reason, channelId, givenAt, givenOn })),
          });
          return { given, cap, left: room.left - given.length };
        },
        // The same ceilings as withTransaction: embedded PGlite runs one transaction at a time.
        { maxWait: 15_000, timeout: 30_000 },
      );
    },
    async receivedCount(teamId, userIds, span) {
      const counts = new Map(userIds.map((id) => [id, 0]));
      if (userIds.length === 0) return counts;
      const rows = await db.kudos.groupBy({
        by: ['receiverId'],
        where: { teamId, receiverId: { in: [...counts.keys()] }, givenAt: { gte: span.start, lt: span.end } },
        _count: { _all: true },
      });
      for (const row of rows) counts.set(row.receiverId, row._count._all);
      return counts;
    },
  };
}
