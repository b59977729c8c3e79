import type { Member } from '../domain/members.js';
import type { PrismaClient } from './generated/client.js';

export interface MemberStore {
  find(teamId: string, userId: string): Promise<Member | null>;
  save(member: Member): Promise<void>;
  /** Names Pacer knows, by Slack user id, of some people or of everyone in the workspace. */
  names(teamId: string, userIds: readonly string[] | 'everyone'): Promise<Map<string, string>>;
  setAttribute(teamId: string, userId: string, field: 'territory' | 'productLine' | 'segment', value: string | null): Promise<void>;
}

export function createMemberStore(db: PrismaClient): MemberStore {
  return {
    find: (teamId, userId) => db.member.findUnique({ where: { teamId_userId: { teamId, userId } } }),
    async names(teamId, userIds) {
      const rows = await db.member.findMany({
        where: { teamId, ...(userIds === 'everyone' ? {} : { userId: { in: [...userIds] } }) },
        select: { userId: true, name: true },
      });
      return new Map(rows.map((r) => [r.userId, r.name]));
    },
    async setAttribute(teamId, userId, field, value) {
      await db.member.updateMany({ where: { teamId, userId }, data: { [field]: value } });
    },
    /** Saves what Slack says of a member; territory, product line and segment change only through setAttribute. */
    async save(member) {
      const { teamId, userId, name, timeZone, locale, isAdmin, refreshedAt } = member;
      const profile = { name, timeZone, locale, isAdmin, refreshedAt };
      await db.member.upsert({
        where: { teamId_userId: { teamId, userId } },
        create: { teamId, userId, ...profile },
        update: profile,
      });
    },
  };
}
