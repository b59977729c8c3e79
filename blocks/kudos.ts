import type { Translator } from '../src/i18n/index.js';
import { mentions } from './team-replies.js';
import { context, section, type SlackMessage } from './text.js';

/** Where kudos were posted: the channel, and the link to the post when Slack gave one. */
export interface KudosPost {
  channelId: string;
  permalink: string | null;
}

export interface KudosNote {
  giverId: string;
  receiverIds: readonly string[];
  /** As stored: escaped mrkdwn without the leading "for". */
  reason: string;
}

function postedWhere(tr: Translator, post: KudosPost): string {
  return post.permalink ? tr.t('kudos.postLink', { channel: post.channelId, url: post.permalink }) : tr.t('kudos.channel', { channel: post.channelId });
}

/** The message in the channel: who thanked whom, and what for. */
export function buildKudosPost(tr: Translator, kudos: KudosNote): SlackMessage {
  const text = tr.t('kudos.post', { giver: kudos.giverId, receivers: mentions(kudos.receiverIds), reason: kudos.reason });
  return { text, blocks: [section(text), context(tr.t('kudos.postFooter'))] };
}

/** The DM to one receiver, in their language, pointing at the post when there is one. */
export function buildKudosDm(tr: Translator, kudos: Pick<KudosNote, 'giverId' | 'reason'>, post: KudosPost | null): SlackMessage {
  const text = tr.t('kudos.dm', { giver: kudos.giverId, reason: kudos.reason });
  const more = post ? tr.t('kudos.dmSeeIt', { where: postedWhere(tr, post) }) : tr.t('kudos.dmNotPosted');
  return { text, blocks: [section(text), context(more)] };
}

/** The giver's private confirmation: where it went, and how many they have left today. */
export function buildKudosSent(tr: Translator, kudos: Pick<KudosNote, 'receiverIds'>, post: KudosPost | null, day: { cap: number; left: number }): SlackMessage {
  const receivers = mentions(kudos.receiverIds);
  const text = post ? tr.t('kudos.sent', { receivers, where: postedWhere(tr, post) }) : tr.t('kudos.sentNotPosted', { receivers });
  const left = day.left > 0 ? tr.t('kudos.left', { count: day.left }) : tr.t('kudos.leftNone', { cap: day.cap });
  return { text, blocks: [section(text), context(left)] };
}

/** Over the daily cap: the cap, and when the giver's day starts again (their midnight). */
export function buildKudosCapReached(tr: Translator, day: { cap: number; left: number; asked: number; resetsAt: Date; timeZone: string }): SlackMessage {
  const when = tr.time(day.resetsAt, day.timeZone);
  const text =
    day.left === 0
      ? tr.t('kudos.capReached', { count: day.cap, when })
      : tr.t('kudos.capTooMany', { count: day.left, cap: day.cap, asked: day.asked, when });
  return { text, blocks: [section(`:hourglass_flowing_sand: ${text}`)] };
}

/** `/kudos help`, with the workspace's cap. */
export function buildKudosHelp(tr: Translator, cap: number): SlackMessage {
  const text = tr.t('kudos.help', { count: cap });
  return { text, blocks: [section(text)] };
}

/** `/pacer kudos` (the cap as it is) and `/pacer kudos limit N` (as just set). */
export function buildKudosCap(tr: Translator, cap: number, changed: boolean): SlackMessage {
  const text = tr.t(changed ? 'kudos.capSet' : 'kudos.capIs', { count: cap });
  return { text, blocks: [section(text)] };
}
