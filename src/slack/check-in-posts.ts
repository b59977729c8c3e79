import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import { buildCheckInReply, buildCheckInSummary } from '../../blocks/check-in-messages.js';
import type { SlackMessage } from '../../blocks/text.js';
import { checkInFlags, checkInRunKeys, roundStanding, type CheckInAnswer, type CheckInRound } from '../domain/check-ins.js';
import type { RoundKey } from '../store/check-in-store.js';
import type { JobStore, OutboxDraft, OutboxRow, RunClaim } from '../store/job-store.js';
import type { SalesTeamStore } from '../store/sales-team-store.js';
import { createDelivery } from './delivery.js';
import type { PacerDeps } from './deps.js';
import { createWorkspaceClients } from './workspace-clients.js';
import type { Speakers } from '../services/speakers.js';

/** A rep's answer as a threaded reply under each summary of its round. */
export const checkInAnswerKind = 'checkin-answer';
/** The summary redrawn in place (chat.update) with what the round holds now. */
export const checkInRedrawKind = 'checkin-summary-update';

const roundPayloadSchema = z.object({ salesTeamId: z.uuid(), week: z.iso.date() });
const answerPayloadSchema = roundPayloadSchema.extend({ userId: z.string() });

/** The outbox as the posts use it: claims for answers, placed rows for replies and redraws. */
export type CheckInOutbox = Pick<JobStore, 'claim' | 'claimed' | 'messagesOf' | 'queueUpdate' | 'supersede'>;

/** The answers this call queued for their threads, and the outbox rows it queued for them. */
export interface QueuedAnswers {
  answers: CheckInAnswer[];
  ids: string[];
}

/**
 * One claim per answer given: a changed answer is a new answer and goes into the thread again,
 * while the same answer, queued by the form and by the job's catch-up, goes once.
 */
const answerRunKey = (answer: CheckInAnswer) => `${answersOfRep(answer)}${answer.submittedAt.getTime()}`;
/** The prefix of every answer's key of one rep in one round. */
const answersOfRep = (answer: CheckInAnswer) => `checkin-answer:${answer.teamId}:${answer.salesTeamId}:${answer.userId}:${answer.week}:`;

/**
 * The managers' side of a check-in in Slack, all through the outbox: the summary (sent once),
 * each answer as a threaded reply under it, and the summary redrawn in place. The answer form
 * queues and sends at once; the job queues whatever was not (an answer given before the summary
 * was queued, a redraw after the close), and the scheduler retries what Slack refused.
 */
export interface CheckInPosts {
  /** Draws a queued summary, answer reply or redraw as it is sent. */
  render(row: OutboxRow): Promise<SlackMessage>;
  /**
   * Queues each answer's replies under its round's summaries, once per answer given. Nothing for an
   * answer whose summary is not queued yet (the job catches up after it is).
   */
  queueAnswers(outbox: CheckInOutbox, answers: readonly CheckInAnswer[], claimedBy: string): Promise<QueuedAnswers>;
  /** Queues a redraw of each of the round's summaries and counts the round as shown; returns the rows queued. */
  queueRedraw(outbox: CheckInOutbox, round: CheckInRound): Promise<string[]>;
  /** The answer form's way out: the reply and the redraw queued, then sent at once with the rep's workspace token. */
  shareAnswer(outbox: JobStore, client: WebClient, answer: CheckInAnswer): Promise<void>;
}

/** What the listeners have (their deps), and the sales teams the posts are about. */
export function createCheckInPosts(deps: Pick<PacerDeps, 'checkIns' | 'clock' | 'logger'> & { teams: Pick<SalesTeamStore, 'findById'>; speakers: Pick<Speakers, 'channel'> }): CheckInPosts {
  const { checkIns, teams, clock, logger, speakers } = deps;

  async function summary(round: CheckInRound): Promise<SlackMessage> {
    const team = await teams.findById(round.teamId, round.salesTeamId);
    const answers = await checkIns.answers(round);
    const tr = await speakers.channel(round.teamId);
    const skipReasons = new Map(answers.flatMap((a) => (a.skippedReason !== null ? [[a.userId, a.skippedReason] as const] : [])));
    return buildCheckInSummary(tr, { teamName: team?.name ?? '', week: round.week, standing: roundStanding(round, answers), closed: round.closedAt !== null, skipReasons });
  }

  async function roundOf(key: RoundKey): Promise<CheckInRound> {
    const round = await checkIns.round(key);
    if (!round) throw new Error(`No check-in round ${key.salesTeamId} ${key.week} in ${key.teamId}`);
    return round;
  }

  async function renderAnswer(row: OutboxRow): Promise<SlackMessage> {
    const { salesTeamId, week, userId } = answerPayloadSchema.parse(row.payload);
    const key = { teamId: row.teamId, salesTeamId, week };
    const [round, answer, team] = await Promise.all([roundOf(key), checkIns.answer(key, userId), teams.findById(row.teamId, salesTeamId)]);
    if (!answer || !team) throw new Error(`The check-in of ${userId} (${salesTeamId} ${week}) in ${row.teamId} is gone`);
    const flags = answer.answers ? checkInFlags(round.questions, answer.answers) : [];
    return buildCheckInReply(await speakers.channel(row.teamId), { salesTeamId, week, questions: round.questions, answer, flags });
  }

  const summaryMessages = (outbox: CheckInOutbox, key: RoundKey) => outbox.messagesOf(checkInRunKeys.summary(key.teamId, key.salesTeamId, key.week));

  async function queueAnswers(outbox: CheckInOutbox, answers: readonly CheckInAnswer[], claimedBy: string): Promise<QueuedAnswers> {
    const done = await outbox.claimed(answers.map(answerRunKey));
    const runs: { answer: CheckInAnswer; run: RunClaim; messages: OutboxDraft[] }[] = [];
    const now = clock.now();
    for (const answer of answers.filter((a) => !done.has(answerRunKey(a)))) {
      const summaries = await summaryMessages(outbox, answer);
      if (summaries.length === 0) continue;
      const { teamId, salesTeamId, week, userId } = answer;
      // A reply draws the rep's answer as it is when sent: one still waiting would post this same answer twice.
      await outbox.supersede(answersOfRep(answer), 'a later answer of the rep replaces it');
      const messages = summaries.map((s) => ({
        teamId, channel: s.channel, kind: checkInAnswerKind, payload: { salesTeamId, week, userId }, notBefore: now, expiresAt: null, placement: { threadUnder: s.id },
      }));
      runs.push({ answer, run: { key: answerRunKey(answer), job: 'checkins', teamId, subject: userId, period: week }, messages });
    }
    const claimed = await outbox.claim(runs, claimedBy, now);
    const queued = runs.filter((r) => claimed.has(r.run.key));
    const ids = await Promise.all(queued.map(async (r) => (await outbox.messagesOf(r.run.key)).map((m) => m.id)));
    return { answers: queued.map((r) => r.answer), ids: ids.flat() };
  }

  async function queueRedraw(outbox: CheckInOutbox, round: CheckInRound): Promise<string[]> {
    const queued: string[] = [];
    const now = clock.now();
    const payload = { salesTeamId: round.salesTeamId, week: round.week };
    for (const s of await summaryMessages(outbox, round)) {
      const id = await outbox.queueUpdate({ teamId: round.teamId, channel: s.channel, kind: checkInRedrawKind, payload, notBefore: now, expiresAt: null, placement: { updates: s.id } });
      if (id) queued.push(id);
    }
    // A summary not queued yet draws what the round holds when it is sent: shown as well.
    await checkIns.summaryShown(round, round.summaryVersion);
    return queued;
  }

  async function render(row: OutboxRow): Promise<SlackMessage> {
    if (row.kind === checkInAnswerKind) return renderAnswer(row);
    const { salesTeamId, week } = roundPayloadSchema.parse(row.payload);
    return summary(await roundOf({ teamId: row.teamId, salesTeamId, week }));
  }

  return {
    render,
    queueAnswers,
    queueRedraw,
    async shareAnswer(outbox, client, answer) {
      // An answer from the evening before has no round yet: the summary, once sent, shows it.
      const round = await checkIns.round(answer);
      const ids = [...(await queueAnswers(outbox, [answer], 'answer-form')).ids, ...(round ? await queueRedraw(outbox, round) : [])];
      // Bolt's client carries the request's token; were it missing, the scheduler sends them within a minute.
      if (ids.length === 0 || !client.token) return;
      // The outbox's own kind of client (no retries, 429 not waited out): a refusal is the scheduler's to retry.
      const clients = createWorkspaceClients({ botToken: client.token, apiUrl: client.slackApiUrl, logger });
      await createDelivery({ jobs: outbox, clients, clock, logger, render }).deliverRows(ids);
    },
  };
}
