import type { Member } from '../domain/members.js';
import type { PrismaClient } from './generated/client.js';

export interface MemberStore {
  find(teamId: string, userId: string): Promise<Member | null>;
  save(member: Member): Promise<void>;
}

export function createMemberStore(db: PrismaClient): MemberStore {
  return {
    find: (teamId, userId) => db.member.findUnique({ where: { teamId_userId: { teamId, userId } } }),
    async save(member) {
      const { teamId, userId, ...profile } = member;
      await db.member.upsert({
        where: { teamId_userId: { teamId, userId } },
        create: member,
        update: profile,
      });
    },
  };
}
