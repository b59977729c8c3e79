import type { Clock } from '../clock.js';
import type { ActivityType } from '../domain/activity-types.js';
import type { GoalSpec } from '../domain/goal-command.js';
import { sameGoal, type Goal, type GoalDraft } from '../domain/goals.js';
import type { Member } from '../domain/members.js';
import type { Period } from '../domain/periods.js';
import { PacerError } from '../errors.js';
import type { ActivityStore } from '../store/activity-store.js';
import type { ActivityTypeStore } from '../store/activity-type-store.js';
import type { GoalStore } from '../store/goal-store.js';
import type { GoalFor, GoalOwner, GoalOwners, OwnerLabel } from './goal-owners.js';
import type { QuotaEstimates } from './quota-estimates.js';
import { goalStandings, type GoalStanding } from './standings.js';

/** What a goal looked like before a change, so the change can be undone. Null: it did not exist. */
export type GoalBefore = Pick<Goal, 'target' | 'note' | 'setBy' | 'derivedFromId'> | null;

export interface GoalChange {
  standing: GoalStanding;
  before: GoalBefore;
  owner: OwnerLabel;
  /** The estimate goal the change derived, when the goal is a quota. */
  derived: GoalStanding | null;
  /** Set by hand over a goal that followed a quota: it follows no longer. */
  detached: boolean;
}

export interface GoalList {
  standings: GoalStanding[];
  owner: OwnerLabel;
  types: ActivityType[];
}

export interface GoalBook {
  set(actor: Member, target: GoalFor, spec: GoalSpec): Promise<GoalChange>;
  list(actor: Member, target: GoalFor): Promise<GoalList>;
  remove(actor: Member, target: GoalFor, which: { metric: string; period: Period; productLine: string }): Promise<Goal>;
  /** Removes a goal and gives the list of its owner's goals that remain. */
  removeById(actor: Member, goalId: string): Promise<GoalList>;
  /** Puts a goal back as it was before a change: restores the old target, or removes a new goal. */
  undo(actor: Member, goalId: string, before: GoalBefore): Promise<{ goal: Goal; owner: OwnerLabel }>;
}

/**
 * A rep's, a team's or the company's goals. Who may change or see them is decided by
 * GoalOwners; a team goal's progress is the sum of its reps', the company's of everyone's.
 */
export function createGoalBook(deps: {
  goals: GoalStore;
  activities: ActivityStore;
  activityTypes: ActivityTypeStore;
  clock: Clock;
  owners: GoalOwners;
  quotaEstimates: QuotaEstimates;
}): GoalBook {
  const { goals, activities, activityTypes, clock, owners, quotaEstimates } = deps;

  async function listOf(teamId: string, owner: GoalOwner, list?: readonly Goal[]): Promise<GoalList> {
    const types = await activityTypes.forWorkspace(teamId);
    const standings = await goalStandings(activities, {
      teamId,
      goals: list ?? (await goals.forOwner(teamId, owner)),
      types,
      now: clock.now(),
      timeZone: owner.timeZone,
      contributors: owner.contributors,
    });
    return { standings, owner: owner.label, types };
  }

  async function findGoal(actor: Member, goalId: string): Promise<{ goal: Goal; owner: GoalOwner }> {
    const goal = await goals.find(actor.teamId, goalId);
    if (!goal) throw new PacerError('goal_not_found');
    return { goal, owner: await owners.ofGoal(actor, goal, 'change') };
  }

  /**
   * Changes the owner's same goal if there is one (set by hand now: it follows no quota), else
   * creates it; when a change racing this one created it first, this one changes it.
   */
  async function save(teamId: string, owner: GoalOwner, draft: GoalDraft, retried = false): Promise<{ goal: Goal; existing?: Goal }> {
    const existing = (await goals.forOwner(teamId, owner)).find((g) => sameGoal(g, draft));
    if (existing) {
      const goal = await goals.update(teamId, existing.id, { target: draft.target, note: draft.note, setBy: draft.setBy, derivedFromId: null });
      if (!goal) throw new PacerError('goal_not_found');
      return { goal, existing };
    }
    const created = await goals.create(teamId, draft);
    if (created) return { goal: created };
    if (retried) throw new PacerError('goal_not_found');
    return save(teamId, owner, draft, true);
  }

  /** A goal that follows a quota is changed through the quota, or by setting it by hand. */
  function refuseDerived(goal: Goal): void {
    if (goal.derivedFromId !== null) throw new PacerError('goal_follows_quota');
  }

  return {
    async set(actor, target, spec) {
      const owner = await owners.resolve(actor, target, 'change');
      const draft = {
        ownerType: owner.ownerType,
        ownerId: owner.ownerId,
        metric: spec.metric,
        target: spec.target,
        period: spec.period,
        productLine: spec.productLine,
        note: spec.note,
        setBy: actor.userId,
      };
      const { goal, existing } = await save(actor.teamId, owner, draft);
      const derived = await quotaEstimates.follow(actor.teamId, goal);
      const [standing, derivedStanding] = (await listOf(actor.teamId, owner, derived ? [goal, derived] : [goal])).standings;
      if (!standing) throw new PacerError('goal_not_found');
      const before = existing ? { target: existing.target, note: existing.note, setBy: existing.setBy, derivedFromId: existing.derivedFromId } : null;
      return { standing, before, owner: owner.label, derived: derivedStanding ?? null, detached: existing !== undefined && existing.derivedFromId !== null };
    },
    async list(actor, target) {
      return listOf(actor.teamId, await owners.resolve(actor, target, 'see'));
    },
    async remove(actor, target, which) {
      const owner = await owners.resolve(actor, target, 'change');
      const wanted = { ownerType: owner.ownerType, ownerId: owner.ownerId, ...which };
      const goal = (await goals.forOwner(actor.teamId, owner)).find((g) => sameGoal(g, wanted));
      if (goal) refuseDerived(goal);
      if (!goal || !(await goals.remove(actor.teamId, goal.id))) throw new PacerError('goal_not_found');
      return goal;
    },
    async removeById(actor, goalId) {
      const { goal, owner } = await findGoal(actor, goalId);
      refuseDerived(goal);
      if (!(await goals.remove(actor.teamId, goal.id))) throw new PacerError('goal_not_found');
      return listOf(actor.teamId, owner);
    },
    async undo(actor, goalId, before) {
      const { goal, owner } = await findGoal(actor, goalId);
      if (before === null) {
        await goals.remove(actor.teamId, goal.id);
        return { goal, owner: owner.label };
      }
      const restored = (await goals.update(actor.teamId, goal.id, before)) ?? goal;
      await quotaEstimates.follow(actor.teamId, restored);
      // A goal that followed a quota again takes the quota's figure, not the one it had.
      const quota = restored.derivedFromId === null ? null : await goals.find(actor.teamId, restored.derivedFromId);
      if (quota) await quotaEstimates.follow(actor.teamId, quota);
      return { goal: restored, owner: owner.label };
    },
  };
}
