import { defaultActivityTypes, type ActivityType, type ActivityUnit } from '../domain/activity-types.js';
import type { PrismaClient } from './generated/client.js';

export interface ActivityTypeStore {
  /** The workspace's types, seeding the defaults the first time a workspace is seen. */
  forWorkspace(teamId: string): Promise<ActivityType[]>;
}

export function createActivityTypeStore(db: PrismaClient): ActivityTypeStore {
  const load = async (teamId: string): Promise<ActivityType[]> => {
    const rows = await db.activityType.findMany({ where: { teamId }, orderBy: [{ position: 'asc' }, { key: 'asc' }] });
    return rows.map((row) => ({ ...row, unit: row.unit as ActivityUnit }));
  };
  return {
    async forWorkspace(teamId) {
      const types = await load(teamId);
      if (types.length > 0) return types;
      await db.$transaction([
        db.workspace.createMany({ data: [{ teamId }], skipDuplicates: true }),
        db.activityType.createMany({
          data: defaultActivityTypes.map((type, position) => ({ ...type, teamId, position })),
          skipDuplicates: true,
        }),
      ]);
      return load(teamId);
    },
  };
}
