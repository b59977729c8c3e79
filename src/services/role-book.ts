import type { Member } from '../domain/members.js';
import type { Roles } from '../domain/roles.js';
import type { SalesTeamStore } from '../store/sales-team-store.js';

export interface RoleBook {
  of(member: Member): Promise<Roles>;
  /** The teams a rep belongs to: all that rules about a rep's data need to know of them. */
  repOf(teamId: string, userId: string): Promise<Pick<Roles, 'userId' | 'memberOf'>>;
}

/** Roles come from Slack (admins and owners), named Pacer admins, and team memberships. */
export function createRoleBook(teams: SalesTeamStore): RoleBook {
  return {
    async of(member) {
      const [named, { manages, memberOf }] = await Promise.all([
        member.isAdmin ? Promise.resolve(true) : teams.isNamedAdmin(member.teamId, member.userId),
        teams.rolesOf(member.teamId, member.userId),
      ]);
      return { userId: member.userId, isAdmin: member.isAdmin || named, manages, memberOf };
    },
    async repOf(teamId, userId) {
      return { userId, memberOf: (await teams.rolesOf(teamId, userId)).memberOf };
    },
  };
}
