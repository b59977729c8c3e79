import type { Clock } from '../clock.js';
import type { ActivityType } from '../domain/activity-types.js';
import type { GoalSpec } from '../domain/goal-command.js';
import { sameGoal, type Goal } from '../domain/goals.js';
import type { Member } from '../domain/members.js';
import type { Period } from '../domain/periods.js';
import { mayManageRep } from '../domain/roles.js';
import { PacerError } from '../errors.js';
import type { ActivityStore } from '../store/activity-store.js';
import type { ActivityTypeStore } from '../store/activity-type-store.js';
import type { GoalStore } from '../store/goal-store.js';
import type { RoleBook } from './role-book.js';
import { goalStandings, type GoalStanding } from './standings.js';

/** What a goal looked like before a change, so the change can be undone. Null: it did not exist. */
export type GoalBefore = Pick<Goal, 'target' | 'note' | 'setBy'> | null;

export interface GoalChange {
  standing: GoalStanding;
  before: GoalBefore;
}

export interface GoalBook {
  set(actor: Member, owner: Member, spec: GoalSpec): Promise<GoalChange>;
  list(actor: Member, owner: Member): Promise<{ standings: GoalStanding[]; types: ActivityType[] }>;
  remove(actor: Member, owner: Member, which: { metric: string; period: Period; productLine: string }): Promise<Goal>;
  removeById(actor: Member, goalId: string): Promise<Goal>;
  /** Puts a goal back as it was before a change: restores the old target, or removes a new goal. */
  undo(actor: Member, goalId: string, before: GoalBefore): Promise<Goal>;
}


export function createGoalBook(deps: {
  goals: GoalStore;
  activities: ActivityStore;
  activityTypes: ActivityTypeStore;
  clock: Clock;
  roles: RoleBook;
}): GoalBook {
  const { goals, activities, activityTypes, clock, roles } = deps;

  /** A rep manages their own goals; their team's managers and admins manage them too. */
  async function assertMayManage(actor: Member, owner: Member, refusal: string): Promise<void> {
    if (actor.userId === owner.userId) return;
    if (!mayManageRep(await roles.of(actor), await roles.repOf(owner.teamId, owner.userId))) throw new PacerError(refusal);
  }

  async function standingsOf(owner: Member, list: readonly Goal[]) {
    const types = await activityTypes.forWorkspace(owner.teamId);
    const standings = await goalStandings(activities, {
      teamId: owner.teamId,
      goals: list,
      types,
      now: clock.now(),
      timeZone: owner.timeZone,
    });
    return { standings, types };
  }

  async function findOwned(actor: Member, goalId: string): Promise<Goal> {
    const goal = await goals.find(actor.teamId, goalId);
    if (!goal) throw new PacerError('goal_not_found');
    const mine = goal.ownerId === actor.userId || goal.setBy === actor.userId;
    if (!mine && !mayManageRep(await roles.of(actor), await roles.repOf(actor.teamId, goal.ownerId))) {
      throw new PacerError('goal_undo_forbidden', { setBy: goal.setBy });
    }
    return goal;
  }

  return {
    async set(actor, owner, spec) {
      await assertMayManage(actor, owner, 'goal_for_other_forbidden');
      const draft = {
        ownerId: owner.userId,
        metric: spec.metric,
        target: spec.target,
        period: spec.period,
        productLine: spec.productLine,
        note: spec.note,
        setBy: actor.userId,
      };
      const existing = (await goals.forOwner(owner.teamId, owner.userId)).find((g) => sameGoal(g, draft));
      const goal = existing
        ? await goals.update(owner.teamId, existing.id, { target: draft.target, note: draft.note, setBy: draft.setBy })
        : await goals.create(owner.teamId, draft);
      if (!goal) throw new PacerError('goal_not_found');
      const [standing] = (await standingsOf(owner, [goal])).standings;
      if (!standing) throw new PacerError('goal_not_found');
      return { standing, before: existing ? { target: existing.target, note: existing.note, setBy: existing.setBy } : null };
    },
    async list(actor, owner) {
      await assertMayManage(actor, owner, 'goal_list_other_forbidden');
      return standingsOf(owner, await goals.forOwner(owner.teamId, owner.userId));
    },
    async remove(actor, owner, which) {
      await assertMayManage(actor, owner, 'goal_for_other_forbidden');
      const wanted = { ownerId: owner.userId, metric: which.metric, period: which.period, productLine: which.productLine };
      const goal = (await goals.forOwner(owner.teamId, owner.userId)).find((g) => sameGoal(g, wanted));
      if (!goal || !(await goals.remove(owner.teamId, goal.id))) throw new PacerError('goal_not_found');
      return goal;
    },
    async removeById(actor, goalId) {
      const goal = await findOwned(actor, goalId);
      if (!(await goals.remove(actor.teamId, goal.id))) throw new PacerError('goal_not_found');
      return goal;
    },
    async undo(actor, goalId, before) {
      const goal = await findOwned(actor, goalId);
      if (before === null) {
        await goals.remove(actor.teamId, goal.id);
        return goal;
      }
      return (await goals.update(actor.teamId, goal.id, before)) ?? goal;
    },
  };
}
