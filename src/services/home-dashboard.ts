import type { Clock } from '../clock.js';
import type { ActivityType } from '../domain/activity-types.js';
import type { ActivityTotal } from '../domain/goals.js';
import type { Lead } from '../domain/leads.js';
import type { Member } from '../domain/members.js';
import { localDate, weekSpan } from '../domain/periods.js';
import type { SalesTeam } from '../domain/sales-teams.js';
import type { ActivityStore } from '../store/activity-store.js';
import type { ActivityTypeStore } from '../store/activity-type-store.js';
import type { GoalStore } from '../store/goal-store.js';
import type { LeadStore } from '../store/lead-store.js';
import type { MemberStore } from '../store/member-store.js';
import type { SalesTeamStore } from '../store/sales-team-store.js';
import type { HomeStanding, Leaderboard } from './leaderboard.js';
import type { RoleBook } from './role-book.js';
import { goalStandings, type GoalStanding } from './standings.js';

/** A managed team on its manager's Home: each rep with their main goal (their first), if any. */
export interface TeamOverview {
  name: string;
  reps: { userId: string; main: GoalStanding | null }[];
}

export interface HomeSnapshot {
  member: Member;
  standings: GoalStanding[];
  week: ActivityTotal[];
  types: ActivityType[];
  now: Date;
  /** The teams the member manages; empty for a rep. */
  teams: TeamOverview[];
  /** The member's open leads to follow up today or already overdue, the longest overdue first. */
  followUps: Lead[];
  /** Their rank on this week's board, streak and badges. */
  standing: HomeStanding;
}

export interface HomeDashboard {
  snapshot(member: Member): Promise<HomeSnapshot>;
}

export function createHomeDashboard(deps: {
  goals: GoalStore;
  activities: ActivityStore;
  activityTypes: ActivityTypeStore;
  clock: Clock;
  roles: RoleBook;
  teams: SalesTeamStore;
  members: MemberStore;
  leads: LeadStore;
  leaderboard: Leaderboard;
}): HomeDashboard {
  const { goals, activities, activityTypes, clock, roles, teams, members, leads, leaderboard } = deps;

  async function repStandings(teamId: string, userId: string, timeZone: string, types: ActivityType[], now: Date, onlyMain: boolean) {
    const own = await goals.forOwner(teamId, { ownerType: 'rep', ownerId: userId });
    return goalStandings(activities, { teamId, goals: onlyMain ? own.slice(0, 1) : own, types, now, timeZone, contributors: [userId] });
  }

  async function overview(manager: Member, team: SalesTeam, types: ActivityType[], now: Date): Promise<TeamOverview> {
    const reps = await Promise.all(
      team.members.map(async (userId) => {
        const rep = await members.find(manager.teamId, userId);
        const [main] = await repStandings(manager.teamId, userId, rep?.timeZone ?? team.timeZone ?? manager.timeZone, types, now, true);
        return { userId, main: main ?? null };
      }),
    );
    return { name: team.name, reps };
  }

  return {
    async snapshot(member) {
      const now = clock.now();
      const [types, { manages }, week, followUps] = await Promise.all([
        activityTypes.forWorkspace(member.teamId),
        roles.of(member),
        activities.totals(member.teamId, [member.userId], weekSpan(now, member.timeZone)),
        leads.followUpsDue(member.teamId, member.userId, localDate(now, member.timeZone)),
      ]);
      const [standings, standing] = await Promise.all([
        repStandings(member.teamId, member.userId, member.timeZone, types, now, false),
        leaderboard.standingOf(member, types),
      ]);
      const managed = (await Promise.all(manages.map((id) => teams.findById(member.teamId, id)))).filter((t): t is SalesTeam => t !== null);
      return { member, standings, week, types, now, teams: await Promise.all(managed.map((t) => overview(member, t, types, now))), followUps, standing };
    },
  };
}
