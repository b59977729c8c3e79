import type { Clock } from '../clock.js';
import type { ActivityType } from '../domain/activity-types.js';
import type { ActivityTotal } from '../domain/goals.js';
import type { Member } from '../domain/members.js';
import { weekSpan } from '../domain/periods.js';
import type { ActivityStore } from '../store/activity-store.js';
import type { ActivityTypeStore } from '../store/activity-type-store.js';
import type { GoalStore } from '../store/goal-store.js';
import { goalStandings, type GoalStanding } from './standings.js';

export interface HomeSnapshot {
  member: Member;
  standings: GoalStanding[];
  week: ActivityTotal[];
  types: ActivityType[];
  now: Date;
}

export interface HomeDashboard {
  snapshot(member: Member): Promise<HomeSnapshot>;
}

export function createHomeDashboard(deps: {
  goals: GoalStore;
  activities: ActivityStore;
  activityTypes: ActivityTypeStore;
  clock: Clock;
}): HomeDashboard {
  const { goals, activities, activityTypes, clock } = deps;
  return {
    async snapshot(member) {
      const now = clock.now();
      const [types, ownGoals, week] = await Promise.all([
        activityTypes.forWorkspace(member.teamId),
        goals.forOwner(member.teamId, { ownerType: 'rep', ownerId: member.userId }),
        activities.totals(member.teamId, [member.userId], weekSpan(now, member.timeZone)),
      ]);
      const standings = await goalStandings(activities, {
        teamId: member.teamId,
        goals: ownGoals,
        types,
        now,
        timeZone: member.timeZone,
        contributors: [member.userId],
      });
      return { member, standings, week, types, now };
    },
  };
}
