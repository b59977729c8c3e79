import { findActivityType, type ActivityType } from './activity-types.js';
import { readTouchNote } from './lead-command.js';
import type { LogDraft } from './log-command.js';

export interface TouchRequest {
  /** One of the activity a touch's first word names (`call`, `email`, `meeting`…); null: a touch only. */
  activity: LogDraft | null;
  note: string | null;
}

/**
 * The words after the lead in `/lead touch`. A first word naming a counted activity type logs one
 * of it, and the words after it are the note; otherwise every word is the note. Money types and
 * `lost` are left to `/lead won` and `/lead lost`, so "lost interest" or "won over" stay a note.
 */
export function readTouch(rest: readonly string[], types: readonly ActivityType[]): TouchRequest {
  const [first, ...after] = rest;
  const type = first === undefined ? undefined : findActivityType(types, first);
  if (!type || type.unit !== 'count' || type.key === 'lost') return { activity: null, note: readTouchNote(rest) };
  const note = readTouchNote(after);
  return { activity: { typeKey: type.key, count: 1, amount: null, lead: null, productLine: null, note }, note };
}
