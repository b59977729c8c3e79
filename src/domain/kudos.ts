import { DateTime } from 'luxon';
import { z } from 'zod';
import { PacerError } from '../errors.js';

/** People one /kudos may name: recognition for a whole channel would mean little. */
export const maxKudosReceivers = 5;
export const maxKudosReasonLength = 300;
/** What `Workspace.kudosDailyCap` defaults to, and the range admins may set it in. */
export const defaultKudosDailyCap = 5;
export const kudosCapRange = { min: 1, max: 50 } as const;

export type KudosCommand = { action: 'help' } | { action: 'give'; receiverIds: string[]; reason: string };

const reasonSchema = z.string().min(1).max(maxKudosReasonLength);
export const kudosCapSchema = z.number().int().min(kudosCapRange.min).max(kudosCapRange.max);

// With `should_escape: true` a picked person arrives as <@U123|name> or <@U123>; people may be
// joined by commas, "and" or "&" (which Slack escapes as &amp;).
const leadingMention = /^\s*(?:(?:,|and\b|&amp;)\s*)?<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/i;
// <!here>, <!channel>, <!subteam^S1|@sales>: a reason must not ping a whole channel or group from Pacer's post.
const broadcast = /<!([^>|]*)(?:\|([^>]*))?>/g;

/**
 * Reads `/kudos @bob [@rita…] [for] <reason>`; bare or `help` → help. The reason is kept as Slack sent it
 * (escaped mrkdwn, so a mention of someone in it still links) without the leading "for" the sentence
 * starts with: replies put it back ("for closing Acme"). Naming yourself is refused, even beside others.
 */
export function parseKudosCommand(text: string, giverId: string): KudosCommand {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.toLowerCase() === 'help') return { action: 'help' };
  let rest = trimmed;
  const receiverIds: string[] = [];
  for (let m = leadingMention.exec(rest); m; m = leadingMention.exec(rest)) {
    receiverIds.push(m[1] ?? '');
    rest = rest.slice(m[0].length);
  }
  if (receiverIds.length === 0) throw new PacerError('kudos_no_mention', { given: trimmed.split(/\s+/)[0] ?? '' });
  const unique = [...new Set(receiverIds)];
  if (unique.includes(giverId)) throw new PacerError('kudos_self');
  if (unique.length > maxKudosReceivers) throw new PacerError('kudos_too_many', { given: unique.length, max: maxKudosReceivers });
  const reason = readReason(rest);
  const parsed = reasonSchema.safeParse(reason);
  if (!parsed.success) {
    throw reason === '' ? new PacerError('kudos_reason_missing') : new PacerError('kudos_reason_too_long', { given: reason.length, max: maxKudosReasonLength });
  }
  return { action: 'give', receiverIds: unique, reason: parsed.data };
}

function readReason(rest: string): string {
  return rest
    .replace(broadcast, (_all, name: string, label: string | undefined) => label ?? `@${name.replace(/\^.*$/, '')}`)
    .replace(/\s+/g, ' ')
    .replace(/^[\s:,;–—-]+/, '')
    .replace(/^for\b\s*/i, '')
    .trim();
}

/** Room left in a giver's day, and whether `asked` more kudos fit in it. */
export function kudosRoom(cap: number, givenToday: number, asked: number): { left: number; fits: boolean } {
  const left = Math.max(0, cap - givenToday);
  return { left, fits: asked <= left };
}

/** When a giver's local day (and so their cap) starts again: their next midnight. */
export function kudosDayEnds(now: Date, timeZone: string): Date {
  return DateTime.fromJSDate(now, { zone: timeZone }).startOf('day').plus({ days: 1 }).toJSDate();
}
