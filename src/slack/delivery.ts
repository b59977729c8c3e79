import { setTimeout as sleep } from 'node:timers/promises';
import { ErrorCode, type WebClient } from '@slack/web-api';
import type { Logger } from '@slack/bolt';
import type { SlackMessage } from '../../blocks/text.js';
import { z } from 'zod';
import type { Clock } from '../clock.js';
import { dndEndsAt, type DndStatus } from '../domain/do-not-disturb.js';
import type { JobStore, OutboxRow } from '../store/job-store.js';
import type { WorkspaceClients } from './workspace-clients.js';

/** Slack errors that the same message will meet again however often it is retried. */
const permanentErrors = new Set([
  'channel_not_found', 'user_not_found', 'account_inactive', 'not_in_channel', 'is_archived', 'invalid_auth',
  'token_revoked', 'not_authed', 'missing_scope', 'user_disabled', 'cannot_dm_bot', 'invalid_blocks',
  'msg_too_long', 'msg_blocks_too_long', 'no_text', 'restricted_action', 'team_access_not_granted',
  // chat.update of a message that is gone or no longer Pacer's to edit (https://docs.slack.dev/reference/methods/chat.update#errors).
  'message_not_found', 'cant_update_message', 'edit_window_closed',
]);

/** Kinds of message that wait for the person's Do Not Disturb to end. */
const waitsForDnd = new Set(['nudge']);

const maxAttempts = 10;
/** Slack allows about one message a second into one channel (https://docs.slack.dev/apis/web-api/rate-limits). */
const channelPaceMs = 1_000;
const leaseMs = 60_000;
/** Messages in flight at once unless told otherwise (to different channels). */
export const defaultDeliveryConcurrency = 16;
/** A reply or update whose message is not sent yet looks again this much later (or when that message is due). */
const targetWaitMs = 5_000;

/** A file a row shares into its channel (files.uploadV2), such as the weekly board's chart. */
export interface SlackFile {
  file: Buffer;
  filename: string;
  title: string;
  altText: string;
}

export interface DeliveryReport {
  sent: number;
  retried: number;
  failed: number;
  dropped: number;
  deferred: number;
  /** What each row came to, for `npm run job`'s printout. */
  lines: string[];
}

export interface Delivery {
  /** Sends every message due now, concurrently across channels and in order within one; until none is due. */
  deliverDue(asOf?: Clock): Promise<DeliveryReport>;
  /**
   * Sends these rows now if they are due and nobody holds them (what a person waits on, such as the
   * answer they just gave); what fails stays in the outbox for the scheduler to retry.
   */
  deliverRows(ids: readonly string[]): Promise<DeliveryReport>;
}

const slackErrorSchema = z.object({
  code: z.string(),
  retryAfter: z.number().optional(),
  statusCode: z.number().optional(),
  data: z.object({ error: z.string() }).partial().optional(),
});

type ClientFor = (teamId: string) => Promise<WebClient | null>;

/** Where a placed row goes: its target's channel and ts, or wait, or never (the target will not be sent). */
type Placed = { channel: string; ts: string } | { waitUntil: Date } | { never: string };

/** What to do after a failed call: when to try again, or why never. */
export type FailureVerdict = { retryAt: Date; reason: string } | { never: string };

/** 429 waits its Retry-After; 5xx, network errors and Slack's transient errors back off; the rest is final. */
function judgeFailure(error: unknown, attempts: number, now: Date): FailureVerdict {
  const parsed = slackErrorSchema.safeParse(error);
  const backoffMs = Math.min(10 * 60_000, 2_000 * 2 ** Math.max(0, attempts - 1)) * (0.75 + Math.random() * 0.5);
  const later = (reason: string, ms = backoffMs): FailureVerdict =>
    attempts >= maxAttempts ? { never: `${reason} (gave up after ${attempts} attempts)` } : { retryAt: new Date(now.getTime() + ms), reason };
  if (!parsed.success) return later(error instanceof Error ? error.message : String(error));
  const { code, retryAfter, statusCode, data } = parsed.data;
  if (code === ErrorCode.RateLimitedError) return later('ratelimited', Math.max(1, retryAfter ?? 1) * 1000);
  if (code === ErrorCode.HTTPError) return later(`HTTP ${statusCode ?? '?'}`);
  if (code === ErrorCode.RequestError) return later('network error');
  const slackError = data?.error ?? code;
  if (permanentErrors.has(slackError)) return { never: slackError };
  return later(slackError);
}

/**
 * The one way out to Slack for work nobody is waiting on: outbox rows leased from the database,
 * sent through each workspace's client, and settled (sent, retried later, failed, dropped).
 */
export function createDelivery(deps: {
  jobs: JobStore;
  clients: WorkspaceClients;
  clock: Clock;
  logger: Logger;
  /** Draws a row's message (or file, such as a board's chart) from its payload when it is sent. */
  render: (row: OutboxRow) => Promise<SlackMessage | SlackFile>;
  /** Messages in flight at once (to different channels). */
  concurrency?: number;
}): Delivery {
  const { jobs, clients, logger, render } = deps;
  let clock = deps.clock;
  const concurrency = deps.concurrency ?? defaultDeliveryConcurrency;

  /**
   * Who of these recipients is in Do Not Disturb now, and until when: dnd.teamInfo answers for 50
   * people a call (dnd.info would be one call per DM, against a tighter rate limit). Slack reports
   * scheduled quiet hours of other people, not their snoozes.
   */
  async function quietUntil(rows: readonly OutboxRow[], now: Date, clientFor: ClientFor): Promise<Map<string, Date>> {
    const quiet = new Map<string, Date>();
    const byWorkspace = new Map<string, Set<string>>();
    for (const row of rows) if (waitsForDnd.has(row.kind)) byWorkspace.set(row.teamId, (byWorkspace.get(row.teamId) ?? new Set()).add(row.channel));
    const lookups = [...byWorkspace].flatMap(([teamId, people]) => {
      const ids = [...people];
      return Array.from({ length: Math.ceil(ids.length / 50) }, (_, i) => ({ teamId, users: ids.slice(i * 50, i * 50 + 50) }));
    });
    // Side by side: each is a round trip, and a batch of nudges waits for all of them.
    await Promise.all(
      lookups.map(async ({ teamId, users }) => {
        const client = await clientFor(teamId);
        if (!client) return;
        try {
          const answer = await client.dnd.teamInfo({ users: users.join(',') });
          for (const [userId, status] of Object.entries(answer.users ?? {})) {
            const until = dndEndsAt(status as DndStatus, now);
            if (until) quiet.set(`${teamId}:${userId}`, until);
          }
        } catch (error) {
          // Without dnd:read (an install from before it was asked for) nudges still go out.
          logger.warn(`dnd.teamInfo failed in ${teamId}; sending without Do Not Disturb`, error instanceof Error ? error.message : error);
        }
      }),
    );
    return quiet;
  }

  /** A reply goes under its parent's sent message, an update over it; neither goes anywhere else. */
  async function placedAt(placement: NonNullable<OutboxRow['placement']>, now: Date): Promise<Placed> {
    const target = await jobs.target('threadUnder' in placement ? placement.threadUnder : placement.updates);
    if (target?.status === 'sent' && target.sentChannel && target.sentTs) return { channel: target.sentChannel, ts: target.sentTs };
    if (target?.status === 'pending' || target?.status === 'sending') {
      return { waitUntil: new Date(Math.max(now.getTime() + targetWaitMs, target.notBefore.getTime())) };
    }
    return { never: `the message it goes with was never sent (${target?.status ?? 'gone'})` };
  }

  /** Sends one row and settles it; returns when it will be tried again if Slack refused it for now. */
  async function send(row: OutboxRow, report: DeliveryReport, quiet: ReadonlyMap<string, Date>, clientFor: ClientFor): Promise<Date | null> {
    const client = await clientFor(row.teamId);
    if (!client) {
      await jobs.settle(row.id, 'failed', 'no token for this workspace');
      report.failed += 1;
      report.lines.push(`failed ${row.kind} to ${row.channel}: no token for workspace ${row.teamId}`);
      return null;
    }
    try {
      const quietUntil = quiet.get(`${row.teamId}:${row.channel}`);
      if (quietUntil) {
        if (row.expiresAt && quietUntil >= row.expiresAt) {
          await jobs.settle(row.id, 'dropped', 'Do Not Disturb lasts past the end of the day');
          report.dropped += 1;
          report.lines.push(`dropped ${row.kind} to ${row.channel}: Do Not Disturb until after the day ends`);
        } else {
          await jobs.retryLater(row.id, quietUntil, 'waiting for Do Not Disturb to end');
          report.deferred += 1;
          report.lines.push(`waiting ${row.kind} to ${row.channel}: Do Not Disturb until ${quietUntil.toISOString()}`);
        }
        return null;
      }
      const placed = row.placement ? await placedAt(row.placement, clock.now()) : null;
      if (placed && 'waitUntil' in placed) {
        await jobs.postpone(row.id, placed.waitUntil, 'waiting for the message it goes with to be sent');
        report.deferred += 1;
        report.lines.push(`waiting ${row.kind} to ${row.channel}: the message it goes with is not sent yet`);
        return null;
      }
      if (placed && 'never' in placed) {
        await jobs.settle(row.id, 'failed', placed.never);
        report.failed += 1;
        report.lines.push(`failed ${row.kind} to ${row.channel}: ${placed.never}`);
        return null;
      }
      const drawn = await render(row);
      if ('file' in drawn) {
        await client.files.uploadV2({ channel_id: row.channel, file: drawn.file, filename: drawn.filename, title: drawn.title, alt_text: drawn.altText });
        await jobs.markSent(row.id, { ts: null, channel: row.channel, message: { text: drawn.title, blocks: [] } }, clock.now());
      } else if (placed && row.placement && 'updates' in row.placement) {
        // An update never posts: chat.update of a message that is gone fails, and that is final.
        await client.chat.update({ channel: placed.channel, ts: placed.ts, text: drawn.text, blocks: drawn.blocks });
        await jobs.markSent(row.id, { ...placed, message: drawn }, clock.now());
        await jobs.rememberUpdate(row.teamId, placed.channel, placed.ts, drawn);
      } else {
        const thread = placed ? { channel: placed.channel, thread_ts: placed.ts } : { channel: row.channel };
        const answer = await client.chat.postMessage({ ...thread, text: drawn.text, blocks: drawn.blocks });
        await jobs.markSent(row.id, { ts: answer.ts ?? null, channel: answer.channel ?? null, message: drawn }, clock.now());
      }
      report.sent += 1;
      report.lines.push(`sent ${row.kind} to ${row.channel}`);
    } catch (error) {
      const verdict = judgeFailure(error, row.attempts, clock.now());
      if ('never' in verdict) {
        await jobs.settle(row.id, 'failed', verdict.never);
        report.failed += 1;
        report.lines.push(`failed ${row.kind} to ${row.channel}: ${verdict.never}`);
        logger.warn(`Gave up sending ${row.kind} to ${row.channel} in ${row.teamId}: ${verdict.never}`);
      } else {
        await jobs.retryLater(row.id, verdict.retryAt, verdict.reason);
        report.retried += 1;
        report.lines.push(`retrying ${row.kind} to ${row.channel} at ${verdict.retryAt.toISOString()}: ${verdict.reason}`);
        return verdict.retryAt;
      }
    }
    return null;
  }

  /** A workspace's token is looked up once a run (under OAuth it is a database read). */
  function clientCache(): ClientFor {
    const known = new Map<string, Promise<WebClient | null>>();
    return (teamId) => {
      let client = known.get(teamId);
      if (!client) known.set(teamId, (client = clients.clientFor(teamId)));
      return client;
    };
  }

  /**
   * Hands rows to the pool by channel: rows of one channel go one after another, in order and paced;
   * channels go side by side. Returns once every channel has a slot, not once they are sent, so the
   * next batch is leased while this one is still going out.
   */
  async function dispatch(rows: OutboxRow[], report: DeliveryReport, pool: SendPool, clientFor: ClientFor): Promise<void> {
    const quiet = await quietUntil(rows, clock.now(), clientFor);
    const byChannel = new Map<string, OutboxRow[]>();
    for (const row of rows) {
      const key = `${row.teamId}:${row.channel}`;
      const queue = byChannel.get(key);
      if (queue) queue.push(row);
      else byChannel.set(key, [row]);
    }
    for (const [key, queue] of byChannel) {
      await pool.start(key, async (afterEarlier) => {
        let blockedUntil: Date | null = null;
        for (const [i, row] of queue.entries()) {
          // An update adds no message to the channel: it keeps no pace and waits for no post.
          const isUpdate = row.placement !== undefined && 'updates' in row.placement;
          if (blockedUntil && !isUpdate) {
            // Posts keep their order: one after a post Slack refused for now waits with it (a board's chart never before the board).
            await jobs.postpone(row.id, blockedUntil, 'waiting for an earlier message to this channel');
            report.deferred += 1;
            continue;
          }
          if ((i > 0 || afterEarlier) && !isUpdate) await sleep(channelPaceMs);
          const retryAt = await send(row, report, quiet, clientFor);
          if (retryAt && !isUpdate) blockedUntil = retryAt;
        }
      });
    }
  }

  const emptyReport = (): DeliveryReport => ({ sent: 0, retried: 0, failed: 0, dropped: 0, deferred: 0, lines: [] });

  return {
    async deliverDue(asOf) {
      clock = asOf ?? deps.clock;
      const report = emptyReport();
      report.dropped += await jobs.dropExpired(clock.now());
      const pool = createSendPool(concurrency);
      const clientFor = clientCache();
      for (;;) {
        const rows = await jobs.lease(clock.now(), concurrency * 4, leaseMs);
        if (rows.length === 0) break;
        await dispatch(rows, report, pool, clientFor);
      }
      await pool.finished();
      return report;
    },
    async deliverRows(ids) {
      clock = deps.clock;
      const report = emptyReport();
      if (ids.length === 0) return report;
      const pool = createSendPool(concurrency);
      await dispatch(await jobs.lease(clock.now(), ids.length, leaseMs, ids), report, pool, clientCache());
      await pool.finished();
      return report;
    },
  };
}

interface SendPool {
  /**
   * Starts `work` for a channel once fewer than the pool's size are running, after any earlier work
   * for the same channel (`afterEarlier` tells it so, for the channel's pace). Resolves once it started.
   */
  start(channel: string, work: (afterEarlier: boolean) => Promise<void>): Promise<void>;
  /** Resolves when all started work is done; rejects with the first failure, once all have settled. */
  finished(): Promise<void>;
}

function createSendPool(size: number): SendPool {
  const running = new Set<Promise<void>>();
  const lastOf = new Map<string, Promise<void>>();
  const failures: unknown[] = [];
  return {
    async start(channel, work) {
      while (running.size >= size) await Promise.race(running);
      const earlier = lastOf.get(channel);
      // A failure earlier in the channel is reported by its own slot; the rows after it still go.
      const run = (earlier ?? Promise.resolve()).catch(() => undefined).then(() => work(earlier !== undefined));
      lastOf.set(channel, run);
      const slot: Promise<void> = run
        .catch((error: unknown) => void failures.push(error))
        .finally(() => {
          running.delete(slot);
          if (lastOf.get(channel) === run) lastOf.delete(channel);
        });
      running.add(slot);
    },
    async finished() {
      while (running.size > 0) await Promise.race(running);
      if (failures.length > 0) throw failures[0];
    },
  };
}
