import { applyTypeEdit, type ActivityType, type ActivityTypeEdit } from '../domain/activity-types.js';
import type { Member } from '../domain/members.js';
import { mayAdminister } from '../domain/roles.js';
import { PacerError } from '../errors.js';
import type { ActivityTypeStore } from '../store/activity-type-store.js';
import type { RoleBook } from './role-book.js';

/** The workspace's activity types as admins keep them (`/pacer types`). */
export interface ActivityCatalogue {
  /** Every type, active or not, for an admin to change. */
  forAdmin(actor: Member): Promise<ActivityType[]>;
  /** Adds a type (`key` null) or changes one; gives the list as it is now. */
  save(actor: Member, key: string | null, edit: ActivityTypeEdit): Promise<{ saved: ActivityType; types: ActivityType[] }>;
}

export function createActivityCatalogue(deps: { activityTypes: ActivityTypeStore; roles: RoleBook }): ActivityCatalogue {
  const { activityTypes, roles } = deps;

  async function assertAdmin(actor: Member): Promise<void> {
    if (!mayAdminister(await roles.of(actor))) throw new PacerError('admin_only');
  }

  return {
    async forAdmin(actor) {
      await assertAdmin(actor);
      return activityTypes.forWorkspace(actor.teamId);
    },
    async save(actor, key, edit) {
      await assertAdmin(actor);
      const saved = applyTypeEdit(await activityTypes.forWorkspace(actor.teamId), key, edit);
      await activityTypes.save(actor.teamId, saved);
      return { saved, types: await activityTypes.forWorkspace(actor.teamId) };
    },
  };
}
