import { z } from 'zod';
import { logDraftSchema, type DatedLogDraft, type LogDraft } from '../domain/log-command.js';
import { recurringPeriods } from '../domain/periods.js';
import type { GoalUndo } from '../services/goal-book.js';
import type { BoardRequest } from '../services/leaderboard.js';

/** Button values come back from Slack as untrusted strings: each has a schema, checked on the way in. */
const idSchema = z.uuid();

/** A log's or a goal's id, as an Undo or Remove button carries it; null when it is not one. */
export function readRecordId(raw: string | undefined): string | null {
  return idSchema.safeParse(raw).data ?? null;
}

const userIdSchema = z.string().regex(/^[UW][A-Z0-9]+$/);
const isoDateSchema = z.iso.date();
const goalBeforeSchema = z.object({
  target: z.number().positive(),
  note: z.string().max(300).nullable(),
  setBy: userIdSchema,
  derivedFromId: z.uuid().nullable(),
});
const removedGoalSchema = z.object({
  ownerType: z.enum(['rep', 'team', 'company']),
  ownerId: z.string().regex(/^[\w-]{1,64}$/),
  metric: z.string().regex(/^[\p{L}\p{N}:_-]{1,64}$/u),
  target: z.number().positive(),
  period: z.discriminatedUnion('kind', [
    z.object({ kind: z.enum(recurringPeriods) }),
    z.object({ kind: z.literal('custom'), startsOn: isoDateSchema, endsOn: isoDateSchema }),
  ]),
  productLine: z.string().regex(/^[\p{L}\p{N}_.-]{0,50}$/u),
  note: z.string().max(300).nullable(),
  setBy: userIdSchema,
  derivedFromId: z.uuid().nullable(),
});
/**
 * A goal's Undo, versioned: replies stay in a channel for days, and an old Undo must not overwrite
 * a newer change. Buttons from before versions (no `v`) do not read, so they are refused as stale.
 */
const goalUndoSchema = z.discriminatedUnion('kind', [
  z.object({ v: z.literal(2), kind: z.literal('change'), goalId: z.uuid(), before: goalBeforeSchema.nullable(), version: z.string().regex(/^[\w-]{1,64}$/) }),
  z.object({ v: z.literal(2), kind: z.literal('removal'), goal: removedGoalSchema }),
]);

export function encodeGoalUndo(undo: GoalUndo): string {
  return JSON.stringify({ v: 2, ...undo });
}

export function decodeGoalUndo(raw: string | undefined): GoalUndo | null {
  const read = readJson(goalUndoSchema, raw);
  if (!read) return null;
  const { v: _version, ...undo } = read;
  return undo;
}

/** Which type the activity type form changes (null: a new one), as its private_metadata carries it. */
export type TypeFormOrigin = { key: string | null };
const typeKeySchema = z.string().regex(/^[\p{L}\p{N}][\p{L}\p{N}_-]{0,29}$/u);
const typeFormOriginSchema = z.object({ key: typeKeySchema.nullable() });

export function encodeTypeFormOrigin(origin: TypeFormOrigin): string {
  return JSON.stringify(origin);
}

export function decodeTypeFormOrigin(raw: string | undefined): TypeFormOrigin | null {
  return readJson(typeFormOriginSchema, raw);
}

/** An activity type's key on an Edit button; null when it is not one. */
export function readTypeKey(raw: string | undefined): string | null {
  return typeKeySchema.safeParse(raw).data ?? null;
}

/** JSON a surface carried back, if it reads and matches its schema. */
export function readJson<T>(schema: z.ZodType<T>, raw: string | undefined): T | null {
  try {
    return schema.safeParse(JSON.parse(raw ?? '')).data ?? null;
  } catch {
    return null;
  }
}

/**
 * A lead on a nudge's button, versioned: nudges stay in a DM for days, so a later release must
 * still read (or clearly refuse) the buttons of older ones.
 */
const leadButtonSchema = z.string().regex(/^v1:[0-9a-f-]{36}$/);
const snoozeSchema = z.string().regex(/^v1:([0-9a-f-]{36}):(1|3|7)$/);

export function encodeLeadButton(leadId: string): string {
  return `v1:${leadId}`;
}

export function readLeadButton(raw: string | undefined): string | null {
  const parsed = leadButtonSchema.safeParse(raw);
  return parsed.success ? (idSchema.safeParse(parsed.data.slice(3)).data ?? null) : null;
}

/** A snooze option's value: which lead, for how many days (one of the offered). */
export function encodeSnooze(leadId: string, days: number): string {
  return `v1:${leadId}:${days}`;
}

export function readSnooze(raw: string | undefined): { leadId: string; days: number } | null {
  const match = snoozeSchema.safeParse(raw).success ? /^v1:(.+):(\d)$/.exec(raw ?? '') : null;
  const leadId = idSchema.safeParse(match?.[1]).data;
  return match && leadId ? { leadId, days: Number(match[2]) } : null;
}

/** Which nudge a check-back form came from, so saving it can update that message in place. */
const checkBackOriginSchema = z.object({ leadId: z.uuid(), channel: z.string().max(50).nullable(), ts: z.string().max(50).nullable() });
export type CheckBackOrigin = z.infer<typeof checkBackOriginSchema>;

export function encodeCheckBackOrigin(origin: CheckBackOrigin): string {
  return JSON.stringify(origin);
}

export function decodeCheckBackOrigin(raw: string | undefined): CheckBackOrigin | null {
  return readJson(checkBackOriginSchema, raw);
}

/**
 * A log a question's button would make ("5,000 lost deals, or one worth 5,000?"), versioned: the
 * whole draft rides on the button, since Pacer keeps nothing of an unanswered question. It is
 * checked again with the log's own schema on the way back.
 */
const logChoiceSchema = z.object({ v: z.literal(1), draft: logDraftSchema.extend({ on: z.iso.date() }) });
const maxButtonValue = 2000;

/** The draft as a button value; null when it does not fit in one (only with a very long lead and note). */
export function encodeLogChoice(draft: DatedLogDraft): string | null {
  const value = JSON.stringify({ v: 1, draft });
  return value.length <= maxButtonValue ? value : null;
}

export function decodeLogChoice(raw: string | undefined): LogDraft | null {
  return readJson(logChoiceSchema, raw)?.draft ?? null;
}

const boardRequestSchema = z.object({
  v: z.literal(1),
  window: z.enum(['week', 'month', 'quarter', 'since']),
  since: isoDateSchema.nullable(),
  ranking: z
    .discriminatedUnion('by', [
      z.object({ by: z.literal('points') }),
      z.object({ by: z.literal('goal') }),
      z.object({ by: z.literal('metric'), metric: z.string().regex(/^[\p{L}\p{N}_-]{1,64}$/u) }),
    ])
    .nullable(),
  salesTeamId: z.uuid().nullable(),
});

/** `/board`'s request on its "Share in channel" button, versioned like the other buttons. */
export function encodeBoardRequest(request: BoardRequest): string {
  return JSON.stringify({ v: 1, ...request });
}

export function readBoardRequest(raw: string | undefined): BoardRequest | null {
  const read = readJson(boardRequestSchema, raw);
  if (!read || (read.window === 'since') !== (read.since !== null)) return null;
  const { v: _version, ...request } = read;
  return request;
}
