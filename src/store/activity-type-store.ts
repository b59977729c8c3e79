import type { Clock } from '../clock.js';
import { defaultActivityTypes, type ActivityType, type ActivityUnit } from '../domain/activity-types.js';
import type { PrismaClient } from './generated/client.js';

export interface ActivityTypeStore {
  /** The workspace's types, seeding the defaults the first time a workspace is seen. */
  forWorkspace(teamId: string): Promise<ActivityType[]>;
  /** Creates or changes a type; a new one goes last. */
  save(teamId: string, type: ActivityType): Promise<void>;
  /** Drops the kept lists (one workspace's, or all) after their rows changed behind this store. */
  forget(teamId?: string): void;
}

/**
 * Types are read on every command but change rarely, so each workspace's list is kept
 * for `maxAgeMs`; another instance's change to them shows within that time.
 */
export function createActivityTypeStore(db: PrismaClient, options: { clock: Clock; maxAgeMs?: number }): ActivityTypeStore {
  const maxAgeMs = options.maxAgeMs ?? 60_000;
  const cache = new Map<string, { types: ActivityType[]; at: number }>();
  const load = async (teamId: string): Promise<ActivityType[]> => {
    const rows = await db.activityType.findMany({ where: { teamId }, orderBy: [{ position: 'asc' }, { key: 'asc' }] });
    return rows.map(({ key, label, labelPlural, aliases, unit, points, active, countLimit, dailyPointsCap }) => ({
      key, label, labelPlural, aliases, unit: unit as ActivityUnit, points, active, countLimit, dailyPointsCap,
    }));
  };
  const seed = async (teamId: string): Promise<void> => {
    await db.$transaction([
      db.workspace.createMany({ data: [{ teamId }], skipDuplicates: true }),
      db.activityType.createMany({
        data: defaultActivityTypes.map((type, position) => ({ ...type, teamId, position })),
        skipDuplicates: true,
      }),
    ]);
  };
  return {
    async forWorkspace(teamId) {
      const now = options.clock.now().getTime();
      const cached = cache.get(teamId);
      if (cached && now - cached.at < maxAgeMs) return cached.types;
      let types = await load(teamId);
      if (types.length === 0) {
        await seed(teamId);
        types = await load(teamId);
      }
      cache.set(teamId, { types, at: now });
      return types;
    },
    async save(teamId, type) {
      const position = await db.activityType.count({ where: { teamId } });
      await db.activityType.upsert({
        where: { teamId_key: { teamId, key: type.key } },
        create: { ...type, teamId, position },
        update: type,
      });
      cache.delete(teamId);
    },
    forget(teamId) {
      if (teamId === undefined) cache.clear();
      else cache.delete(teamId);
    },
  };
}
