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

/** A member's snapshot under way, and the one the calls made meanwhile wait for, read with the latest Member they passed. */
interface Reading {
  done: Promise<unknown>;
  next?: Promise<HomeSnapshot>;
  member?: Member;
}

export interface HomeDashboard {
  /**
   * What the member's Home shows, read after the call: a call made while the member's last
   * snapshot is still being read waits for it and shares the next read with every call made
   * meanwhile, so a burst of changes by one person (a run of /log) costs two reads, not one each,
   * and the last change is always shown.
   */
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

  async function repStandings(teamId: string, userId: string, timeZone: string, types: ActivityType[], now: Date, onlyMain: boolean, store: ActivityStore = activities) {
    const own = await goals.forOwner(teamId, { ownerType: 'rep', ownerId: userId });
    return goalStandings(store, { teamId, goals: onlyMain ? own.slice(0, 1) : own, types, now, timeZone, contributors: [userId] });
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

  async function read(member: Member): Promise<HomeSnapshot> {
    const now = clock.now();
    // The week's totals and a weekly goal's standing are the same query: read it once a snapshot.
    const totals = new Map<string, Promise<ActivityTotal[]>>();
    const once: ActivityStore = {
      ...activities,
      totals(teamId, who, span) {
        const key = `${teamId}|${who === 'everyone' ? '*' : who.join(',')}|${span.start.toISOString()}|${span.end.toISOString()}`;
        let pending = totals.get(key);
        if (!pending) totals.set(key, (pending = activities.totals(teamId, who, span)));
        return pending;
      },
    };
    const [types, { manages }, week, followUps] = await Promise.all([
      activityTypes.forWorkspace(member.teamId),
      roles.of(member),
      once.totals(member.teamId, [member.userId], weekSpan(now, member.timeZone)),
      leads.followUpsDue(member.teamId, member.userId, localDate(now, member.timeZone)),
    ]);
    const [standings, standing] = await Promise.all([
      repStandings(member.teamId, member.userId, member.timeZone, types, now, false, once),
      leaderboard.standingOf(member, types),
    ]);
    const managed = (await Promise.all(manages.map((id) => teams.findById(member.teamId, id)))).filter((t): t is SalesTeam => t !== null);
    return { member, standings, week, types, now, teams: await Promise.all(managed.map((t) => overview(member, t, types, now))), followUps, standing };
  }

  const reading = new Map<string, Reading>();
  function start(key: string, member: Member): Promise<HomeSnapshot> {
    const snapshot = read(member);
    const entry: Reading = { done: snapshot.catch(() => undefined) };
    reading.set(key, entry);
    void entry.done.then(() => {
      if (reading.get(key) === entry) reading.delete(key);
    });
    return snapshot;
  }

  return {
    snapshot(member) {
      const key = `${member.teamId}:${member.userId}`;
      const running = reading.get(key);
      if (!running) return start(key, member);
      running.member = member;
      return (running.next ??= running.done.then(() => start(key, running.member ?? member)));
    },
  };
}
