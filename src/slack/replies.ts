import { randomBytes } from 'node:crypto';
import type { Logger, RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { buildHome } from '../../blocks/home.js';
import { buildProblem, usageText, type HelpTopic } from '../../blocks/notice.js';
import type { SlackMessage } from '../../blocks/text.js';
import { activeTypeWords } from '../domain/activity-types.js';
import type { Member } from '../domain/members.js';
import { PacerError } from '../errors.js';
import { errorText, translator, type Translator } from '../i18n/index.js';
import type { PacerDeps } from './deps.js';

/**
 * Turns any failure into something the person can read: a PacerError into its
 * translated text (with the command's help when it is about the command's form),
 * anything else into an apology carrying a reference that is also logged.
 */
export function problemMessage(error: unknown, tr: Translator, logger: Logger, help?: string): SlackMessage {
  if (error instanceof PacerError) return buildProblem(errorText(tr, error.code, error.vars), help);
  return buildProblem(errorText(tr, 'unexpected', { ref: reportUnexpected(logger, error) }));
}

/**
 * Lead codes about the leads themselves (no such lead, already closed, changed meanwhile), not about the
 * command's form: their text already names the leads or the way on, and a page of help would bury it.
 */
const leadRefusals = new Set([
  'lead_exists', 'lead_changed', 'lead_gone', 'lead_not_yours', 'lead_already_won', 'lead_already_lost', 'lead_not_won',
  'lead_assign_same', 'lead_unknown', 'lead_ambiguous', 'lead_unknown_managed', 'lead_none_open', 'lead_none_managed',
]);

/** Mistakes in how a command was written get its help; refusals and stale buttons do not. */
function isAboutTheForm(error: unknown): boolean {
  return (
    error instanceof PacerError &&
    /^(log|goal|product|user|pacer|channel|lead|date)_/.test(error.code) &&
    !error.code.endsWith('_forbidden') &&
    !leadRefusals.has(error.code)
  );
}

/** Logs an unexpected error under a short reference the person can quote to an admin. */
export function reportUnexpected(logger: Logger, error: unknown): string {
  const ref = randomBytes(4).toString('hex');
  logger.error(`[ref ${ref}]`, error);
  return ref;
}

/** How a listener tells the person about a problem: ephemeral reply, DM, … */
export type Tell = (message: SlackMessage) => Promise<unknown>;

/** Tells through a command's or button's response_url, leaving the original message in place. */
export function ephemeral(respond: RespondFn): Tell {
  return (message) => respond({ response_type: 'ephemeral', replace_original: false, ...message });
}

/** Tells in the person's DM with Pacer: for surfaces with no response_url (Home tab, modals). */
export function direct(client: WebClient, userId: string): Tell {
  return (message) => client.chat.postMessage({ channel: userId, ...message });
}

/** Who a listener acts for: the person behind a command, click or form. */
export interface Requester {
  client: WebClient;
  teamId: string;
  userId: string;
}

/**
 * Runs a listener's work after ack(), for the requester as Pacer knows them and in
 * their language; whatever fails reaches them through `tell`.
 */
export async function answerAs(
  deps: Pick<PacerDeps, 'logger' | 'profiles' | 'speakers'>,
  requester: Requester,
  tell: Tell,
  work: (member: Member, tr: Translator) => Promise<void>,
  help?: (tr: Translator) => Promise<string>,
): Promise<void> {
  let tr = translator('en-US');
  try {
    const member = await deps.profiles.get(requester.client, requester.teamId, requester.userId);
    tr = await deps.speakers.reader(member);
    await work(member, tr);
  } catch (error) {
    const helpText = isAboutTheForm(error) && help ? await help(tr).catch(() => undefined) : undefined;
    await tell(problemMessage(error, tr, deps.logger, helpText)).catch((e: unknown) =>
      deps.logger.error('could not tell the user about a problem', e),
    );
  }
}

/**
 * Tells one person something privately where they were: ephemeral in the channel a
 * modal came from, or in their DM with Pacer when there is none or the bot is not in it.
 */
export async function tellPrivately(client: WebClient, member: Member, channelId: string | null, message: SlackMessage) {
  if (channelId) {
    try {
      await client.chat.postEphemeral({ channel: channelId, user: member.userId, ...message });
      return;
    } catch {
      // not_in_channel / channel_not_found: fall through to the DM, which always works.
    }
  }
  await direct(client, member.userId)(message);
}

/**
 * Keeps the Home tab live: republished after every change the member makes. The change itself
 * has succeeded by then, so a failure here is logged and never reported to the person as if
 * their change had failed; the Home is drawn again when they next open it.
 */
export async function publishHome(deps: PacerDeps, client: WebClient, member: Member): Promise<void> {
  try {
    const snapshot = await deps.homeDashboard.snapshot(member);
    await client.views.publish({ user_id: member.userId, view: buildHome(await deps.speakers.reader(member), snapshot) });
  } catch (error) {
    reportUnexpected(deps.logger, error);
  }
}

/** The form a command's mistakes are answered with, in the workspace's own activity types. */
export function topicHelp(deps: Pick<PacerDeps, 'activityTypes'>, teamId: string, topic: HelpTopic, commandText = '') {
  return async (tr: Translator) => usageText(tr, topic, activeTypeWords(await deps.activityTypes.forWorkspace(teamId)), commandText);
}
