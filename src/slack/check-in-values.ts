import { z } from 'zod';
import { checkInRoles } from '../domain/check-ins.js';
import { readJson } from './button-values.js';

/**
 * What check-in buttons and forms carry back, versioned: a check-in's messages stay in DMs and
 * the managers' channel for a week, so a later release must still read (or clearly refuse) them.
 */
const week = z.iso.date();
const userId = z.string().regex(/^[UW][A-Z0-9]{1,20}$/);
const questionId = z.string().regex(/^[a-z][a-z0-9]{0,19}$/);

const roundSchema = z.object({ v: z.literal(1), s: z.uuid(), w: week });
const repSchema = roundSchema.extend({ r: userId });
const setupSchema = z.object({
  v: z.literal(1),
  s: z.uuid(),
  n: z.string().max(100),
  q: z.array(z.object({ id: questionId, role: z.enum(checkInRoles).nullable() })).min(1).max(10),
});

export type RoundRef = { salesTeamId: string; week: string };
export type RepRef = RoundRef & { repId: string };
/** The setup form's questions in their order, with what each default one means. */
export type SetupOrigin = { salesTeamId: string; teamName: string; questions: z.infer<typeof setupSchema>['q'] };

export function encodeRound(ref: RoundRef): string {
  return JSON.stringify({ v: 1, s: ref.salesTeamId, w: ref.week });
}

export function decodeRound(raw: string | undefined): RoundRef | null {
  const read = readJson(roundSchema, raw);
  return read && { salesTeamId: read.s, week: read.w };
}

export function encodeRep(ref: RepRef): string {
  return JSON.stringify({ v: 1, s: ref.salesTeamId, w: ref.week, r: ref.repId });
}

export function decodeRep(raw: string | undefined): RepRef | null {
  const read = readJson(repSchema, raw);
  return read && { salesTeamId: read.s, week: read.w, repId: read.r };
}

export function encodeSetupOrigin(origin: SetupOrigin): string {
  return JSON.stringify({ v: 1, s: origin.salesTeamId, n: origin.teamName, q: origin.questions });
}

export function decodeSetupOrigin(raw: string | undefined): SetupOrigin | null {
  const read = readJson(setupSchema, raw);
  return read && { salesTeamId: read.s, teamName: read.n, questions: read.q };
}

export function readQuestionId(raw: string | undefined): string | null {
  return questionId.safeParse(raw).data ?? null;
}
