/**
 * The weekly board's target (issue 10), measured; run with `npx tsx test/bench/board.ts`.
 * Last week's board of one sales team of 1,000 reps, in a workspace with 1,000,000 activities
 * over a year, on PostgreSQL: under 300 ms, and within 1.3× of the same ranking written by hand
 * as one SQL query, the two measured side by side in one run; the same figures on PGlite (no target).
 *
 * Pacer's board is the real service: createLeaderboard over the real stores, `compute()` with the
 * window the weekly job's `lastWeek()` builds (members' names, the board store's one tallies
 * statement over the per-day rollups that triggers keep, rankBoard and categoryWinners in
 * JavaScript). The hand-written query ranks in SQL from the raw activities, as one would without
 * the rollups: so the bench also checks that the rollups and the triggers' arithmetic give the
 * board that the activities give. Both must give the same ranking and the same figures, or the
 * bench exits 1; missing a target only prints so (exit 0), like the other benches.
 * The activities go in through the triggers, in statements of 50,000, then VACUUM ANALYZE.
 * PostgreSQL: a fresh database on the local server, dropped at the end; PGlite: a temp folder.
 * Environment: PACER_BENCH_POSTGRES_URL (default postgresql://postgres@127.0.0.1:5432/postgres),
 * BENCH_ACTIVITIES (default 1,000,000), BENCH_RUNS (measured runs, default 10),
 * BENCH_EXPLAIN=1 (print both plans even when on target), BENCH_PARTS=postgres or pglite (one only).
 */
import { cpus, loadavg } from 'node:os';
import { DateTime } from 'luxon';
import { systemClock } from '../../src/clock.js';
import type { ActivityType } from '../../src/domain/activity-types.js';
import { improvementWeeks, streakLookBackDays, type RepTally } from '../../src/domain/board.js';
import type { Span } from '../../src/domain/periods.js';
import type { SalesTeam } from '../../src/domain/sales-teams.js';
import { createLeaderboard, type Board, type BoardWindow } from '../../src/services/leaderboard.js';
import { createActivityTypeStore } from '../../src/store/activity-type-store.js';
import { createBadgeStore } from '../../src/store/badge-store.js';
import { createBoardStore } from '../../src/store/board-store.js';
import type { Database } from '../../src/store/database.js';
import { Prisma, type PrismaClient } from '../../src/store/generated/client.js';
import { createGoalStore } from '../../src/store/goal-store.js';
import { createMemberStore } from '../../src/store/member-store.js';
import { createSalesTeamStore } from '../../src/store/sales-team-store.js';
import { onScratchPglite, onScratchPostgres, postgresUnreachable } from './bench-database.js';
import { printTable, type BenchRow } from './bench-report.js';

const activityCount = Number(process.env.BENCH_ACTIVITIES ?? 1_000_000);
const runs = Number(process.env.BENCH_RUNS ?? 10);
const warmUps = 2;
const reps = 1_000;
const workspace = 'T0BENCHBOARD';
const teamZone = 'America/New_York';
/** Reps' own zones: their local days cap their points. */
const zones = ['America/Los_Angeles', 'America/Chicago', 'America/New_York', 'Europe/London', 'Europe/Warsaw'];
/** A Wednesday: last week is Monday 23 to Sunday 29 November 2026 in the team's zone. */
const benchNow = new Date('2026-12-02T12:00:00Z');
/** Activities fall on the working days from this Monday, about a year before `benchNow`, to the day before it. */
const firstMonday = '2025-12-01';
const workingDays = 52 * 5 + 2;
const emailCap = 20;
/** Activities inserted per statement while seeding. */
const chunk = 50_000;
const targetMs = 300;
const targetRatio = 1.3;
const only = (process.env.BENCH_PARTS ?? '').split(',').filter((part) => part !== '');

const rows: BenchRow[] = [];
const notes: string[] = [];
let mismatch = false;

const ms = (value: number) => `${value.toFixed(1)} ms`;
const count = (n: number) => n.toLocaleString('en-US');

// ---------------------------------------------------------------- seeding

/**
 * One workspace: 1,000 members over `zones`, one sales team of them all, the default types (email
 * capped at 20 points a day), `activityCount` activities on working days in each rep's working
 * hours (a few on Saturdays), some reps busier than others, in the order they were logged (one
 * rep's rows lie on many pages); kudos over the year and check-backs with satisfaction.
 * Pseudo-random but repeatable: every draw is a hash of the row number.
 */
async function seed(db: PrismaClient): Promise<string> {
  const steps: string[] = [];
  let last = performance.now();
  const step = (what: string) => {
    steps.push(`${what} ${((performance.now() - last) / 1000).toFixed(1)} s`);
    last = performance.now();
  };
  const ws = `'${workspace}'`;
  const zoneArray = `ARRAY[${zones.map((z) => `'${z}'`).join(', ')}]`;
  const userOf = (i: string) => `'U' || lpad((${i})::text, 7, '0')`;
  // A uniform draw in [0, 1) from row number `g`, one stream per `k`.
  const draw = (g: string, k: number) => `((hashint8extended((${g})::int8, ${k}) & 9007199254740991)::float8 / 9007199254740992)`;

  await db.$executeRawUnsafe(`INSERT INTO workspaces (team_id) VALUES (${ws})`);
  await createActivityTypeStore(db, { clock: systemClock }).forWorkspace(workspace);
  await db.$executeRawUnsafe(`UPDATE activity_types SET daily_points_cap = ${emailCap} WHERE team_id = ${ws} AND key = 'email'`);
  await db.$executeRawUnsafe(`
    INSERT INTO members (team_id, user_id, name, time_zone, locale, refreshed_at)
    SELECT ${ws}, ${userOf('i')}, 'Rep ' || lpad(i::text, 4, '0'), (${zoneArray})[1 + i % ${zones.length}], 'en-US', now()
    FROM generate_series(1, ${reps}) AS i`);
  await db.$executeRawUnsafe(`
    INSERT INTO sales_teams (id, team_id, name, name_key, channel_id, created_by, time_zone)
    VALUES (gen_random_uuid(), ${ws}, 'Field Sales', 'field sales', 'C0BENCH01', 'U0000001', '${teamZone}')`);
  await db.$executeRawUnsafe(`
    INSERT INTO sales_team_members (team_id, sales_team_id, user_id, role, added_by, added_at)
    SELECT ${ws}, st.id, ${userOf('i')}, 'member', 'U0000001', now() - interval '400 days'
    FROM generate_series(1, ${reps}) AS i CROSS JOIN sales_teams st WHERE st.team_id = ${ws}`);
  // A bulk load: the table's indexes are built once afterwards, as pg_restore does, rather than
  // kept up a row at a time (random uuids in the primary key); the same definitions come back.
  const primaryKey = await db.$queryRaw<{ name: string; def: string }[]>`
    SELECT conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = 'activities'::regclass AND contype = 'p'`;
  const indexes = await db.$queryRaw<{ name: string; def: string }[]>`
    SELECT i.relname AS name, pg_get_indexdef(i.oid) AS def FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
    WHERE x.indrelid = 'activities'::regclass AND NOT x.indisprimary`;
  for (const { name } of indexes) await db.$executeRawUnsafe(`DROP INDEX "${name}"`);
  for (const { name } of primaryKey) await db.$executeRawUnsafe(`ALTER TABLE activities DROP CONSTRAINT "${name}"`);
  step('members, team, types');
  // Type mix by draw 2: calls and emails most, deals 4 % (with an amount), losses and referrals rare.
  // Rep by draw 1 to the power 1.4: low-numbered reps log more, as a real floor's top performers do.
  // In statements of `chunk` rows, oldest first: the rollup triggers take each statement's rows as
  // one array, which for a million rows would be held in memory at once.
  for (let from = 0; from < activityCount; from += chunk) {
    await db.$executeRawUnsafe(`
      INSERT INTO activities (id, team_id, user_id, type_key, count, amount, points, occurred_at, created_at)
      SELECT gen_random_uuid(), ${ws}, ${userOf('x.rep')}, x.type_key, x.n, x.amount, t.points * x.n, x.at, x.at
      FROM (
        SELECT c.*, ((c.day + make_interval(secs => 8 * 3600 + ${draw('c.g', 5)} * 10 * 3600)) AT TIME ZONE (${zoneArray})[1 + c.rep % ${zones.length}]) AS at
        FROM (
          SELECT b.*,
            '${firstMonday}'::date + (b.w / 5) * 7 + CASE WHEN ${draw('b.g', 4)} < 0.03 THEN 5 ELSE b.w % 5 END AS day,
            CASE WHEN b.u2 < 0.38 THEN 'call' WHEN b.u2 < 0.62 THEN 'email' WHEN b.u2 < 0.74 THEN 'meeting'
              WHEN b.u2 < 0.80 THEN 'demo' WHEN b.u2 < 0.86 THEN 'estimate' WHEN b.u2 < 0.90 THEN 'proposal'
              WHEN b.u2 < 0.94 THEN 'deal' WHEN b.u2 < 0.97 THEN 'lost' ELSE 'referral' END AS type_key,
            CASE WHEN b.u2 < 0.38 THEN 1 + floor(b.u3 * 12)::int WHEN b.u2 < 0.62 THEN 1 + floor(b.u3 * 25)::int
              WHEN b.u2 < 0.74 THEN CASE WHEN b.u3 < 0.2 THEN 2 ELSE 1 END
              WHEN b.u2 >= 0.80 AND b.u2 < 0.86 THEN 1 + floor(b.u3 * 2)::int ELSE 1 END AS n,
            CASE WHEN b.u2 >= 0.90 AND b.u2 < 0.94 THEN round((500 + b.u3 * 49500)::numeric, 2) END AS amount
          FROM (
            SELECT g, (g::int8 * ${workingDays} / ${activityCount})::int AS w,
              1 + floor(${reps} * power(${draw('g', 1)}, 1.4))::int AS rep, ${draw('g', 2)} AS u2, ${draw('g', 3)} AS u3
            FROM generate_series(${from}, ${Math.min(activityCount, from + chunk) - 1}) AS g
          ) AS b
        ) AS c
      ) AS x
      JOIN activity_types t ON t.team_id = ${ws} AND t.key = x.type_key`);
  }
  step('activities');
  for (const { name, def } of primaryKey) await db.$executeRawUnsafe(`ALTER TABLE activities ADD CONSTRAINT "${name}" ${def}`);
  for (const { def } of indexes) await db.$executeRawUnsafe(def);
  step('their indexes');
  // About 100 kudos a week, each from one rep to another, in working hours (UTC).
  await db.$executeRawUnsafe(`
    INSERT INTO kudos (id, team_id, giver_id, receiver_id, reason, channel_id, given_at, given_on)
    SELECT gen_random_uuid(), ${ws}, ${userOf('k.giver')}, ${userOf('1 + (k.giver + k.skip) % ' + reps)}, 'great call', 'C0BENCH01', k.at, to_char(k.at, 'YYYY-MM-DD')
    FROM (
      SELECT 1 + floor(${reps} * ${draw('g', 11)})::int AS giver, 1 + floor((${reps} - 1) * ${draw('g', 12)})::int AS skip,
        timestamptz '${firstMonday} 09:00Z' + (g * 365 / 5200) * interval '1 day' + ${draw('g', 13)} * interval '9 hours' AS at
      FROM generate_series(0, 5199) AS g
    ) AS k`);
  // Two won leads a rep; one in three checked back over the last eight weeks, with satisfaction 1–5.
  await db.$executeRawUnsafe(`
    INSERT INTO leads (id, team_id, owner_id, name, name_key, account, account_key, value, stage, won_amount, closed_at,
      last_touched_at, checked_back_at, satisfaction, created_by, created_at, updated_at)
    SELECT gen_random_uuid(), ${ws}, ${userOf('i')}, 'Lead ' || i || '-' || k, 'lead ' || i || '-' || k,
      'Account ' || i || '-' || k, 'account ' || i || '-' || k, 5000, 'won', 5000, s.closed, s.closed,
      CASE WHEN s.checked THEN s.closed + interval '14 days' END, CASE WHEN s.checked THEN 1 + floor(5 * ${draw('i * 2 + k', 21)})::int END,
      ${userOf('i')}, s.closed - interval '30 days', s.closed
    FROM generate_series(1, ${reps}) AS i CROSS JOIN generate_series(0, 1) AS k
    CROSS JOIN LATERAL (
      SELECT timestamptz '${benchNow.toISOString()}' - interval '14 days' - ${draw('i * 2 + k', 22)} * interval '56 days' AS closed,
        ${draw('i * 2 + k', 23)} < 0.33 AS checked
    ) AS s`);
  step('kudos, leads');
  // VACUUM as well: the board reads its rollups by index-only scans, which need the visibility
  // map that autovacuum keeps on a live table.
  await db.$executeRawUnsafe('VACUUM ANALYZE');
  step('VACUUM ANALYZE');
  return steps.join(', ');
}

// ---------------------------------------------------------------- the two boards

/** Last week in the team's zone, as the weekly job's `leaderboard.lastWeek()` builds it. */
function lastWeekWindow(team: SalesTeam): BoardWindow {
  const timeZone = team.timeZone ?? 'UTC';
  const thisWeek = DateTime.fromJSDate(benchNow, { zone: timeZone }).startOf('week');
  const span: Span = { start: thisWeek.minus({ weeks: 1 }).toJSDate(), end: thisWeek.toJSDate() };
  return { team, span, timeZone, ranking: team.ranking, goalPeriod: 'week', now: span.end };
}

type StoreStats = Map<string, number>;

/** The store with every method's awaited time added to `stats`. */
function timed<T extends object>(name: string, store: T, stats: StoreStats): T {
  return new Proxy(store, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]): unknown => {
        const started = performance.now();
        const result: unknown = value.apply(target, args);
        const done = () => stats.set(`${name}.${String(key)}`, (stats.get(`${name}.${String(key)}`) ?? 0) + performance.now() - started);
        if (result instanceof Promise) return result.finally(done);
        done();
        return result;
      };
    },
  });
}

/** The client with the last `$queryRaw` statement kept, to EXPLAIN it afterwards. */
function capturingRaw(prisma: PrismaClient, into: { sql?: Prisma.Sql }): PrismaClient {
  return new Proxy(prisma, {
    get(target, key) {
      if (key === '$queryRaw') {
        return (strings: TemplateStringsArray, ...values: unknown[]) => {
          into.sql = Prisma.sql(strings, ...(values as Prisma.Sql[]));
          return target.$queryRaw(strings, ...values);
        };
      }
      const value: unknown = Reflect.get(target, key);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** One rep's line from the hand-written query. */
interface HandLine {
  rank: number;
  userId: string;
  name: string;
  tally: RepTally;
}

type HandRow = {
  rank: bigint | number;
  user_id: string;
  name: string;
  points: bigint | number;
  prior_points: bigint | number;
  revenue: Prisma.Decimal | string | number;
  biggest_deal: Prisma.Decimal | string | number;
  counts: Record<string, number>;
  active_days: string[];
  kudos: bigint | number;
  satisfaction: Prisma.Decimal | string | number | null;
};

/**
 * Last week's ranking written by hand as one statement over the raw activities (not the rollups):
 * the team's reps from sales_team_members, their activity summed per type and local day (split
 * where the window and the four weeks before it start), capped by the type's daily cap, then per
 * rep the week's points, counts, revenue and biggest deal, the four weeks before, the local days
 * with activity since the streak look-back began, kudos and satisfaction, ranked with rank().
 */
function handWrittenBoard(team: SalesTeam, window: BoardWindow): Prisma.Sql {
  const { start, end } = window.span;
  const day = 24 * 60 * 60 * 1000;
  const priorStart = new Date(start.getTime() - improvementWeeks * 7 * day);
  const streakStart = new Date(end.getTime() - (streakLookBackDays + 1) * day);
  return Prisma.sql`
    WITH reps AS (
      SELECT s.user_id, m.name, COALESCE(m.time_zone, ${window.timeZone}) AS tz
      FROM sales_team_members s LEFT JOIN members m ON m.team_id = s.team_id AND m.user_id = s.user_id
      WHERE s.team_id = ${workspace} AND s.sales_team_id = ${team.id}::uuid AND s.role = 'member'
    ), days AS (
      SELECT a.user_id, a.type_key, (a.occurred_at AT TIME ZONE r.tz)::date AS day,
        CASE WHEN a.occurred_at >= ${start} THEN 'week' WHEN a.occurred_at >= ${priorStart} THEN 'prior' ELSE 'streak' END AS part,
        sum(a.count) AS n, sum(a.amount) AS amount, max(a.amount) AS biggest, sum(a.points) AS points
      FROM reps r JOIN activities a ON a.team_id = ${workspace} AND a.user_id = r.user_id
      WHERE a.occurred_at >= ${streakStart} AND a.occurred_at < ${end}
      GROUP BY 1, 2, 3, 4
    ), capped AS (
      SELECT d.*, t.unit = 'money' AS money, LEAST(d.points, COALESCE(t.daily_points_cap, d.points)) AS pts
      FROM days d LEFT JOIN activity_types t ON t.team_id = ${workspace} AND t.key = d.type_key
    ), per_rep AS (
      SELECT user_id,
        sum(pts) FILTER (WHERE part = 'week') AS points,
        sum(pts) FILTER (WHERE part = 'prior') AS prior_points,
        sum(amount) FILTER (WHERE part = 'week' AND money) AS revenue,
        max(biggest) FILTER (WHERE part = 'week' AND money) AS biggest_deal,
        array_agg(DISTINCT to_char(day, 'YYYY-MM-DD')) AS active_days
      FROM capped GROUP BY user_id
    ), per_type AS (
      SELECT user_id, jsonb_object_agg(type_key, n) AS counts, sum(n) AS logged
      FROM (SELECT user_id, type_key, sum(n) AS n FROM days WHERE part = 'week' GROUP BY 1, 2) AS w
      GROUP BY user_id
    ), kudos_in AS (
      SELECT k.receiver_id AS user_id, count(*) AS kudos
      FROM reps r JOIN kudos k ON k.team_id = ${workspace} AND k.receiver_id = r.user_id
      WHERE k.given_at >= ${start} AND k.given_at < ${end}
      GROUP BY 1
    ), happy AS (
      SELECT l.owner_id AS user_id, avg(l.satisfaction) AS satisfaction
      FROM reps r JOIN leads l ON l.team_id = ${workspace} AND l.owner_id = r.user_id
      WHERE l.satisfaction IS NOT NULL AND l.checked_back_at >= ${start} AND l.checked_back_at < ${end}
      GROUP BY 1
    )
    SELECT rank() OVER (ORDER BY COALESCE(p.points, 0) DESC) AS rank, r.user_id, COALESCE(r.name, r.user_id) AS name,
      COALESCE(p.points, 0) AS points, COALESCE(p.prior_points, 0) AS prior_points, COALESCE(p.revenue, 0) AS revenue,
      COALESCE(p.biggest_deal, 0) AS biggest_deal, COALESCE(c.counts, '{}') AS counts,
      COALESCE(p.active_days, '{}') AS active_days, COALESCE(k.kudos, 0) AS kudos, h.satisfaction
    FROM reps r
    LEFT JOIN per_rep p ON p.user_id = r.user_id
    LEFT JOIN per_type c ON c.user_id = r.user_id
    LEFT JOIN kudos_in k ON k.user_id = r.user_id
    LEFT JOIN happy h ON h.user_id = r.user_id
    WHERE COALESCE(c.logged, 0) > 0 OR COALESCE(k.kudos, 0) > 0
    ORDER BY rank, name`;
}

async function runHandWritten(db: PrismaClient, sql: Prisma.Sql): Promise<HandLine[]> {
  const result = await db.$queryRaw<HandRow[]>(sql);
  return result.map((row) => ({
    rank: Number(row.rank),
    userId: row.user_id,
    name: row.name,
    tally: {
      userId: row.user_id,
      points: Number(row.points),
      priorPoints: Number(row.prior_points),
      revenue: Number(row.revenue),
      biggestDeal: Number(row.biggest_deal),
      counts: Object.fromEntries(Object.entries(row.counts).map(([key, n]) => [key, Number(n)])),
      activeDays: row.active_days,
      kudos: Number(row.kudos),
      satisfaction: row.satisfaction === null ? null : Number(row.satisfaction),
    },
  }));
}

// ---------------------------------------------------------------- checking

/**
 * The same ranking: the same top 20 (user, rank, points) in order, the same number of reps ranked,
 * and for every rep the same figures (the hand query's against the store's tallies).
 */
function differences(board: Board, tallies: readonly RepTally[], hand: readonly HandLine[]): string[] {
  const found: string[] = [];
  const top = (list: readonly { userId: string; rank: number; points: number }[]) =>
    list.slice(0, 20).map((l) => `${l.userId}#${l.rank}:${l.points}`).join(' ');
  const pacerTop = top(board.lines);
  const handTop = top(hand.map((h) => ({ userId: h.userId, rank: h.rank, points: h.tally.points })));
  if (pacerTop !== handTop) found.push(`top 20 differ:\n    Pacer ${pacerTop}\n    hand  ${handTop}`);
  if (board.lines.length !== hand.length) found.push(`Pacer ranks ${board.lines.length} reps, the hand-written query ${hand.length}`);
  const byRep = new Map(tallies.map((t) => [t.userId, t]));
  const close = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) < 1e-9);
  for (const { userId, tally: h } of hand) {
    const p = byRep.get(userId);
    const wrong = !p
      ? ['missing']
      : [
          ...(['points', 'priorPoints', 'revenue', 'biggestDeal', 'kudos', 'satisfaction'] as const).filter((key) => !close(p[key], h[key])),
          ...(JSON.stringify(Object.entries(p.counts).sort()) === JSON.stringify(Object.entries(h.counts).sort()) ? [] : ['counts']),
          ...([...p.activeDays].sort().join() === [...h.activeDays].sort().join() ? [] : ['activeDays']),
        ];
    if (wrong.length > 0) found.push(`${userId}: ${wrong.join(', ')} differ (Pacer ${JSON.stringify(p)}, hand ${JSON.stringify(h)})`);
    if (found.length > 6) break;
  }
  return found;
}

// ---------------------------------------------------------------- measuring

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

async function explain(db: PrismaClient, sql: Prisma.Sql): Promise<{ lines: string[]; execution: string }> {
  const plan = await db.$queryRaw<{ 'QUERY PLAN': string }[]>(Prisma.sql`EXPLAIN (ANALYZE, BUFFERS) ${sql}`);
  const lines = plan.map((r) => r['QUERY PLAN']);
  const execution = lines.find((l) => l.includes('Execution Time'))?.replace('Execution Time:', '').trim() ?? '?';
  return { lines, execution };
}

interface Measured {
  pacer: number;
  hand: number;
  tallies: number;
  names: number;
  javascript: number;
  pacerRuns: number[];
  handRuns: number[];
  board: Board;
  handLines: HandLine[];
  storeSql: Prisma.Sql;
}

/** Pacer's board and the hand-written query, alternately: `warmUps` unmeasured rounds, then `runs` measured. */
async function measureSideBySide(prisma: PrismaClient, team: SalesTeam, types: readonly ActivityType[], window: BoardWindow): Promise<Measured> {
  const stats: StoreStats = new Map();
  const captured: { sql?: Prisma.Sql } = {};
  const leaderboard = createLeaderboard({
    boards: timed('boards', createBoardStore(capturingRaw(prisma, captured)), stats),
    badges: createBadgeStore(prisma),
    goals: createGoalStore(prisma),
    members: timed('members', createMemberStore(prisma), stats),
    teams: createSalesTeamStore(prisma),
    clock: systemClock,
  });
  const handSql = handWrittenBoard(team, window);
  const pacerRuns: number[] = [];
  const handRuns: number[] = [];
  const talliesRuns: number[] = [];
  const namesRuns: number[] = [];
  let board: Board | undefined;
  let hand: HandLine[] = [];
  for (let i = 0; i < warmUps + runs; i += 1) {
    // Alternate which goes first, so neither always finds the other's pages freshly cached.
    const order = i % 2 === 0 ? (['pacer', 'hand'] as const) : (['hand', 'pacer'] as const);
    for (const which of order) {
      const started = performance.now();
      if (which === 'pacer') {
        stats.clear();
        board = await leaderboard.compute(workspace, window, types);
        if (i >= warmUps) {
          pacerRuns.push(performance.now() - started);
          talliesRuns.push(stats.get('boards.tallies') ?? Number.NaN);
          namesRuns.push(stats.get('members.names') ?? Number.NaN);
        }
      } else {
        hand = await runHandWritten(prisma, handSql);
        if (i >= warmUps) handRuns.push(performance.now() - started);
      }
    }
  }
  if (!board || !captured.sql) throw new Error('the board was not computed');
  const javascript = pacerRuns.map((total, i) => total - (talliesRuns[i] ?? 0) - (namesRuns[i] ?? 0));
  return {
    pacer: median(pacerRuns),
    hand: median(handRuns),
    tallies: median(talliesRuns),
    names: median(namesRuns),
    javascript: median(javascript),
    pacerRuns,
    handRuns,
    board,
    handLines: hand,
    storeSql: captured.sql,
  };
}

async function measureBoards(label: string, database: Database, seedMs: number, seedSteps: string): Promise<void> {
  const prisma = database.prisma;
  const [{ activities } = { activities: 0n }] = await prisma.$queryRaw<{ activities: bigint }[]>`SELECT count(*) AS activities FROM activities`;
  const [sizes] = await prisma.$queryRaw<{ size: string; days: bigint; typed: bigint; rollups: string }[]>`
    SELECT pg_size_pretty(pg_total_relation_size('activities')) AS size, (SELECT count(*) FROM activity_days) AS days,
      (SELECT count(*) FROM activity_day_types) AS typed,
      pg_size_pretty(pg_total_relation_size('activity_days') + pg_total_relation_size('activity_day_types')) AS rollups`;
  console.log(
    `${label}: seeded ${count(reps)} reps, ${count(Number(activities))} activities (${sizes?.size ?? '?'} with indexes; rollups ` +
      `${count(Number(sizes?.days ?? 0))} days, ${count(Number(sizes?.typed ?? 0))} days × types, ${sizes?.rollups ?? '?'}), ` +
      `+ VACUUM ANALYZE in ${(seedMs / 1000).toFixed(1)} s (${seedSteps})`,
  );
  const { team, types } = await prepared(prisma);
  const window = lastWeekWindow(team);
  const onPostgres = database.kind === 'postgres';
  const db = onPostgres ? 'PostgreSQL' : 'PGlite';

  const m = await measureSideBySide(prisma, team, types, window);
  const tallies = await createBoardStore(prisma).tallies(workspace, team.members, window.span, window.timeZone);
  const found = differences(m.board, tallies, m.handLines);
  const ratio = m.pacer / m.hand;
  rows.push({
    figure: `${db}: Pacer's weekly board, leaderboard.compute() (median of ${runs})`,
    value: ms(m.pacer),
    target: onPostgres ? `< ${targetMs} ms` : '(reported)',
    ...(onPostgres && { met: m.pacer < targetMs }),
  });
  rows.push({ figure: `${db}:   of which the board store's tallies statement`, value: ms(m.tallies), target: '(info)' });
  rows.push({ figure: `${db}:   of which members.names`, value: ms(m.names), target: '(info)' });
  rows.push({ figure: `${db}:   of which JavaScript (rankBoard, categoryWinners, streaks)`, value: ms(m.javascript), target: '(info)' });
  rows.push({ figure: `${db}: the same ranking by hand, one SQL query (median of ${runs})`, value: ms(m.hand), target: '(info)' });
  rows.push({
    figure: `${db}: Pacer / hand-written`,
    value: `${ratio.toFixed(2)}×`,
    target: onPostgres ? `≤ ${targetRatio}×` : '(reported)',
    ...(onPostgres && { met: ratio <= targetRatio }),
  });
  rows.push({ figure: `${db}: same ranking (top 20 ids, ranks, points; every rep's figures)`, value: found.length === 0 ? 'yes' : 'NO', target: 'yes', met: found.length === 0 });
  const spread = (list: readonly number[]) => `${ms(Math.min(...list))} … ${ms(Math.max(...list))}`;
  const { board } = m;
  notes.push(
    `${db}: last week ${board.from} … ${board.to} (${window.timeZone}), ${board.lines.length} reps ranked, leader ${board.lines[0]?.userId ?? '-'} with ${board.lines[0]?.points ?? 0} points, ` +
      `${board.winners.length} category winners. Pacer runs ${spread(m.pacerRuns)}, hand-written ${spread(m.handRuns)}.`,
  );
  if (found.length > 0) {
    mismatch = true;
    notes.push(`${db}: the rankings DIFFER:\n  ${found.join('\n  ')}`);
  }

  const handSql = handWrittenBoard(team, window);
  const storePlan = await explain(prisma, m.storeSql);
  const handPlan = await explain(prisma, handSql);
  notes.push(`${db}: EXPLAIN ANALYZE execution time: board store statement ${storePlan.execution}, hand-written ${handPlan.execution}.`);
  if (process.env.BENCH_EXPLAIN === '1' || (onPostgres && (m.pacer >= targetMs || ratio > targetRatio))) {
    notes.push(`${db}: EXPLAIN (ANALYZE, BUFFERS) of the board store's statement:\n${storePlan.lines.map((l) => `    ${l}`).join('\n')}`);
    notes.push(`${db}: EXPLAIN (ANALYZE, BUFFERS) of the hand-written query:\n${handPlan.lines.map((l) => `    ${l}`).join('\n')}`);
  }
}

/** The seeded team and types, read back as the weekly job reads them. */
async function prepared(db: PrismaClient): Promise<{ team: SalesTeam; types: ActivityType[] }> {
  const team = await createSalesTeamStore(db).findByName(workspace, 'Field Sales');
  if (!team) throw new Error('the seeded sales team was not found');
  const types = await createActivityTypeStore(db, { clock: systemClock }).forWorkspace(workspace);
  return { team, types };
}

// ---------------------------------------------------------------- the two databases

async function onPostgres(): Promise<void> {
  const unreachable = await postgresUnreachable();
  if (unreachable) {
    rows.push({ figure: 'PostgreSQL: weekly board', value: 'skipped', target: `< ${targetMs} ms` });
    notes.push(`PostgreSQL skipped: ${unreachable}.`);
    return;
  }
  await onScratchPostgres(seedAndMeasure);
}

async function seedAndMeasure(database: Database, label: string): Promise<void> {
  const started = performance.now();
  const steps = await seed(database.prisma);
  await measureBoards(label, database, performance.now() - started, steps);
}

async function main(): Promise<void> {
  const load = loadavg().map((l) => l.toFixed(1)).join(' ');
  console.log(`Weekly board bench: ${count(reps)} reps, ${count(activityCount)} activities, now = ${benchNow.toISOString()}; ${cpus().length} CPUs, load average ${load}`);
  const parts = [['postgres', 'PostgreSQL', onPostgres], ['pglite', 'PGlite', () => onScratchPglite(seedAndMeasure)]] as const;
  for (const [key, label, part] of parts) {
    if (only.length > 0 && !only.includes(key)) continue;
    try {
      await part();
    } catch (error) {
      rows.push({ figure: `${label}: weekly board`, value: 'error', target: '', met: false });
      notes.push(`${label} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      mismatch = true;
    }
  }
  printTable(rows, notes);
  console.log(`\nLoad average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' ')} (figures from a busy machine run slow).`);
  if (mismatch) {
    console.error('\nThe board bench FAILED: Pacer and the hand-written query disagree, or a part did not run (see above).');
    process.exitCode = 1;
  }
}

await main();
