import type { ActivityType } from '../domain/activity-types.js';
import { sameGoal, type Goal } from '../domain/goals.js';
import { estimateGoalFor, estimatesPerUnitFor, isQuota } from '../domain/quotas.js';
import type { ActivityTypeStore } from '../store/activity-type-store.js';
import type { GoalStore } from '../store/goal-store.js';
import type { SalesTeamStore } from '../store/sales-team-store.js';
import type { TransactionStores } from '../store/transaction.js';

/** How many estimates per unit of quota a quota's owner follows, and whose rule that is (null: the standard). */
export interface EstimateRule {
  perUnit: number;
  teamName: string | null;
}

export interface QuotaEstimates {
  /**
   * Brings the estimate goal a quota implies in line with it: creates it, or updates the one
   * already derived. Null when the goal is no quota, the workspace has no active estimate
   * type, or an equal estimate goal was set by hand (a rule never overwrites a person's goal).
   */
  follow(teamId: string, quota: Goal): Promise<Goal | null>;
  /** The rule a quota's estimate goal follows: its team's, its rep's first team's by name, or the standard. */
  ruleFor(teamId: string, quota: Pick<Goal, 'ownerType' | 'ownerId'>): Promise<EstimateRule>;
  /** After a team's estimates-per-unit setting changed: its quotas and its reps' follow it again. */
  refreshTeam(teamId: string, salesTeamId: string): Promise<Goal[]>;
  /** After reps joined or left a team: their quotas follow the rule of the teams they are in now. */
  refreshReps(teamId: string, userIds: readonly string[]): Promise<Goal[]>;
}

export function createQuotaEstimates(deps: { goals: GoalStore; teams: SalesTeamStore; activityTypes: Pick<ActivityTypeStore, 'forWorkspace'> }): QuotaEstimates {
  const { goals, teams, activityTypes } = deps;

  async function ruleFor(teamId: string, quota: Pick<Goal, 'ownerType' | 'ownerId'>): Promise<EstimateRule> {
    const team = quota.ownerType === 'team' ? await teams.findById(teamId, quota.ownerId) : null;
    const candidates = team ? [team] : quota.ownerType === 'rep' ? await teams.teamsOfRep(teamId, quota.ownerId) : [];
    // The team estimatesPerUnitFor takes its rule from, named so replies can say whose rule applies.
    const [first] = [...candidates].sort((a, b) => a.name.localeCompare(b.name));
    return { perUnit: estimatesPerUnitFor(candidates), teamName: first?.name ?? null };
  }

  const repOwners = (userIds: readonly string[]) => userIds.map((userId) => ({ ownerType: 'rep' as const, ownerId: userId }));

  async function refresh(teamId: string, owners: readonly Pick<Goal, 'ownerType' | 'ownerId'>[]): Promise<Goal[]> {
    const followed: Goal[] = [];
    for (const goal of await goals.forOwners(teamId, owners)) {
      const derived = await quotaEstimates.follow(teamId, goal);
      if (derived) followed.push(derived);
    }
    return followed;
  }

  const quotaEstimates: QuotaEstimates = {
    async follow(teamId, quota) {
      const types = await activityTypes.forWorkspace(teamId);
      if (!isQuota(quota, types)) return null;
      const wanted = estimateGoalFor(quota, (await ruleFor(teamId, quota)).perUnit, types);
      if (!wanted) return null;
      const derived = await goals.derivedFrom(teamId, quota.id);
      if (derived) return goals.update(teamId, derived.id, { target: wanted.target, note: derived.note, setBy: quota.setBy });
      const draft = { ownerType: quota.ownerType, ownerId: quota.ownerId, ...wanted, note: null, setBy: quota.setBy };
      if ((await goals.forOwner(teamId, quota)).some((g) => sameGoal(g, draft))) return null;
      // Two changes to one quota at once: the one that lost the race updates what the other made.
      return (await goals.create(teamId, { ...draft, derivedFromId: quota.id })) ?? quotaEstimates.follow(teamId, quota);
    },
    ruleFor,
    async refreshTeam(teamId, salesTeamId) {
      const team = await teams.findById(teamId, salesTeamId);
      if (!team) return [];
      return refresh(teamId, [{ ownerType: 'team', ownerId: team.id }, ...repOwners(team.members)]);
    },
    refreshReps: (teamId, userIds) => refresh(teamId, repOwners(userIds)),
  };

  return quotaEstimates;
}

/**
 * Quota estimates that read and write through one transaction's stores. The workspace's types are
 * read before it begins: a query on the app's own client inside it would wait on embedded PGlite,
 * which runs one transaction at a time, for the transaction to end.
 */
export function quotaEstimatesIn(stores: TransactionStores, types: readonly ActivityType[]): QuotaEstimates {
  return createQuotaEstimates({ ...stores, activityTypes: { forWorkspace: async () => [...types] } });
}
