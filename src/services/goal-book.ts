import type { Clock } from '../clock.js';
import type { ActivityType } from '../domain/activity-types.js';
import type { GoalSpec } from '../domain/goal-command.js';
import { goalVersion, sameGoal, type Goal, type GoalDraft } from '../domain/goals.js';
import type { Member } from '../domain/members.js';
import type { Period } from '../domain/periods.js';
import { PacerError } from '../errors.js';
import type { ActivityStore } from '../store/activity-store.js';
import type { ActivityTypeStore } from '../store/activity-type-store.js';
import type { GoalStore } from '../store/goal-store.js';
import type { WithTransaction } from '../store/transaction.js';
import type { GoalFor, GoalOwner, GoalOwners, OwnerLabel } from './goal-owners.js';
import { quotaEstimatesIn, type EstimateRule, type QuotaEstimates } from './quota-estimates.js';
import { goalStandings, type GoalStanding } from './standings.js';

/** What a goal looked like before a change, so the change can be undone. Null: it did not exist. */
export type GoalBefore = Pick<Goal, 'target' | 'note' | 'setBy' | 'derivedFromId'> | null;

/** A removed goal as Undo recreates it: everything but its id. */
export type RemovedGoal = Omit<Goal, 'id'>;

/**
 * What an Undo button undoes: a change, valid while the goal is at `version` (goalVersion of the
 * goal as the change left it), or a removal, valid while the owner has not set that goal again.
 */
export type GoalUndo =
  | { kind: 'change'; goalId: string; before: GoalBefore; version: string }
  | { kind: 'removal'; goal: RemovedGoal };

export interface GoalChange {
  standing: GoalStanding;
  before: GoalBefore;
  owner: OwnerLabel;
  /** The estimate goal the change derived when the goal is a quota, and the rule it follows. */
  derived: { standing: GoalStanding; rule: EstimateRule } | null;
  /** Set by hand over a goal that followed a quota: it follows no longer. */
  detached: boolean;
  /** Set again as it already was: nothing was written, so there is nothing to undo or tell. */
  unchanged: boolean;
}

export interface GoalRemoval {
  goal: Goal;
  /** The estimate goal that followed the removed quota, gone with it. */
  derived: Goal | null;
  owner: OwnerLabel;
}

export interface GoalList {
  standings: GoalStanding[];
  owner: OwnerLabel;
  types: ActivityType[];
}

export interface GoalBook {
  set(actor: Member, target: GoalFor, spec: GoalSpec): Promise<GoalChange>;
  list(actor: Member, target: GoalFor): Promise<GoalList>;
  remove(actor: Member, target: GoalFor, which: { metric: string; period: Period; productLine: string }): Promise<GoalRemoval>;
  /** Removes a goal and gives the list of its owner's goals that remain. */
  removeById(actor: Member, goalId: string): Promise<{ removal: GoalRemoval; list: GoalList }>;
  /**
   * Puts a goal back as it was before a change (the old target, or no goal at all) or before its
   * removal (with the estimate goal a quota brings); refuses when the goal changed since.
   */
  undo(actor: Member, undo: GoalUndo): Promise<{ goal: Goal; owner: OwnerLabel }>;
}

function snapshot(goal: Goal): NonNullable<GoalBefore> {
  return { target: goal.target, note: goal.note, setBy: goal.setBy, derivedFromId: goal.derivedFromId };
}

/**
 * A rep's, a team's or the company's goals. Who may change or see them is decided by
 * GoalOwners; a team goal's progress is the sum of its reps', the company's of everyone's.
 * A goal and the estimate goal its quota brings are written in one transaction, as is an Undo.
 */
export function createGoalBook(deps: {
  goals: GoalStore;
  activities: ActivityStore;
  activityTypes: ActivityTypeStore;
  clock: Clock;
  owners: GoalOwners;
  quotaEstimates: QuotaEstimates;
  transaction: WithTransaction;
}): GoalBook {
  const { goals, activities, activityTypes, clock, owners, quotaEstimates, transaction } = deps;

  /** Work on goals and their estimate goals in one transaction, every check made before it. */
  async function inTransaction<T>(teamId: string, work: (goals: GoalStore, estimates: QuotaEstimates) => Promise<T>): Promise<T> {
    const types = await activityTypes.forWorkspace(teamId);
    return transaction((stores) => work(stores.goals, quotaEstimatesIn(stores, types)));
  }

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
   * Changes the owner's same goal if there is one and the actor may (set by hand now: it follows
   * no quota), else creates it; when a change racing this one created it first, this one changes it.
   */
  async function save(store: GoalStore, teamId: string, owner: GoalOwner, draft: GoalDraft, retried = false): Promise<{ goal: Goal; existing?: Goal }> {
    const existing = (await store.forOwner(teamId, owner)).find((g) => sameGoal(g, draft));
    if (existing) {
      owner.checkChange(existing);
      const goal = await store.update(teamId, existing.id, { target: draft.target, note: draft.note, setBy: draft.setBy, derivedFromId: null });
      if (!goal) throw new PacerError('goal_not_found');
      return { goal, existing };
    }
    const created = await store.create(teamId, draft);
    if (created) return { goal: created };
    if (retried) throw new PacerError('goal_not_found');
    return save(store, teamId, owner, draft, true);
  }

  /** A goal that follows a quota is changed through the quota, or by setting it by hand. */
  function refuseDerived(goal: Goal): void {
    if (goal.derivedFromId !== null) throw new PacerError('goal_follows_quota');
  }

  async function removeGoal(teamId: string, goal: Goal, owner: GoalOwner): Promise<GoalRemoval> {
    owner.checkChange(goal);
    refuseDerived(goal);
    // Read before the removal: the database removes a quota's estimate goal with it (one statement).
    const derived = await goals.derivedFrom(teamId, goal.id);
    if (!(await goals.remove(teamId, goal.id))) throw new PacerError('goal_not_found');
    return { goal, derived, owner: owner.label };
  }

  /** The quota a goal brought back may follow again: one that still exists and has no other estimate goal. */
  async function quotaToFollow(store: GoalStore, teamId: string, quotaId: string | null, goalId: string | null): Promise<string | null> {
    if (quotaId === null || !(await store.find(teamId, quotaId))) return null;
    const derived = await store.derivedFrom(teamId, quotaId);
    return derived === null || derived.id === goalId ? quotaId : null;
  }

  async function undoChange(actor: Member, undo: Extract<GoalUndo, { kind: 'change' }>): Promise<{ goal: Goal; owner: OwnerLabel }> {
    const found = await goals.find(actor.teamId, undo.goalId);
    if (!found) throw new PacerError('goal_changed_since');
    const owner = await owners.ofGoal(actor, found, 'change');
    const goal = await inTransaction(actor.teamId, async (store, estimates) => {
      // Read again inside: a change between the check and now makes this Undo stale.
      const goal = await store.find(actor.teamId, undo.goalId);
      if (!goal || goalVersion(goal) !== undo.version) throw new PacerError('goal_changed_since');
      if (undo.before === null) {
        await store.remove(actor.teamId, goal.id);
        return goal;
      }
      const derivedFromId = await quotaToFollow(store, actor.teamId, undo.before.derivedFromId, goal.id);
      const restored = (await store.update(actor.teamId, goal.id, { ...undo.before, derivedFromId })) ?? goal;
      await estimates.follow(actor.teamId, restored);
      // A goal that followed a quota again takes the quota's figure, not the one it had.
      const quota = restored.derivedFromId === null ? null : await store.find(actor.teamId, restored.derivedFromId);
      if (quota) await estimates.follow(actor.teamId, quota);
      return restored;
    });
    return { goal, owner: owner.label };
  }

  async function undoRemoval(actor: Member, removed: RemovedGoal): Promise<{ goal: Goal; owner: OwnerLabel }> {
    const owner = await owners.ofGoal(actor, removed, 'change');
    const goal = await inTransaction(actor.teamId, async (store, estimates) => {
      // Set again since (or already brought back): that newer goal stays.
      if ((await store.forOwner(actor.teamId, owner)).some((g) => sameGoal(g, removed))) throw new PacerError('goal_changed_since');
      const derivedFromId = await quotaToFollow(store, actor.teamId, removed.derivedFromId, null);
      const goal = await store.create(actor.teamId, { ...removed, derivedFromId });
      if (!goal) throw new PacerError('goal_changed_since');
      await estimates.follow(actor.teamId, goal);
      return goal;
    });
    return { goal, owner: owner.label };
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
      const same = (await goals.forOwner(actor.teamId, owner)).find((g) => sameGoal(g, draft));
      if (same && same.derivedFromId === null && same.target === draft.target && same.note === draft.note) {
        const [standing] = (await listOf(actor.teamId, owner, [same])).standings;
        if (!standing) throw new PacerError('goal_not_found');
        return { standing, before: snapshot(same), owner: owner.label, derived: null, detached: false, unchanged: true };
      }
      const { goal, existing, derived } = await inTransaction(actor.teamId, async (store, estimates) => {
        const saved = await save(store, actor.teamId, owner, draft);
        return { ...saved, derived: await estimates.follow(actor.teamId, saved.goal) };
      });
      const [standing, derivedStanding] = (await listOf(actor.teamId, owner, derived ? [goal, derived] : [goal])).standings;
      if (!standing) throw new PacerError('goal_not_found');
      return {
        standing,
        before: existing ? snapshot(existing) : null,
        owner: owner.label,
        derived: derivedStanding ? { standing: derivedStanding, rule: await quotaEstimates.ruleFor(actor.teamId, goal) } : null,
        detached: existing !== undefined && existing.derivedFromId !== null,
        unchanged: false,
      };
    },
    async list(actor, target) {
      return listOf(actor.teamId, await owners.resolve(actor, target, 'see'));
    },
    async remove(actor, target, which) {
      const owner = await owners.resolve(actor, target, 'change');
      const wanted = { ownerType: owner.ownerType, ownerId: owner.ownerId, ...which };
      const goal = (await goals.forOwner(actor.teamId, owner)).find((g) => sameGoal(g, wanted));
      if (!goal) throw new PacerError('goal_not_found');
      return removeGoal(actor.teamId, goal, owner);
    },
    async removeById(actor, goalId) {
      const { goal, owner } = await findGoal(actor, goalId);
      const removal = await removeGoal(actor.teamId, goal, owner);
      return { removal, list: await listOf(actor.teamId, owner) };
    },
    undo: (actor, undo) => (undo.kind === 'change' ? undoChange(actor, undo) : undoRemoval(actor, undo.goal)),
  };
}
