import type { SlackMessage } from '../../blocks/text.js';
import { z } from 'zod';
import { Prisma } from './generated/client.js';
import type { Db } from './transaction.js';

/** One run of a scheduled job for one subject and period, as the scheduler claims it. */
export interface RunClaim {
  /** Unique: `job:workspace:subject:period`. */
  key: string;
  job: string;
  teamId: string;
  subject: string;
  period: string;
}

/**
 * What a message is made of: a job's data, drawn when it is sent (so planning thousands of runs
 * stays cheap and the words are those of the moment it goes out), or a ready message.
 */
export type OutboxPayload = Record<string, unknown>;

/**
 * Where a message goes besides its channel: as a threaded reply under another outbox row's sent
 * message, or over that message in place (chat.update). Outbox rows are referred to by id; the
 * placement travels in the row's JSON payload (under `placement`), read back by `lease`.
 */
export type OutboxPlacement = { threadUnder: string } | { updates: string };

/** A message a run sends, queued with the claim. */
export interface OutboxDraft {
  teamId: string;
  /** A user id for a DM, or a channel id. */
  channel: string;
  kind: string;
  payload: OutboxPayload;
  notBefore: Date;
  expiresAt: Date | null;
  placement?: OutboxPlacement;
}

export interface OutboxRow extends OutboxDraft {
  id: string;
  runKey: string | null;
  attempts: number;
}

/** An outbox row as another row placed against it sees it: where it landed once sent. */
export interface OutboxTarget {
  status: string;
  notBefore: Date;
  sentChannel: string | null;
  sentTs: string | null;
}

export interface JobStore {
  /**
   * Claims runs and queues their messages in one transaction. Keys already taken (by another
   * instance, or before a restart) are left alone; returns the keys this call claimed.
   */
  claim(runs: readonly { run: RunClaim; messages: readonly OutboxDraft[] }[], claimedBy: string, at: Date): Promise<Set<string>>;
  /** Which of these keys are claimed already. */
  claimed(keys: readonly string[]): Promise<Set<string>>;
  /**
   * Leases up to `limit` messages due at `now` (pending, or sending whose lease ran out: a
   * sender that died), oldest first. `FOR UPDATE SKIP LOCKED`: two instances never take one row.
   */
  lease(now: Date, limit: number, leaseMs: number, ids?: readonly string[]): Promise<OutboxRow[]>;
  /** The messages a run queued (any status), oldest first. */
  messagesOf(runKey: string): Promise<{ id: string; channel: string }[]>;
  /** The row a reply or an update is placed against, if it still exists. */
  target(id: string): Promise<OutboxTarget | null>;
  /**
   * Queues an update of the row `draft.placement.updates` names, unless it would be redundant or
   * pointless: that row is not drawn yet (pending), will never be sent (failed, dropped), or an update
   * of it is pending already (it draws the newest content when sent). Returns the new row's id, or
   * null when nothing was queued.
   */
  queueUpdate(draft: OutboxDraft & { placement: { updates: string } }): Promise<string | null>;
  /** Drops the messages still waiting of runs whose key starts with `runKeyPrefix`, saying why; returns how many. */
  supersede(runKeyPrefix: string, reason: string): Promise<number>;
  /** Drops pending messages whose moment has passed; returns how many. */
  dropExpired(now: Date): Promise<number>;
  /** Keeps the message as sent, so that a click on it can redraw it in place. */
  markSent(id: string, sent: { ts: string | null; channel: string | null; message: SlackMessage }, at: Date): Promise<void>;
  retryLater(id: string, notBefore: Date, error: string): Promise<void>;
  /** Waits without counting the lease as an attempt: nothing was tried (its thread's parent is not sent yet). */
  postpone(id: string, notBefore: Date, reason: string): Promise<void>;
  settle(id: string, status: 'failed' | 'dropped', reason: string): Promise<void>;
  /** When the next pending message falls due, if any. */
  nextDue(): Promise<Date | null>;
  /** The message as last sent or updated at that channel and ts, if the outbox sent it. */
  sentMessage(teamId: string, channel: string, ts: string): Promise<SlackMessage | null>;
  /** Keeps the outbox's copy in step after the message was updated in place (a clicked nudge). */
  rememberUpdate(teamId: string, channel: string, ts: string, message: SlackMessage): Promise<void>;
  /** Forgets runs (and their messages) claimed before `before`, and settled updates queued before it: keys of past periods are never claimed again. */
  forgetRunsBefore(before: Date): Promise<number>;
}

const messageShape = (payload: Prisma.JsonValue): SlackMessage => {
  const value = payload as { text?: unknown; blocks?: unknown };
  return { text: typeof value.text === 'string' ? value.text : '', blocks: Array.isArray(value.blocks) ? (value.blocks as SlackMessage['blocks']) : [] };
};

/** Blocks are plain JSON; the round trip drops undefined fields Prisma would refuse. */
const asJson = (message: SlackMessage) => JSON.parse(JSON.stringify({ text: message.text, blocks: message.blocks })) as Prisma.InputJsonValue;

type OutboxRecord = {
  id: string;
  run_key: string | null;
  team_id: string;
  channel: string;
  kind: string;
  payload: Prisma.JsonValue;
  attempts: number;
  not_before: Date;
  expires_at: Date | null;
  created_at: Date;
};

const placementSchema = z.union([z.object({ threadUnder: z.uuid() }), z.object({ updates: z.uuid() })]);

/** The draft's payload with its placement folded in (the outbox has no column for it). */
const payloadOf = (draft: OutboxDraft): OutboxPayload => (draft.placement ? { ...draft.payload, placement: draft.placement } : draft.payload);

const toRow = (r: OutboxRecord): OutboxRow => {
  const payload = (r.payload ?? {}) as OutboxPayload;
  const placement = placementSchema.safeParse(payload.placement);
  return {
    id: r.id,
    runKey: r.run_key,
    teamId: r.team_id,
    channel: r.channel,
    kind: r.kind,
    payload,
    attempts: r.attempts,
    notBefore: r.not_before,
    expiresAt: r.expires_at,
    ...(placement.success ? { placement: placement.data } : {}),
  };
};

export function createJobStore(db: Db): JobStore {
  return {
    async claim(runs, claimedBy, at) {
      if (runs.length === 0) return new Set();
      const claims = runs.map(({ run, messages }) => ({ ...run, team_id: run.teamId, outcome: messages.length > 0 ? 'sent' : 'nothing' }));
      const messages = runs
        .flatMap(({ run, messages }) =>
          messages.map((m) => ({ run_key: run.key, team_id: m.teamId, channel: m.channel, kind: m.kind, payload: payloadOf(m), not_before: m.notBefore, expires_at: m.expiresAt })),
        )
        .map((m, seq) => ({ ...m, seq }));
      // One statement claims the runs and queues the messages of those it claimed: atomic without
      // an interactive transaction's round trips, and the rows travel as two JSON parameters.
      const claimed = await db.$queryRaw<{ key: string }[]>`
        WITH wanted AS (
          SELECT * FROM jsonb_to_recordset(${JSON.stringify(claims)}::jsonb)
            AS r(key text, job text, team_id text, subject text, period text, outcome text)
        ), claimed AS (
          INSERT INTO job_runs (key, job, team_id, subject, period, outcome, claimed_at, claimed_by)
          SELECT key, job, team_id, subject, period, outcome, ${at}, ${claimedBy} FROM wanted
          ON CONFLICT (key) DO NOTHING
          RETURNING key
        ), queued AS (
          INSERT INTO outbox_messages (id, run_key, team_id, channel, kind, payload, not_before, expires_at, created_at)
          -- now() is one instant for the whole statement: a millisecond apart, messages keep the order they were queued in (a board before its chart).
          SELECT gen_random_uuid(), m.run_key, m.team_id, m.channel, m.kind, m.payload, m.not_before, m.expires_at, now() + m.seq * interval '1 millisecond'
          FROM jsonb_to_recordset(${JSON.stringify(messages)}::jsonb)
            AS m(run_key text, team_id text, channel text, kind text, payload jsonb, not_before timestamptz, expires_at timestamptz, seq int)
          JOIN claimed ON claimed.key = m.run_key
          RETURNING 1
        )
        SELECT key FROM claimed`;
      return new Set(claimed.map((row) => row.key));
    },
    async claimed(keys) {
      if (keys.length === 0) return new Set();
      const rows = await db.jobRun.findMany({ where: { key: { in: [...keys] } }, select: { key: true } });
      return new Set(rows.map((r) => r.key));
    },
    async lease(now, limit, leaseMs, ids) {
      const until = new Date(now.getTime() + leaseMs);
      const only = ids ? Prisma.sql`AND id = ANY(${[...ids]}::uuid[])` : Prisma.empty;
      const rows = await db.$queryRaw<OutboxRecord[]>`
        UPDATE outbox_messages SET status = 'sending', lease_until = ${until}, attempts = attempts + 1
        WHERE id IN (
          SELECT id FROM outbox_messages
          WHERE (status = 'pending' OR (status = 'sending' AND lease_until < ${now})) AND not_before <= ${now} ${only}
          ORDER BY not_before, created_at
          LIMIT ${limit}
          FOR UPDATE SKIP LOCKED)
        RETURNING id, run_key, team_id, channel, kind, payload, attempts, not_before, expires_at, created_at`;
      // RETURNING keeps no order: a thread's parent must go before its replies, and a post before its update.
      rows.sort((a, b) => a.not_before.getTime() - b.not_before.getTime() || a.created_at.getTime() - b.created_at.getTime());
      return rows.map(toRow);
    },
    async messagesOf(runKey) {
      return db.outboxMessage.findMany({ where: { runKey }, select: { id: true, channel: true }, orderBy: { createdAt: 'asc' } });
    },
    async target(id) {
      return db.outboxMessage.findUnique({ where: { id }, select: { status: true, notBefore: true, sentChannel: true, sentTs: true } });
    },
    async queueUpdate(draft) {
      const target = draft.placement.updates;
      const rows = await db.$queryRaw<{ id: string }[]>`
        INSERT INTO outbox_messages (id, team_id, channel, kind, payload, not_before, expires_at)
        SELECT gen_random_uuid(), ${draft.teamId}, ${draft.channel}, ${draft.kind}, ${JSON.stringify(payloadOf(draft))}::jsonb, ${draft.notBefore}::timestamptz, ${draft.expiresAt}::timestamptz
        WHERE EXISTS (SELECT 1 FROM outbox_messages WHERE id = ${target}::uuid AND status IN ('sending', 'sent'))
          AND NOT EXISTS (SELECT 1 FROM outbox_messages WHERE status = 'pending' AND payload->'placement'->>'updates' = ${target})
        RETURNING id`;
      return rows[0]?.id ?? null;
    },
    async supersede(runKeyPrefix, reason) {
      const { count } = await db.outboxMessage.updateMany({ where: { runKey: { startsWith: runKeyPrefix }, status: 'pending' }, data: { status: 'dropped', lastError: reason } });
      return count;
    },
    async dropExpired(now) {
      const { count } = await db.outboxMessage.updateMany({
        where: { status: { in: ['pending', 'sending'] }, expiresAt: { lt: now }, OR: [{ status: 'pending' }, { leaseUntil: { lt: now } }] },
        data: { status: 'dropped', lastError: 'expired: its moment passed before it could be sent' },
      });
      return count;
    },
    async markSent(id, sent, at) {
      await db.outboxMessage.update({
        where: { id },
        data: { status: 'sent', sentTs: sent.ts, sentChannel: sent.channel, sentAt: at, leaseUntil: null, payload: asJson(sent.message) },
      });
    },
    async retryLater(id, notBefore, error) {
      await db.outboxMessage.update({ where: { id }, data: { status: 'pending', notBefore, lastError: error, leaseUntil: null } });
    },
    async postpone(id, notBefore, reason) {
      await db.outboxMessage.update({ where: { id }, data: { status: 'pending', notBefore, lastError: reason, leaseUntil: null, attempts: { decrement: 1 } } });
    },
    async settle(id, status, reason) {
      await db.outboxMessage.update({ where: { id }, data: { status, lastError: reason, leaseUntil: null } });
    },
    async nextDue() {
      const row = await db.outboxMessage.findFirst({ where: { status: 'pending' }, orderBy: { notBefore: 'asc' }, select: { notBefore: true } });
      return row?.notBefore ?? null;
    },
    async sentMessage(teamId, channel, ts) {
      const row = await db.outboxMessage.findFirst({ where: { teamId, sentChannel: channel, sentTs: ts }, select: { payload: true } });
      return row && messageShape(row.payload);
    },
    async rememberUpdate(teamId, channel, ts, message) {
      await db.outboxMessage.updateMany({ where: { teamId, sentChannel: channel, sentTs: ts }, data: { payload: asJson(message) } });
    },
    async forgetRunsBefore(before) {
      const { count } = await db.jobRun.deleteMany({ where: { claimedAt: { lt: before }, messages: { none: { status: { in: ['pending', 'sending'] } } } } });
      // Updates in place belong to no run: settled ones go with the runs of their time.
      await db.outboxMessage.deleteMany({ where: { runKey: null, notBefore: { lt: before }, status: { notIn: ['pending', 'sending'] } } });
      return count;
    },
  };
}
