import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { buildKudosCapReached, buildKudosDm, buildKudosHelp, buildKudosPost, buildKudosSent, type KudosNote, type KudosPost } from '../../../../blocks/kudos.js';
import type { SlackMessage } from '../../../../blocks/text.js';
import { parseKudosCommand } from '../../../domain/kudos.js';
import type { Member } from '../../../domain/members.js';
import { PacerError } from '../../../errors.js';
import { mapBounded } from '../../bounded.js';
import type { PacerDeps } from '../../deps.js';
import { getProfiles, profileLookupConcurrency } from '../../member-profiles.js';
import { answerAs, ephemeral } from '../../replies.js';

/**
 * `/kudos @bob for closing Acme`: stored first (within the giver's daily cap), then posted where it was
 * given (or in the giver's team channel), then each receiver is told in a DM, then the giver. A post or DM
 * that fails leaves the kudos stored. Bare or `help` shows the help; mistakes name the right form.
 */
export function kudosCommand(deps: PacerDeps) {
  return async ({ ack, command, respond, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    const reply = ephemeral(respond);
    await answerAs(deps, { client, teamId: command.team_id, userId: command.user_id }, reply, async (giver, tr) => {
      const request = parseKudosCommand(command.text, giver.userId);
      if (request.action === 'help') {
        await reply(buildKudosHelp(tr, await deps.kudos.dailyCap(giver.teamId)));
        return;
      }
      // users.info refuses bots and people of no workspace; said here about kudos, not goals.
      const receivers = await getProfiles(deps.profiles, client, giver.teamId, request.receiverIds).catch(asKudosRefusal);
      const giving = await deps.kudos.give(giver, receivers, request.reason, command.channel_id);
      if (giving.given === null) {
        await reply(buildKudosCapReached(tr, { ...giving, asked: receivers.length, timeZone: giver.timeZone }));
        return;
      }
      const note: KudosNote = { giverId: giver.userId, receiverIds: request.receiverIds, reason: request.reason };
      const post = await postKudos(deps, client, giver, command.channel_id, buildKudosPost(await deps.speakers.channel(giver.teamId), note));
      await mapBounded(receivers, profileLookupConcurrency, async (receiver) => {
        const told = buildKudosDm(await deps.speakers.reader(receiver), note, post);
        await client.chat.postMessage({ channel: receiver.userId, ...told }).catch((error: unknown) => couldNot(deps, `tell ${receiver.userId} of kudos`, error));
      });
      await reply(buildKudosSent(tr, note, post, giving));
    });
  };
}

/** In the channel it was given in; from a DM, or where Pacer may not post, in the giver's team channel; else nowhere. */
async function postKudos(deps: PacerDeps, client: WebClient, giver: Member, channelId: string, message: SlackMessage): Promise<KudosPost | null> {
  const fromDm = channelId.startsWith('D');
  const here = fromDm ? null : await postIn(deps, client, channelId, message);
  if (here) return here;
  const teamChannel = await deps.kudos.teamChannelOf(giver);
  return teamChannel && teamChannel !== channelId ? postIn(deps, client, teamChannel, message) : null;
}

/**
 * chat:write.public reaches public channels only: a private channel or a group DM Pacer is not in answers
 * not_in_channel or channel_not_found (https://docs.slack.dev/reference/methods/chat.postMessage#errors).
 */
async function postIn(deps: PacerDeps, client: WebClient, channel: string, message: SlackMessage): Promise<KudosPost | null> {
  try {
    const posted = await client.chat.postMessage({ channel, ...message });
    const link = posted.ts ? await client.chat.getPermalink({ channel, message_ts: posted.ts }).catch(() => null) : null;
    return { channelId: posted.channel ?? channel, permalink: link?.permalink ?? null };
  } catch (error) {
    couldNot(deps, `post kudos in ${channel}`, error);
    return null;
  }
}

function couldNot(deps: PacerDeps, what: string, error: unknown): void {
  deps.logger.warn(`Could not ${what}`, error instanceof Error ? error.message : error);
}

function asKudosRefusal(error: unknown): never {
  if (error instanceof PacerError && error.code === 'goal_owner_bot') throw new PacerError('kudos_bot');
  if (error instanceof PacerError && error.code === 'goal_owner_unknown') throw new PacerError('kudos_unknown');
  throw error;
}
