/**
 * The scheduler's two targets (issue: the daily nudge), measured; run with `npx tsx test/bench/nudges.ts`.
 *  1. Planning the nudges of 10,000 reps with 100,000 leads on PostgreSQL takes under 2 s.
 *     A fresh database on the local server (dropped at the end), seeded with a few
 *     INSERT … SELECT generate_series statements; the nudge job built with createNudgeJob over
 *     timed stores, so the figure comes with where its time went.
 *  2. 1,000 nudge DMs to a Slack that answers in 50 ms go out in under 10 s, while `/log`
 *     acknowledgements stay under 100 ms p99. The app (createPacerApp on in-memory PGlite) runs
 *     in this thread at nice 10 behind the Slack edge in a thread of its own (edge-thread.ts),
 *     as `npm start` runs them; the stand-in Slack, its 50 ms proxy and the `/log` driver run in a worker
 *     thread (slow-slack.ts), so they do not share the app's event loop.
 *  3. In the same app, the weekly board of one team holding those 1,000 reps (last week's
 *     activities seeded in SQL) is computed and posted with its chart, while `/log`
 *     acknowledgements stay under 100 ms p99. Only the board job runs (scheduler.runJob), so the
 *     nudges are not sent again.
 * A benchmark, not a test: it prints every figure next to its target and exits 0 either way.
 * Environment: PACER_BENCH_POSTGRES_URL (default postgresql://postgres@127.0.0.1:5432/postgres),
 * BENCH_REPS / BENCH_FANOUT (sizes), BENCH_EXPLAIN=1 (print the nudge query's plan even when on target),
 * BENCH_PARTS=plan or fanout (one part only; the board runs within fanout).
 */
import type { Server } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { createPacerApp } from '../../src/app.js';
import { spawnModuleWorker } from '../../src/threads/module-worker.js';
import { lowerThisThreadPriority, pacerThreadNice } from '../../src/threads/thread-priority.js';
import { clockFrom, systemClock } from '../../src/clock.js';
import { dueNudgeSlot } from '../../src/domain/nudge-schedule.js';
import { boardChartBars } from '../../blocks/board.js';
import { createJobScheduler } from '../../src/jobs/index.js';
import { boardChartKind, boardJobName, boardPostKind, renderBoardChartFile, renderBoardPost } from '../../src/jobs/weekly-board.js';
import { createNudgeJob, nudgeJobName } from '../../src/jobs/nudges.js';
import type { Scheduler } from '../../src/jobs/scheduler.js';
import type { JobReport } from '../../src/jobs/scheduled-job.js';
import { defaultDeliveryConcurrency } from '../../src/slack/delivery.js';
import { createWorkspaceClients } from '../../src/slack/workspace-clients.js';
import { standInIdentity } from '../../src/stand-in/slack-web-api.js';
import { openDatabase } from '../../src/store/database.js';
import { Prisma, type PrismaClient } from '../../src/store/generated/client.js';
import { createJobStore } from '../../src/store/job-store.js';
import { createLeadStore } from '../../src/store/lead-store.js';
import { createMemberStore } from '../../src/store/member-store.js';
import { createSalesTeamStore } from '../../src/store/sales-team-store.js';
import { onScratchPostgres, postgresUnreachable } from './bench-database.js';
import { epochMs, startSlowSlack, type LogResult } from './slow-slack.js';
import { printTable, type BenchRow } from './bench-report.js';

const planReps = Number(process.env.BENCH_REPS ?? 10_000);
const fanOutReps = Number(process.env.BENCH_FANOUT ?? 1_000);
const leadsPerRep = 10;
const teamId = standInIdentity.teamId;
/** A Wednesday at noon UTC: every rep below (UTC−3 … UTC+3) is between their 09:00 and the 20:00 catch-up end. */
const benchNow = new Date('2026-12-02T12:00:00Z');
const today = '2026-12-02';
const zones = [
  'America/Sao_Paulo', 'America/Noronha', 'Atlantic/Cape_Verde', 'UTC', 'Europe/London',
  'Europe/Warsaw', 'Africa/Lagos', 'Europe/Athens', 'Africa/Johannesburg', 'Africa/Nairobi',
];
const planTargetMs = 2_000;
const fanOutTargetMs = 10_000;
const ackTargetMs = 100;
const slackLatencyMs = 50;
const logRate = 20;
const signingSecret = 'bench-secret';
const boardChannel = 'C0BOARD01';
/** Monday to Friday of the week before `benchNow`: the week the weekly board ranks. */
const lastWeekStart = '2026-11-23';
const only = (process.env.BENCH_PARTS ?? '').split(',').filter((part) => part !== '');

const userId = (i: number) => `U${String(i).padStart(7, '0')}`;

const rows: BenchRow[] = [];
const notes: string[] = [];

// ---------------------------------------------------------------- seeding

/**
 * Members of one workspace spread over `zones`, all nudged at 09:00 on weekdays, and 10 leads
 * each: two missed follow-ups, a won deal due a check-back and one already checked back, two
 * untouched too long (one of them snoozed for a third of the reps), three fresh, one lost.
 * Every `quietEvery`-th rep has only fresh leads (nothing to say). Leads are inserted lead by
 * lead across reps, so one rep's leads lie on different pages, as leads created over months do.
 */
async function seed(db: PrismaClient, options: { reps: number; quietEvery: number; salesTeams: number }): Promise<void> {
  const n = `'${benchNow.toISOString()}'::timestamptz`;
  const d = `'${today}'::date`;
  const zoneArray = `ARRAY[${zones.map((z) => `'${z}'`).join(', ')}]`;
  const quiet = options.quietEvery > 0 ? `i % ${options.quietEvery} = 0` : 'false';
  await db.$executeRawUnsafe(`INSERT INTO workspaces (team_id) VALUES ('${teamId}') ON CONFLICT DO NOTHING`);
  await db.$executeRawUnsafe(`
    INSERT INTO members (team_id, user_id, name, time_zone, locale, refreshed_at, nudge_at, nudge_days, nudges_enabled)
    SELECT '${teamId}', 'U' || lpad(i::text, 7, '0'), 'Rep ' || i, (${zoneArray})[1 + i % ${zones.length}],
      CASE WHEN i % 4 = 0 THEN 'en-GB' ELSE 'en-US' END, ${n}, '09:00', ARRAY[1, 2, 3, 4, 5], true
    FROM generate_series(1, ${options.reps}) AS i`);
  if (options.salesTeams > 0) {
    // Every fifth team has rules of its own, so reps' rules differ.
    await db.$executeRawUnsafe(`
      INSERT INTO sales_teams (id, team_id, name, name_key, channel_id, created_by, lead_rules)
      SELECT gen_random_uuid(), '${teamId}', 'Team ' || lpad(t::text, 4, '0'), 'team ' || lpad(t::text, 4, '0'),
        'C' || lpad(t::text, 8, '0'), 'U0000000',
        CASE WHEN t % 5 = 0 THEN '{"unchasedDays": {"new": 3, "qualified": 10}, "checkBackDays": 10}'::jsonb END
      FROM generate_series(1, ${options.salesTeams}) AS t`);
    await db.$executeRawUnsafe(`
      INSERT INTO sales_team_members (team_id, sales_team_id, user_id, role, added_by)
      SELECT '${teamId}', st.id, 'U' || lpad(i::text, 7, '0'), 'member', 'U0000000'
      FROM generate_series(1, ${options.reps}) AS i
      JOIN sales_teams st ON st.team_id = '${teamId}' AND st.name_key = 'team ' || lpad((1 + (i - 1) % ${options.salesTeams})::text, 4, '0')`);
  }
  await db.$executeRawUnsafe(`
    INSERT INTO leads (id, team_id, owner_id, name, name_key, account, account_key, value, stage, lost_reason, won_amount,
      closed_at, last_touched_at, next_follow_up_on, snoozed_until, checked_back_at, created_by, created_at, updated_at)
    SELECT gen_random_uuid(), '${teamId}', 'U' || lpad(i::text, 7, '0'),
      'Lead ' || i || '-' || k, 'lead ' || i || '-' || k, 'Account ' || i || '-' || k, 'account ' || i || '-' || k,
      1000 + 250 * k, s.stage, CASE WHEN s.stage = 'lost' THEN 'price' END, CASE WHEN s.stage = 'won' THEN 1000 + 250 * k END,
      s.closed_at, s.touched, s.follow_up, s.snoozed, s.checked_back, 'U0000000', s.n - interval '60 days', s.n
    FROM generate_series(0, ${leadsPerRep - 1}) AS k
    CROSS JOIN generate_series(1, ${options.reps}) AS i
    CROSS JOIN LATERAL (
      SELECT c.n,
        (ARRAY['contacted', 'estimate', 'won', 'won', 'qualified', 'new', 'negotiation', 'new', 'lost', 'contacted'])[1 + k % 10] AS stage,
        CASE k % 10 WHEN 2 THEN c.n - CASE WHEN c.q THEN interval '3 days' ELSE interval '20 days' END
          WHEN 3 THEN c.n - interval '40 days' WHEN 8 THEN c.n - interval '10 days' END AS closed_at,
        c.n - CASE k % 10 WHEN 0 THEN interval '1 day' WHEN 1 THEN interval '2 days' WHEN 2 THEN interval '20 days'
          WHEN 3 THEN interval '40 days' WHEN 4 THEN CASE WHEN c.q THEN interval '1 day' ELSE interval '12 days' END
          WHEN 5 THEN CASE WHEN c.q THEN interval '1 hour' ELSE interval '5 days' END
          WHEN 6 THEN interval '1 day' WHEN 7 THEN interval '1 hour' WHEN 8 THEN interval '10 days' ELSE interval '2 days' END AS touched,
        CASE k % 10 WHEN 0 THEN CASE WHEN c.q THEN c.d + 3 ELSE c.d - (1 + i % 5) END
          WHEN 1 THEN CASE WHEN c.q THEN c.d + 5 ELSE c.d - 1 END
          WHEN 6 THEN c.d + 2 WHEN 9 THEN c.d END AS follow_up,
        CASE WHEN k % 10 = 5 AND i % 3 = 0 THEN c.d + 2 END AS snoozed,
        CASE WHEN k % 10 = 3 THEN c.n - interval '20 days' END AS checked_back
      FROM (SELECT ${quiet} AS q, ${n} AS n, ${d} AS d) AS c
    ) AS s`);
}

/**
 * One sales team holding reps 1 … `reps`, its board due on Wednesdays at 11:30 UTC (so due, and
 * within its same-day catch-up, at `benchNow`), and last week's activities of every rep: calls and
 * meetings each weekday in counts that differ by rep (so ranks differ, with some ties), and a won
 * deal for every tenth rep. The rollup tables follow by the activities' triggers.
 */
async function seedBoard(db: PrismaClient, reps: number): Promise<number> {
  await db.$executeRawUnsafe(`
    INSERT INTO sales_teams (id, team_id, name, name_key, channel_id, created_by, time_zone, board_enabled, board_day, board_at)
    VALUES (gen_random_uuid(), '${teamId}', 'Board bench', 'board bench', '${boardChannel}', 'U0000000', 'UTC', true, 3, '11:30')`);
  await db.$executeRawUnsafe(`
    INSERT INTO sales_team_members (team_id, sales_team_id, user_id, role, added_by)
    SELECT '${teamId}', st.id, 'U' || lpad(i::text, 7, '0'), 'member', 'U0000000'
    FROM generate_series(1, ${reps}) AS i
    CROSS JOIN (SELECT id FROM sales_teams WHERE team_id = '${teamId}' AND name_key = 'board bench') AS st`);
  return db.$executeRawUnsafe(`
    INSERT INTO activities (id, team_id, user_id, type_key, count, amount, points, occurred_at)
    SELECT gen_random_uuid(), '${teamId}', 'U' || lpad(i::text, 7, '0'), a.type_key, a.count, a.amount, a.points,
      ('${lastWeekStart}'::date + dd + time '10:00')::timestamp AT TIME ZONE 'UTC' + make_interval(mins => i % 240)
    FROM generate_series(1, ${reps}) AS i
    CROSS JOIN generate_series(0, 4) AS dd
    CROSS JOIN LATERAL (VALUES
      ('call', 1 + (i * 7 + dd) % 20, NULL::numeric, 1 + (i * 7 + dd) % 20),
      ('meeting', 1 + (i + dd) % 3, NULL::numeric, 3 * (1 + (i + dd) % 3)),
      ('deal', 1, (1000 + 10 * i)::numeric, 10)
    ) AS a (type_key, count, amount, points)
    WHERE a.type_key <> 'deal' OR (i % 10 = 0 AND dd = 3)`);
}

// ---------------------------------------------------------------- measuring helpers

type StoreStats = Map<string, { ms: number; calls: number }>;

/** The store with every method timed into `stats` (wall time of the awaited promise). */
function timed<T extends object>(name: string, store: T, stats: StoreStats): T {
  return new Proxy(store, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]): unknown => {
        const started = performance.now();
        const done = () => {
          const entry = stats.get(`${name}.${String(key)}`) ?? { ms: 0, calls: 0 };
          entry.ms += performance.now() - started;
          entry.calls += 1;
          stats.set(`${name}.${String(key)}`, entry);
        };
        const result: unknown = value.apply(target, args);
        if (result instanceof Promise) return result.finally(done);
        done();
        return result;
      };
    },
  });
}

/** The client with each `$queryRaw` statement kept, to EXPLAIN it afterwards. */
function capturingRaw(prisma: PrismaClient, into: Prisma.Sql[]): PrismaClient {
  return new Proxy(prisma, {
    get(target, key) {
      if (key === '$queryRaw') {
        return (strings: TemplateStringsArray, ...values: unknown[]) => {
          into.push(Prisma.sql(strings, ...(values as Prisma.Sql[])));
          return target.$queryRaw(strings, ...values);
        };
      }
      const value: unknown = Reflect.get(target, key);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

const ms = (value: number) => `${value.toFixed(0)} ms`;

/** How long this thread's event loop was held up (what a request arriving meanwhile waits), while `work` runs. */
async function loopDelay<T>(work: () => Promise<T>): Promise<{ result: T; delay: IntervalHistogram }> {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  try {
    return { result: await work(), delay };
  } finally {
    delay.disable();
  }
}
const blocked = (delay: IntervalHistogram) => `event loop held up to ${ms(delay.max / 1e6)} (p99 ${ms(delay.percentile(99) / 1e6)})`;

function withTimeout<T>(work: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took over ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}

function breakdown(stats: StoreStats, totalMs: number): string {
  const entries = [...stats.entries()].sort((a, b) => b[1].ms - a[1].ms);
  const inStores = entries.reduce((sum, [, e]) => sum + e.ms, 0);
  const parts = entries.map(([name, e]) => `${name} ${e.calls}× ${ms(e.ms)}`);
  return `${parts.join(', ')}; outside the stores (JS: slots, grouping, building messages) ~${ms(Math.max(0, totalMs - inStores))}`;
}

// ---------------------------------------------------------------- 1. planning on PostgreSQL

async function planningOnPostgres(): Promise<void> {
  const unreachable = await postgresUnreachable();
  if (unreachable) {
    const label = `Plan ${planReps.toLocaleString('en-US')} reps (PostgreSQL)`;
    rows.push({ figure: label, value: 'skipped', target: `< ${planTargetMs} ms` });
    notes.push(`Planning skipped: ${unreachable}.`);
    return;
  }
  await onScratchPostgres(async (database, name, migrateMs) => {
    const prisma = database.prisma;
    let started = performance.now();
    await seed(prisma, { reps: planReps, quietEvery: 10, salesTeams: Math.max(1, Math.round(planReps / 100)) });
    await prisma.$executeRawUnsafe('ANALYZE');
    const seedMs = performance.now() - started;
    const [{ leads } = { leads: 0n }] = await prisma.$queryRaw<{ leads: bigint }[]>`SELECT count(*) AS leads FROM leads`;
    console.log(`${name}: migrated in ${ms(migrateMs)}, seeded ${planReps} reps and ${leads} leads (+ ANALYZE) in ${ms(seedMs)}`);

    const statements: Prisma.Sql[] = [];
    const stats: StoreStats = new Map();
    const job = createNudgeJob({
      members: timed('members', createMemberStore(prisma), stats),
      leads: timed('leads', createLeadStore(capturingRaw(prisma, statements)), stats),
      teams: timed('teams', createSalesTeamStore(prisma), stats),
      jobs: timed('jobs', createJobStore(prisma), stats),
      instance: 'bench',
    });
    const pass = async (label: string): Promise<{ report: JobReport; elapsed: number; detail: string }> => {
      stats.clear();
      const t = performance.now();
      const cpu = process.cpuUsage();
      const { result: report, delay } = await loopDelay(() => withTimeout(job.plan(benchNow), 300_000, label));
      const elapsed = performance.now() - t;
      const used = process.cpuUsage(cpu);
      const cpuMs = (used.user + used.system) / 1000;
      return { report, elapsed, detail: `${breakdown(stats, elapsed)}; this process used ${ms(cpuMs)} of CPU; ${blocked(delay)}` };
    };

    // First pass in this process: Prisma compiles each query shape on first use (~40 ms each).
    const cold = await pass('first planning pass');
    // Every tick until 20:00 plans again; with every run claimed it only reads members and claims.
    const again = await pass('re-planning pass');
    // The same work with warm query shapes: forget the claims and plan again.
    await prisma.$executeRawUnsafe('DELETE FROM outbox_messages');
    await prisma.$executeRawUnsafe('DELETE FROM job_runs');
    statements.length = 0;
    const warm = await pass('warm planning pass');
    const [payloads] = await prisma.$queryRaw<{ messages: bigint; avg: number; total: bigint }[]>`
      SELECT count(*) AS messages, avg(octet_length(payload::text))::float8 AS avg, sum(octet_length(payload::text)) AS total FROM outbox_messages`;
    if (payloads) {
      notes.push(`Outbox after a pass: ${payloads.messages} messages, ${(payloads.avg / 1024).toFixed(1)} KB of blocks JSON each, ${(Number(payloads.total) / 2 ** 20).toFixed(1)} MB in all.`);
    }

    const recipients = await createMemberStore(prisma).nudgeRecipients();
    let t = performance.now();
    const due = recipients.filter((r) => dueNudgeSlot(r.prefs, r.timeZone, benchNow) !== null).length;
    const slotsMs = performance.now() - t;

    const { report } = warm;
    const repsLabel = `${planReps.toLocaleString('en-US')} reps / ${(planReps * leadsPerRep).toLocaleString('en-US')} leads`;
    rows.push({ figure: `Plan ${repsLabel} (PostgreSQL), first pass`, value: ms(cold.elapsed), target: `< ${planTargetMs} ms`, met: cold.elapsed < planTargetMs });
    rows.push({ figure: `Plan ${repsLabel} (PostgreSQL), warm pass`, value: ms(warm.elapsed), target: `< ${planTargetMs} ms`, met: warm.elapsed < planTargetMs });
    rows.push({ figure: '  nudges queued / nothing to say / already done', value: `${report.queued} / ${report.nothingToSay} / ${report.alreadyDone}`, target: `${planReps - planReps / 10} / ${planReps / 10} / 0`, met: report.queued === planReps - planReps / 10 && report.nothingToSay === planReps / 10 });
    rows.push({ figure: '  re-plan, every run already claimed (each tick to 20:00)', value: ms(again.elapsed), target: '(info)' });
    notes.push(`First pass: ${cold.detail}.`);
    notes.push(`Warm pass: ${warm.detail}.`);
    notes.push(`Re-plan with everything claimed: ${again.detail}; ${again.report.alreadyDone} skipped.`);
    notes.push(`dueNudgeSlot alone for ${recipients.length} recipients: ${ms(slotsMs)} (${due} due).`);

    // The nudge items query for the first batch of reps, as the job sent it.
    const first = statements[0];
    if (first) {
      t = performance.now();
      const plan = await prisma.$queryRaw<{ 'QUERY PLAN': string }[]>(Prisma.sql`EXPLAIN (ANALYZE, BUFFERS) ${first}`);
      const explainMs = performance.now() - t;
      const lines = plan.map((r) => r['QUERY PLAN']);
      const leadsAccess = lines.find((l) => / on leads\b/.test(l))?.trim() ?? 'no access to leads found in the plan';
      const execution = lines.find((l) => l.includes('Execution Time'))?.trim() ?? '';
      notes.push(`Nudge items query, one batch of ${Math.min(500, report.queued + report.nothingToSay)} reps: ${execution} (EXPLAIN ANALYZE round trip ${ms(explainMs)}); leads read by: ${leadsAccess.replace(/^->\s*/, '')}.`);
      if (warm.elapsed >= planTargetMs || process.env.BENCH_EXPLAIN === '1') {
        notes.push(`EXPLAIN (ANALYZE, BUFFERS) of that query:\n${lines.map((l) => `    ${l}`).join('\n')}`);
      }
    }
  });
}

// ---------------------------------------------------------------- 2. fan-out on PGlite

function ackStats(result: LogResult): { p50: number; p99: number; count: number } {
  const sorted = [...result.ackMs].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), count: sorted.length };
}

async function fanOut(): Promise<void> {
  const started = performance.now();
  // As `npm start` runs it: the edge acks in its thread at normal priority; this thread plays
  // Pacer's, at nice 10 like it (set before the database's thread starts, which inherits it).
  const socketPath = join(tmpdir(), `pacer-bench-${process.pid}.sock`);
  const edge = spawnModuleWorker(
    { compiled: new URL('./edge-thread.js', import.meta.url), source: new URL('./edge-thread.ts', import.meta.url) },
    { workerData: { signingSecret, upstream: socketPath } },
  );
  const edgePort = await new Promise<number>((resolve, reject) => {
    edge.once('message', resolve);
    edge.once('error', reject);
  });
  const users = Array.from({ length: fanOutReps }, (_, i) => ({ id: userId(i + 1), name: `rep${i + 1}`, tz: zones[(i + 1) % zones.length] ?? 'UTC' }));
  const slack = await startSlowSlack({ latencyMs: slackLatencyMs, users });
  lowerThisThreadPriority(pacerThreadNice);
  const database = await openDatabase('pglite:memory', { command: 'bench' });
  const cleanups: (() => Promise<void>)[] = [() => database.close(), () => slack.close(), () => edge.terminate().then(() => undefined)];
  try {
    await seed(database.prisma, { reps: fanOutReps, quietEvery: 0, salesTeams: 0 });
    console.log(`PGlite in memory: migrated and seeded ${fanOutReps} reps with ${fanOutReps * leadsPerRep} leads in ${ms(performance.now() - started)}`);
    const { app, scheduler, drain, deps } = createPacerApp({
      slack: {
        botToken: 'xoxb-bench',
        signingSecret,
        apiUrl: slack.apiUrl,
        botId: standInIdentity.botId,
        botUserId: standInIdentity.botUserId,
        logLevel: 'error',
        retryConfig: { retries: 0 },
      },
      prisma: database.prisma,
      clock: clockFrom(systemClock, benchNow),
    });
    // Errors the app logs (failed replies, failed sends) are counted, not printed one by one.
    const appErrors: string[] = [];
    app.logger.error = (...messages: unknown[]) => {
      appErrors.push(messages.map((m) => (m instanceof Error ? m.message : String(m))).join(' ').slice(0, 160));
    };
    await app.init();
    const server = (await app.start({ path: socketPath })) as Server;
    cleanups.unshift(async () => {
      await drain(10_000);
      await app.stop();
    });
    const appUrl = `http://127.0.0.1:${edgePort}/slack/events`;
    // When each request reached the app's HTTP server and when its answer was written: tells
    // time spent before the app read a request from time spent inside it.
    const served: [number, number][] = [];
    server.on('request', (_req, res) => {
      const arrived = epochMs();
      res.once('finish', () => served.push([arrived, epochMs()]));
    });
    const logUsers = users.slice(0, 20).map((u) => u.id);
    const logRun = (max: number, maxMs: number) => slack.logs({ appUrl, signingSecret, userIds: logUsers, rate: logRate, max, maxMs });

    await logRun(20, 10_000); // warm-up: query shapes compiled, types seeded
    await drain(10_000);
    const idle = ackStats(await logRun(100, 15_000));
    await drain(10_000);

    /** One scheduler tick at a moment every rep is due, optionally under a steady stream of /log. */
    const fanOutTick = async (withLogs: boolean, tickOf: Scheduler = scheduler) => {
      // /log at a steady rate for as long as the tick runs (bounded in count and time).
      const during = withLogs ? logRun(4_000, 180_000).then((result) => result, (error: unknown) => error as Error) : undefined;
      if (during) await sleep(250);
      const tickStart = epochMs();
      const started = performance.now();
      const outcome = await withTimeout(tickOf.tick(), 170_000, 'scheduler.tick()');
      const tickMs = performance.now() - started;
      slack.stopLogs();
      const logs = await during;
      if (logs instanceof Error) throw logs;
      await drain(10_000);
      const answered = await slack.answered();
      const calls = (method: string) => (answered[method] ?? []).filter(([arrived]) => arrived >= tickStart);
      const posts = calls('chat.postMessage').map(([, at]) => at).sort((a, b) => a - b);
      const dnd = calls('dnd.info').map(([, at]) => at).sort((a, b) => a - b);
      const firstCall = Math.min(...posts, ...dnd);
      const lastPostMs = posts.length >= fanOutReps ? (posts[fanOutReps - 1] ?? Number.NaN) - tickStart : Number.NaN;
      const perSecond = posts.length > 1 ? (posts.length - 1) / (((posts.at(-1) ?? 0) - (posts[0] ?? 0)) / 1000) : Number.NaN;
      // How many of the delivery's workers were waiting on Slack, on average, while it sent.
      const slackWaits = [...calls('chat.postMessage'), ...calls('dnd.info')];
      const sendingMs = Math.max(...slackWaits.map(([, at]) => at)) - Math.min(...slackWaits.map(([arrived]) => arrived));
      const inFlight = slackWaits.reduce((sum, [arrived, at]) => sum + (at - arrived), 0) / sendingMs;
      const planMs = firstCall - tickStart;
      // Acks by phase: /log sent while the tick planned, and while it delivered.
      const phase = (from: number, to: number) => {
        const acks = (logs?.ackMs ?? []).filter((_, i) => {
          const at = logs?.sentAt[i] ?? 0;
          return at >= from && at < to;
        });
        return ackStats({ ackMs: acks, sentAt: [], failures: 0, timedOut: 0, replies: 0 });
      };
      const acksPlanning = phase(tickStart, tickStart + planMs);
      const inPlanning = served.filter(([arrived]) => arrived >= tickStart && arrived < tickStart + planMs);
      const servedMs = inPlanning.map(([arrived, done]) => done - arrived).sort((a, b) => a - b);
      const arrivals = inPlanning.map(([arrived]) => arrived - tickStart).sort((a, b) => a - b);
      const acksSending = phase(tickStart + planMs, tickStart + tickMs);
      const report = outcome.reports.find((r) => r.job === nudgeJobName);
      return { report, delivery: outcome.delivery, tickMs, posts, dnd, planMs, lastPostMs, perSecond, inFlight, logs, acksPlanning, acksSending, servedMs, arrivals };
    };
    const sentValue = (lastPostMs: number, posts: readonly number[]) => (Number.isNaN(lastPostMs) ? `only ${posts.length} answered` : ms(lastPostMs));

    // The same runs again each time: forget the claims and what was queued.
    const forgetRuns = async () => {
      await database.prisma.$executeRawUnsafe('DELETE FROM outbox_messages');
      await database.prisma.$executeRawUnsafe('DELETE FROM job_runs');
    };
    const quiet = await fanOutTick(false);
    await forgetRuns();
    const errorsBefore = appErrors.length;
    const loaded = await fanOutTick(true);
    // What-if: the same scheduler with more messages in flight (createJobScheduler's `concurrency`).
    await forgetRuns();
    const wideConcurrency = 32;
    const wideScheduler = createJobScheduler({
      prisma: database.prisma,
      deps,
      clients: createWorkspaceClients({ botToken: 'xoxb-bench', apiUrl: slack.apiUrl, logger: app.logger }),
      concurrency: wideConcurrency,
    });
    const wide = await fanOutTick(false, wideScheduler);
    const busy = ackStats(loaded.logs ?? { ackMs: [], sentAt: [], failures: 0, timedOut: 0, replies: 0 });

    const dms = fanOutReps.toLocaleString('en-US');
    rows.push({ figure: `${dms} nudge DMs (50 ms Slack), tick start → last DM answered, /log at ${logRate}/s`, value: sentValue(loaded.lastPostMs, loaded.posts), target: `< ${fanOutTargetMs} ms`, met: loaded.lastPostMs < fanOutTargetMs });
    rows.push({ figure: `/log ack p99 during that fan-out (${busy.count} acks)`, value: ms(busy.p99), target: `< ${ackTargetMs} ms`, met: busy.p99 < ackTargetMs });
    rows.push({ figure: '  /log ack p50 during that fan-out', value: ms(busy.p50), target: '(info)' });
    rows.push({ figure: `  /log ack p50 / p99 with no fan-out (${idle.count} acks)`, value: `${ms(idle.p50)} / ${ms(idle.p99)}`, target: '(info)' });
    rows.push({ figure: '  planning part (tick start → first Slack call answered)', value: ms(loaded.planMs), target: '(info)' });
    rows.push({ figure: '  whole tick (plan, deliver, mark sent)', value: ms(loaded.tickMs), target: '(info)' });
    rows.push({ figure: `  ${dms} DMs with no /log traffic (first tick, cold)`, value: sentValue(quiet.lastPostMs, quiet.posts), target: `< ${fanOutTargetMs} ms`, met: quiet.lastPostMs < fanOutTargetMs });
    rows.push({ figure: `  what-if: concurrency ${wideConcurrency} instead of ${defaultDeliveryConcurrency}, no /log`, value: sentValue(wide.lastPostMs, wide.posts), target: `< ${fanOutTargetMs} ms`, met: wide.lastPostMs < fanOutTargetMs });
    for (const [label, run] of [['without /log', quiet], ['with /log', loaded], [`with concurrency ${wideConcurrency}`, wide]] as const) {
      const { report, delivery } = run;
      const counts = `${report?.queued ?? 0} / ${delivery.sent} / ${delivery.retried} / ${delivery.failed}`;
      const met = report?.queued === fanOutReps && delivery.sent === fanOutReps;
      rows.push({ figure: `  queued / sent / retried / failed, ${label}`, value: counts, target: `${fanOutReps} / ${fanOutReps} / 0 / 0`, met });
      notes.push(
        `Fan-out ${label}: ${run.dnd.length} dnd.info + ${run.posts.length} chat.postMessage answered, ${run.perSecond.toFixed(0)} DMs/s once sending; ` +
          `planning ${ms(run.planMs)}, tick ${ms(run.tickMs)}; Slack calls in flight while sending: ${run.inFlight.toFixed(1)} on average.`,
      );
    }
    const logs = loaded.logs;
    const { acksPlanning: p, acksSending: q } = loaded;
    notes.push(
      `/log acks by phase of the tick: while it planned ${p.count} acks, p50 ${ms(p.p50)}, p99 ${ms(p.p99)}; ` +
        `while it sent ${q.count} acks, p50 ${ms(q.p50)}, p99 ${ms(q.p99)}. ` +
        `Requests that reached the app's server while it planned: ${loaded.arrivals.length}, the first at +${ms(loaded.arrivals[0] ?? Number.NaN)}, ` +
        `answered within p50 ${ms(percentile(loaded.servedMs, 50))} / max ${ms(loaded.servedMs.at(-1) ?? Number.NaN)} of arriving.`,
    );
    notes.push(
      `/log during the fan-out: ${logs?.ackMs.length ?? 0} sent, ${logs?.failures ?? 0} failed, ${logs?.timedOut ?? 0} unanswered after 30 s, ` +
        `${logs?.replies ?? 0} replies posted; the app logged ${appErrors.length - errorsBefore} errors meanwhile` +
        `${appErrors[errorsBefore] ? ` (first: ${appErrors[errorsBefore]})` : ''}.`,
    );

    // The weekly board of one team of every rep. Only the board job runs (runJob, as `npm run job
    // -- board` does), so the nudges, still due at this hour, are neither planned nor sent again.
    await forgetRuns();
    let t = performance.now();
    const activities = await seedBoard(database.prisma, fanOutReps);
    console.log(`Board: seeded a team of ${fanOutReps} reps and ${activities} activities of last week in ${ms(performance.now() - t)}`);
    const boardErrorsBefore = appErrors.length;
    const logsDuringBoard = logRun(4_000, 180_000).then((result) => result, (error: unknown) => error as Error);
    await sleep(250);
    const boardStart = epochMs();
    t = performance.now();
    const cpu = process.cpuUsage();
    const { result: boardOutcome, delay: boardDelay } = await loopDelay(() => withTimeout(scheduler.runJob(boardJobName, deps.clock.now()), 170_000, 'the board job'));
    const boardMs = performance.now() - t;
    const boardCpu = process.cpuUsage(cpu);
    slack.stopLogs();
    const boardLogs = await logsDuringBoard;
    if (boardLogs instanceof Error) throw boardLogs;
    await drain(10_000);
    const boardCalls = await slack.answered();
    const since = (method: string) => (boardCalls[method] ?? []).filter(([arrived]) => arrived >= boardStart);
    const [post] = since('chat.postMessage');
    const uploadUrls = since('files.getUploadURLExternal');
    const [completed] = since('files.completeUploadExternal');
    const boardSlack = [...since('chat.postMessage'), ...uploadUrls, ...since('files.completeUploadExternal')];
    const firstBoardCall = Math.min(...boardSlack.map(([arrived]) => arrived)) - boardStart;
    const lastBoardAnswer = post && completed ? Math.max(post[1], completed[1]) - boardStart : Number.NaN;
    // What reached Slack, read back from the outbox: which rows went out, and to which channel.
    const outbox = await database.prisma.$queryRaw<{ kind: string; status: string; sent_channel: string | null }[]>`
      SELECT kind, status, sent_channel FROM outbox_messages WHERE kind IN (${boardPostKind}, ${boardChartKind}) ORDER BY not_before`;
    // The board computed again (warm, claims aside), then its post and chart drawn from it (a sent
    // row keeps the message as sent, not its payload): where the computing part's time goes.
    const boardTeam = await createSalesTeamStore(database.prisma).findByName(teamId, 'Board bench');
    const channelVoice = await deps.speakers.channel(teamId);
    t = performance.now();
    const recomputed = boardTeam
      ? await loopDelay(async () => deps.leaderboard.lastWeek(teamId, boardTeam, deps.clock.now(), await deps.activityTypes.forWorkspace(teamId)))
      : undefined;
    const recomputeMs = performance.now() - t;
    t = performance.now();
    const drawnPost = recomputed ? renderBoardPost({ board: recomputed.result.board, badges: recomputed.result.badges }, channelVoice) : undefined;
    const drawPostMs = performance.now() - t;
    t = performance.now();
    const chartPayload = recomputed && { team: 'Board bench', metric: channelVoice.t('board.chartValuePoints'), bars: boardChartBars(channelVoice, recomputed.result.board) };
    const redrawn = chartPayload ? await loopDelay(() => renderBoardChartFile(chartPayload, channelVoice)) : undefined;
    const redrawMs = performance.now() - t;
    const sentTo = (kind: string) => outbox.filter((row) => row.kind === kind && row.status === 'sent' && row.sent_channel === boardChannel).length;
    const boardAcks = ackStats(boardLogs);
    // Acks by what the job was doing when the /log was sent: computing, drawing the chart (between
    // the post's answer and the upload URL asked for), the rest.
    const drawFrom = post?.[1] ?? Number.NaN;
    const drawTo = uploadUrls[0]?.[0] ?? Number.NaN;
    const acksWhile = (from: number, to: number) => {
      const chosen = boardLogs.ackMs.filter((_, i) => (boardLogs.sentAt[i] ?? 0) >= from && (boardLogs.sentAt[i] ?? 0) < to);
      const { p50, p99, count } = ackStats({ ackMs: chosen, sentAt: [], failures: 0, timedOut: 0, replies: 0 });
      return `${count} acks, p50 ${ms(p50)}, p99 ${ms(p99)}`;
    };
    const { report: boardReport, delivery: boardDelivery } = boardOutcome;

    const reps = fanOutReps.toLocaleString('en-US');
    rows.push({ figure: `${reps}-rep board computed and posted (board + chart), tick start → post answered`, value: Number.isNaN(lastBoardAnswer) ? 'not answered' : ms(lastBoardAnswer), target: '(info)' });
    rows.push({ figure: `/log ack p99 while the ${reps}-rep board is computed and sent (${boardAcks.count} acks)`, value: ms(boardAcks.p99), target: `< ${ackTargetMs} ms`, met: boardAcks.p99 < ackTargetMs });
    rows.push({ figure: '  /log ack p50 during the board', value: ms(boardAcks.p50), target: '(info)' });
    rows.push({ figure: '  computing part (tick start → first Slack call of the board)', value: ms(firstBoardCall), target: '(info)' });
    rows.push({
      figure: '  board queued / sent / failed; chat.postMessage / upload URL / upload completed',
      value: `${boardReport.queued} / ${boardDelivery.sent} / ${boardDelivery.failed}; ${since('chat.postMessage').length} / ${uploadUrls.length} / ${since('files.completeUploadExternal').length}`,
      target: '1 / 2 / 0; 1 / 1 / 1',
      met: boardReport.queued === 1 && boardDelivery.sent === 2 && boardDelivery.failed === 0 && boardSlack.length === 3 && sentTo(boardPostKind) === 1 && sentTo(boardChartKind) === 1,
    });
    notes.push(
      `Board run: ${ms(boardMs)} in runJob (${boardReport.lines.join('; ') || 'no report lines'}); outbox rows ${outbox.map((r) => `${r.kind} ${r.status} to ${r.sent_channel ?? '-'}`).join(', ')}; ` +
        `post answered at +${ms((post?.[1] ?? Number.NaN) - boardStart)}, upload URL asked for at +${ms((uploadUrls[0]?.[0] ?? Number.NaN) - boardStart)}, ` +
        `chart upload completed at +${ms((completed?.[1] ?? Number.NaN) - boardStart)}; this process used ${ms((boardCpu.user + boardCpu.system) / 1000)} of CPU; ${blocked(boardDelay)}.`,
    );
    if (recomputed && drawnPost) {
      notes.push(
        `Board computed again afterwards (leaderboard.lastWeek, warm): ${ms(recomputeMs)}, ${recomputed.result.board.lines.length} lines, ${recomputed.result.badges.length} badges; ${blocked(recomputed.delay)}. ` +
          `Its post drawn (renderBoardPost): ${ms(drawPostMs)}, ${drawnPost.blocks.length} blocks, ${(JSON.stringify(drawnPost.blocks).length / 1024).toFixed(0)} KB of JSON.`,
      );
    }
    if (redrawn) {
      notes.push(`Board chart drawn again afterwards (vega loaded): ${ms(redrawMs)}, ${(redrawn.result.file.length / 1024).toFixed(0)} KB PNG; ${blocked(redrawn.delay)}.`);
    }
    notes.push(
      `/log acks during the board by phase: computing (to +${ms(firstBoardCall)}) ${acksWhile(boardStart, boardStart + firstBoardCall)}; ` +
        `drawing the chart (+${ms(drawFrom - boardStart)} … +${ms(drawTo - boardStart)}) ${acksWhile(drawFrom, drawTo)}; ` +
        `the rest ${acksWhile(boardStart + firstBoardCall, drawFrom)} before, ${acksWhile(drawTo, Number.POSITIVE_INFINITY)} after.`,
    );
    notes.push(
      `/log during the board: ${boardLogs.ackMs.length} sent, ${since('response_url').length} replies answered by the end of the run, ${boardLogs.failures} failed, ${boardLogs.timedOut} unanswered after 30 s, ${boardLogs.replies} replies posted when the run was collected; ` +
        `the app logged ${appErrors.length - boardErrorsBefore} errors meanwhile${appErrors[boardErrorsBefore] ? ` (first: ${appErrors[boardErrorsBefore]})` : ''}.`,
    );
  } finally {
    for (const cleanup of cleanups) await cleanup().catch((error: unknown) => console.error('cleanup failed:', error));
  }
}

// ---------------------------------------------------------------- report

async function main(): Promise<void> {
  const load = loadavg().map((l) => l.toFixed(1)).join(' ');
  console.log(`Nudge scheduler bench (now = ${benchNow.toISOString()}, reps in UTC−3 … UTC+3); ${cpus().length} CPUs, load average ${load}`);
  const parts = [['plan', 'planning on PostgreSQL', planningOnPostgres], ['fanout', 'fan-out on PGlite', fanOut]] as const;
  for (const [key, label, part] of parts) {
    if (only.length > 0 && !only.includes(key)) continue;
    try {
      await part();
    } catch (error) {
      rows.push({ figure: label, value: 'error', target: '', met: false });
      notes.push(`${label} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }
  printTable(rows, notes);
  console.log(`\nLoad average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' ')} (figures from a busy machine run slow).`);
}

await main();
