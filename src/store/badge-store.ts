import { badgeKinds, type Badge, type BadgeKind } from '../domain/badges.js';
import type { Db } from './transaction.js';

export interface HeldBadge extends Badge {
  awardedAt: Date;
}

export interface BadgeStore {
  /** The badges these reps hold, oldest first. */
  held(teamId: string, userIds: readonly string[]): Promise<Map<string, HeldBadge[]>>;
  /** Awards badges not held yet; returns those this call awarded (a second award is a no-op). */
  award(teamId: string, badges: readonly Badge[], at: Date): Promise<Badge[]>;
}

const isBadgeKind = (value: string): value is BadgeKind => (badgeKinds as readonly string[]).includes(value);

export function createBadgeStore(db: Db): BadgeStore {
  return {
    async held(teamId, userIds) {
      const rows = await db.badge.findMany({ where: { teamId, userId: { in: [...userIds] } }, orderBy: { awardedAt: 'asc' } });
      const byRep = new Map<string, HeldBadge[]>();
      for (const row of rows) {
        if (!isBadgeKind(row.badge)) continue;
        const badge = { userId: row.userId, badge: row.badge, earnedFor: row.earnedFor, awardedAt: row.awardedAt };
        byRep.set(row.userId, [...(byRep.get(row.userId) ?? []), badge]);
      }
      return byRep;
    },
    async award(teamId, badges, at) {
      if (badges.length === 0) return [];
      const rows = await db.badge.createManyAndReturn({
        data: badges.map((b) => ({ teamId, userId: b.userId, badge: b.badge, earnedFor: b.earnedFor, awardedAt: at })),
        skipDuplicates: true,
        select: { userId: true, badge: true, earnedFor: true },
      });
      return rows.flatMap((row) => (isBadgeKind(row.badge) ? [{ userId: row.userId, badge: row.badge, earnedFor: row.earnedFor }] : []));
    },
  };
}
