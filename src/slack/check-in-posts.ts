import type { Logger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { buildCheckInReply, buildCheckInSummary } from '../../blocks/check-in-messages.js';
import type { SlackMessage } from '../../blocks/text.js';
import type { Clock } from '../clock.js';
import { checkInFlags, checkInRunKeys, roundStanding, type CheckInRound, type PostedMessage } from '../domain/check-ins.js';
import type { SalesTeam } from '../domain/sales-teams.js';
import { translator, type Translator } from '../i18n/index.js';
import type { CheckInStore, RoundKey } from '../store/check-in-store.js';
import type { MemberStore } from '../store/member-store.js';
import type { SalesTeamStore } from '../store/sales-team-store.js';

/** A poster that died leaves its lease; after this long another may post the answer. */
const postingLeaseMs = 5 * 60_000;

/**
 * The managers' side of a check-in in Slack: the summary (sent once through the outbox, then
 * redrawn in place) and each answer as a threaded reply under it. Used by the answer form at
 * once and by the job for whatever could not be posted then (a summary not sent yet, Slack down).
 */
export interface CheckInPosts {
  summary(round: CheckInRound): Promise<SlackMessage>;
  /** Posts the rep's answer under every summary of its round, once; false when the summaries are not sent yet. */
  postAnswer(client: WebClient, key: RoundKey, userId: string): Promise<boolean>;
  /** Redraws the round's summaries in place with what they hold now. */
  redrawSummary(client: WebClient, round: CheckInRound): Promise<void>;
}

export function createCheckInPosts(deps: {
  checkIns: CheckInStore;
  teams: Pick<SalesTeamStore, 'findById'>;
  members: Pick<MemberStore, 'find'>;
  clock: Clock;
  logger: Logger;
}): CheckInPosts {
  const { checkIns, teams, members, clock } = deps;

  /** The team's managers' language (its first manager's), for what they read. */
  async function managersSpeaker(teamId: string, team: SalesTeam): Promise<Translator> {
    const [first] = team.managers;
    const manager = first ? await members.find(teamId, first) : null;
    return translator(manager?.locale ?? 'en-US');
  }

  /** The round's summaries as sent, learnt from the outbox the first time. */
  async function summaryPosts(round: CheckInRound): Promise<PostedMessage[]> {
    if (round.summaryPosts.length > 0) return round.summaryPosts;
    const sent = await checkIns.sentByRun(checkInRunKeys.summary(round.teamId, round.salesTeamId, round.week));
    if (sent.length > 0) await checkIns.saveSummaryPosts(round, sent);
    return sent;
  }

  async function summary(round: CheckInRound): Promise<SlackMessage> {
    const team = await teams.findById(round.teamId, round.salesTeamId);
    const answers = await checkIns.answers(round);
    const tr = team ? await managersSpeaker(round.teamId, team) : translator('en-US');
    const skipReasons = new Map(answers.flatMap((a) => (a.skippedReason !== null ? [[a.userId, a.skippedReason] as const] : [])));
    return buildCheckInSummary(tr, { teamName: team?.name ?? '', week: round.week, standing: roundStanding(round, answers), closed: round.closedAt !== null, skipReasons });
  }

  return {
    summary,
    async postAnswer(client, key, userId) {
      const round = await checkIns.round(key);
      const posts = round ? await summaryPosts(round) : [];
      if (!round || posts.length === 0) return false;
      if (!(await checkIns.leasePosting(key, userId, clock.now(), postingLeaseMs))) return true;
      const [answer, team] = await Promise.all([checkIns.answer(key, userId), teams.findById(key.teamId, key.salesTeamId)]);
      if (!answer || !team) return true;
      const tr = await managersSpeaker(key.teamId, team);
      const flags = answer.answers ? checkInFlags(round.questions, answer.answers) : [];
      const message = buildCheckInReply(tr, { salesTeamId: key.salesTeamId, week: key.week, questions: round.questions, answer, flags });
      const replies: PostedMessage[] = [];
      for (const post of posts) {
        const sent = await client.chat.postMessage({ channel: post.channel, thread_ts: post.ts, text: message.text, blocks: message.blocks });
        replies.push({ channel: sent.channel ?? post.channel, ts: sent.ts ?? '' });
      }
      await checkIns.savePosted(key, userId, replies);
      return true;
    },
    async redrawSummary(client, round) {
      const posts = await summaryPosts(round);
      if (posts.length === 0) return;
      const message = await summary(round);
      for (const post of posts) await client.chat.update({ channel: post.channel, ts: post.ts, text: message.text, blocks: message.blocks });
      await checkIns.summaryShown(round, round.summaryVersion);
    },
  };
}
