import { z } from 'zod';
import type { GoalBefore } from '../services/goal-book.js';

/** Button values come back from Slack as untrusted strings: each has a schema, checked on the way in. */
const idSchema = z.uuid();

/** A log's or a goal's id, as an Undo or Remove button carries it; null when it is not one. */
export function readRecordId(raw: string | undefined): string | null {
  return idSchema.safeParse(raw).data ?? null;
}

const goalUndoSchema = z.object({
  goalId: z.uuid(),
  before: z
    .object({ target: z.number().positive(), note: z.string().max(300).nullable(), setBy: z.string().regex(/^[UW][A-Z0-9]+$/) })
    .nullable(),
});
export type GoalUndoValue = { goalId: string; before: GoalBefore };

export function encodeGoalUndo(value: GoalUndoValue): string {
  return JSON.stringify(value);
}

export function decodeGoalUndo(raw: string | undefined): GoalUndoValue | null {
  try {
    const parsed = goalUndoSchema.safeParse(JSON.parse(raw ?? ''));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
