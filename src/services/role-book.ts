import type { Clock } from '../clock.js';
import { adminFlagIsStale, type Member } from '../domain/members.js';
import type { Roles } from '../domain/roles.js';
import type { MemberStore } from '../store/member-store.js';
import type { SalesTeamStore } from '../store/sales-team-store.js';

export interface RoleBook {
  of(member: Member): Promise<Roles>;
  /** The teams a rep belongs to: all that rules about a rep's data need to know of them. */
  repOf(teamId: string, userId: string): Promise<Pick<Roles, 'userId' | 'memberOf'>>;
}

export interface RoleBookDeps {
  teams: SalesTeamStore;
  members: Pick<MemberStore, 'find'>;
  clock: Clock;
  /** Asks Slack again (users.info) whether the member is an admin or owner now, and saves the profile; rejects when Slack cannot say. */
  recheckAdmin(member: Member): Promise<boolean>;
}

/**
 * Roles come from Slack (admins and owners), named Pacer admins, and team memberships. Slack's
 * admin flag counts only while at most `adminFlagMaxAgeMs` old: an older one is asked again, and
 * when Slack does not answer it grants nothing (the member keeps every right a rep has).
 */
export function createRoleBook(deps: RoleBookDeps): RoleBook {
  const { teams, members, clock, recheckAdmin } = deps;

  async function slackAdmin(member: Member): Promise<boolean> {
    if (!member.isAdmin) return false;
    const now = clock.now();
    if (!adminFlagIsStale(member, now)) return true;
    // A request reads roles several times from the profile it started with: once one reading has
    // asked Slack, the saved profile is fresh, and the others take its word.
    const saved = await members.find(member.teamId, member.userId);
    if (saved && !adminFlagIsStale(saved, now)) return saved.isAdmin;
    return recheckAdmin(member).catch(() => false);
  }

  return {
    async of(member) {
      const [fromSlack, named, { manages, memberOf }] = await Promise.all([
        slackAdmin(member),
        teams.isNamedAdmin(member.teamId, member.userId),
        teams.rolesOf(member.teamId, member.userId),
      ]);
      return { userId: member.userId, isAdmin: fromSlack || named, manages, memberOf };
    },
    async repOf(teamId, userId) {
      return { userId, memberOf: (await teams.rolesOf(teamId, userId)).memberOf };
    },
  };
}
