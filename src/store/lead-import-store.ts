import { z } from 'zod';
import type { ImportedLead } from '../domain/lead-import.js';
import { leadStages } from '../domain/leads.js';
import type { Prisma, PrismaClient } from './generated/client.js';

/** How long a previewed import waits for its confirmation. */
export const pendingImportMaxAgeMs = 60 * 60 * 1000;

export interface LeadImportStore {
  /**
   * Keeps a previewed import for the person who previewed it and returns its id. Their earlier
   * pending imports and the workspace's expired ones are dropped: a closed preview sends no event.
   */
  save(teamId: string, userId: string, leads: readonly ImportedLead[], at: Date): Promise<string>;
  /** The rows of a pending import, for its own user while it is under an hour old; null otherwise. */
  load(teamId: string, userId: string, id: string, now: Date): Promise<ImportedLead[] | null>;
  /** Removes a pending import; false when it was already gone, so of two confirmations only one goes on. */
  delete(teamId: string, userId: string, id: string): Promise<boolean>;
}

// The id comes back from a view's private_metadata; PostgreSQL refuses a malformed uuid with an error, not a miss.
const importId = z.guid();

/** The stored rows are read back as they were written; a row of another shape makes the import unusable, not half-read. */
const storedLeads = z.array(
  z.object({
    line: z.number().int(),
    ownerId: z.string().min(1),
    draft: z.object({
      name: z.string().min(1),
      account: z.string().nullable(),
      value: z.number().nullable(),
      productLine: z.string().nullable(),
      source: z.enum(['company', 'own']),
      stage: z.enum(leadStages),
      nextFollowUpOn: z.string().nullable(),
    }),
    note: z.string().nullable(),
  }),
) satisfies z.ZodType<ImportedLead[]>;

export function createLeadImportStore(db: PrismaClient): LeadImportStore {
  return {
    async save(teamId, userId, leads, at) {
      return db.$transaction(async (tx) => {
        await tx.leadImport.deleteMany({
          where: { teamId, OR: [{ userId }, { createdAt: { lt: new Date(at.getTime() - pendingImportMaxAgeMs) } }] },
        });
        const rows = JSON.parse(JSON.stringify(leads)) as Prisma.InputJsonValue;
        const { id } = await tx.leadImport.create({ data: { teamId, userId, rows, createdAt: at }, select: { id: true } });
        return id;
      });
    },
    async load(teamId, userId, id, now) {
      if (!importId.safeParse(id).success) return null;
      const row = await db.leadImport.findFirst({
        where: { id, teamId, userId, createdAt: { gte: new Date(now.getTime() - pendingImportMaxAgeMs) } },
        select: { rows: true },
      });
      const parsed = row && storedLeads.safeParse(row.rows);
      return parsed?.success ? parsed.data : null;
    },
    async delete(teamId, userId, id) {
      if (!importId.safeParse(id).success) return false;
      const { count } = await db.leadImport.deleteMany({ where: { id, teamId, userId } });
      return count > 0;
    },
  };
}
