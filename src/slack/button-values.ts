import { z } from 'zod';
import type { GoalBefore } from '../services/goal-book.js';

/** Button values come back from Slack as untrusted strings: each has a schema, checked on the way in. */
export const activityIdValue = z.uuid();
export const goalIdValue = z.uuid();

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
