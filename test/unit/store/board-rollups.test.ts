import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../../src/clock.js';
import { createActivityTypeStore } from '../../../src/store/activity-type-store.js';
import { createBoardStore } from '../../../src/store/board-store.js';
import { openDatabase, type Database } from '../../../src/store/database.js';
import { runOnServer, withDatabase } from '../../support/global-setup.js';

// The rollups the board reads (activity_days, activity_day_types) are kept by triggers in the
// migration: checked against a recount from activities after every kind of write, on in-memory
// PGlite and, when a server answers, on PostgreSQL (whose migrations run statement by statement).
const serverUrl = process.env.PACER_TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const serverUp = await runOnServer(serverUrl, 'SELECT 1').then(
  () => true,
  () => false,
);
const team = 'T0ROLLUPS';

interface Backend {
  database: Database;
  dispose(): Promise<void>;
}

async function pglite(): Promise<Backend> {
  const database = await openDatabase('pglite:memory', { command: 'test' });
  return { database, dispose: () => database.close() };
}

async function postgres(): Promise<Backend> {
  const name = `pacer_test_${randomBytes(4).toString('hex')}`;
  await runOnServer(serverUrl, `CREATE DATABASE "${name}"`);
  const database = await openDatabase(withDatabase(serverUrl, name), { command: 'test' });
  return {
    database,
    dispose: async () => {
      await database.close();
      await runOnServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

const backends: [string, () => Promise<Backend>][] = [['PGlite', pglite], ...(serverUp ? [['PostgreSQL', postgres] as [string, () => Promise<Backend>]] : [])];

describe.each(backends)('board rollups on %s', (_, open) => {
  let backend: Backend;
  const db = () => backend.database.prisma;

  beforeAll(async () => {
    backend = await open();
  }, 60_000);
  afterAll(() => backend.dispose());
  beforeEach(async () => {
    await db().$executeRawUnsafe('TRUNCATE activities, activity_days, activity_day_types, members, workspaces, activity_types');
    await db().$executeRawUnsafe(`INSERT INTO workspaces (team_id) VALUES ('${team}')`);
  });

  const member = (userId: string, timeZone: string) =>
    db().member.create({ data: { teamId: team, userId, name: userId, timeZone, locale: 'en-US', refreshedAt: new Date() } });
  const activity = (userId: string, typeKey: string, points: number, at: string) =>
    db().activity.create({ data: { teamId: team, userId, typeKey, count: 1, points, occurredAt: new Date(at) } });

  /** The rollups as stored, and as counted afresh from activities in each rep's zone (UTC without a profile). */
  async function rollups() {
    const stored = await db().$queryRaw<{ row: string }[]>`
      SELECT concat_ws(' ', user_id, to_char(day, 'YYYY-MM-DD'), type_key, logs, points) AS row FROM activity_day_types
      UNION ALL
      SELECT concat_ws(' ', user_id, to_char(day, 'YYYY-MM-DD'), '*', logs, points) FROM activity_days
      ORDER BY 1`;
    const counted = await db().$queryRaw<{ row: string }[]>`
      WITH local AS (
        SELECT a.user_id, a.type_key, a.points, to_char(a.occurred_at AT TIME ZONE COALESCE(m.time_zone, 'UTC'), 'YYYY-MM-DD') AS day
        FROM activities a LEFT JOIN members m ON m.team_id = a.team_id AND m.user_id = a.user_id
      )
      SELECT concat_ws(' ', user_id, day, type_key, count(*), sum(points)) AS row FROM local GROUP BY user_id, day, type_key
      UNION ALL
      SELECT concat_ws(' ', user_id, day, '*', count(*), sum(points)) FROM local GROUP BY user_id, day
      ORDER BY 1`;
    return { stored: stored.map((r) => r.row), counted: counted.map((r) => r.row) };
  }

  it('counts logs in the rep’s local day, and takes back undone ones', async () => {
    await member('U1', 'America/Los_Angeles');
    await activity('U1', 'call', 2, '2026-11-24T06:00:00Z'); // 23 November, 22:00 in Los Angeles
    const undone = await activity('U1', 'call', 3, '2026-11-24T18:00:00Z');
    await activity('U1', 'email', 1, '2026-11-24T19:00:00Z');
    await db().activity.delete({ where: { id: undone.id } });
    const { stored, counted } = await rollups();
    expect(stored).toEqual(['U1 2026-11-23 * 1 2', 'U1 2026-11-23 call 1 2', 'U1 2026-11-24 * 1 1', 'U1 2026-11-24 email 1 1']);
    expect(stored).toEqual(counted);
  });

  it('follows bulk inserts, updates that move a log to another day or type, and deletes of many', async () => {
    await member('U1', 'Europe/Warsaw');
    await member('U2', 'UTC');
    await db().activity.createMany({
      data: Array.from({ length: 40 }, (_, i) => ({
        teamId: team,
        userId: i % 3 === 0 ? 'U2' : 'U1',
        typeKey: i % 2 === 0 ? 'call' : 'demo',
        count: 1,
        points: 1 + (i % 4),
        occurredAt: new Date(Date.UTC(2026, 10, 20, 20 + (i % 8), i)),
      })),
    });
    expect((await rollups()).stored).toEqual((await rollups()).counted);
    await db().activity.updateMany({ where: { teamId: team, userId: 'U1', typeKey: 'demo' }, data: { occurredAt: new Date('2026-11-25T12:00:00Z'), typeKey: 'meeting' } });
    await db().activity.updateMany({ where: { teamId: team, userId: 'U2' }, data: { points: 7 } });
    let { stored, counted } = await rollups();
    expect(stored).toEqual(counted);
    await db().activity.deleteMany({ where: { teamId: team, typeKey: 'call' } });
    ({ stored, counted } = await rollups());
    expect(stored).toEqual(counted);
    expect(stored.some((row) => row.includes(' call '))).toBe(false);
  });

  it('counts a rep’s days again when their time zone changes, or their profile arrives later', async () => {
    await activity('U3', 'call', 1, '2026-11-24T03:00:00Z'); // no profile yet: 24 November in UTC
    expect((await rollups()).stored).toContain('U3 2026-11-24 call 1 1');
    await member('U3', 'America/New_York');
    expect((await rollups()).stored).toContain('U3 2026-11-23 call 1 1');
    await db().member.update({ where: { teamId_userId: { teamId: team, userId: 'U3' } }, data: { timeZone: 'Asia/Tokyo' } });
    const { stored, counted } = await rollups();
    expect(stored).toContain('U3 2026-11-24 call 1 1');
    expect(stored).toEqual(counted);
  });

  it('tallies a week from the rollups and from the days its edges cut, capped per part of a day', async () => {
    await createActivityTypeStore(db(), { clock: systemClock }).forWorkspace(team);
    await db().activityType.updateMany({ where: { teamId: team, key: 'email' }, data: { dailyPointsCap: 20 } });
    await member('U1', 'America/Los_Angeles');
    // The week is Monday 23 to Sunday 29 November in New York: it starts at 21:00 on Sunday in Los Angeles.
    const span = { start: new Date('2026-11-23T05:00:00Z'), end: new Date('2026-11-30T05:00:00Z') };
    await activity('U1', 'email', 15, '2026-11-23T03:00:00Z'); // Sunday 19:00 LA: before the week
    await activity('U1', 'email', 15, '2026-11-23T06:00:00Z'); // Sunday 22:00 LA: in the week, same local day
    await activity('U1', 'email', 30, '2026-11-10T18:00:00Z'); // a whole day in the four weeks before: capped at 20
    await activity('U1', 'call', 4, '2026-11-10T19:00:00Z');
    await activity('U1', 'call', 1, '2026-09-01T18:00:00Z'); // before the four weeks: a streak day only
    await activity('U9', 'call', 2, '2026-11-24T03:00:00Z'); // no profile: the board's zone (23 November in New York)
    const tallies = await createBoardStore(db()).tallies(team, ['U1', 'U9', 'U0'], span, 'America/New_York');
    const byRep = new Map(tallies.map((t) => [t.userId, t]));
    expect(byRep.get('U1')).toMatchObject({ points: 15, priorPoints: 15 + 20 + 4, counts: { email: 1 } });
    expect([...(byRep.get('U1')?.activeDays ?? [])].sort()).toEqual(['2026-09-01', '2026-11-10', '2026-11-22']);
    expect(byRep.get('U9')).toMatchObject({ points: 2, priorPoints: 0, counts: { call: 1 }, activeDays: ['2026-11-23'] });
    expect(byRep.get('U0')).toMatchObject({ points: 0, priorPoints: 0, counts: {}, activeDays: [] });
  });

  it('reads a rep’s streak days as the board’s statement does, from the rollups and the week', async () => {
    await member('U1', 'America/Los_Angeles');
    // The week in Los Angeles: Monday 23 to Sunday 29 November.
    const span = { start: new Date('2026-11-23T08:00:00Z'), end: new Date('2026-11-30T08:00:00Z') };
    await activity('U1', 'call', 1, '2026-09-01T18:00:00Z'); // 90 days back, a rollup
    await activity('U1', 'call', 1, '2026-11-23T06:00:00Z'); // Sunday 22:00 in LA: the day before the week
    await activity('U1', 'call', 1, '2026-11-24T07:30:00Z'); // Monday 23:30 in LA, Tuesday in UTC
    await activity('U1', 'call', 1, '2026-11-24T18:00:00Z');
    await activity('U1', 'call', 1, '2026-12-01T18:00:00Z'); // after the week
    const store = createBoardStore(db());
    const [tally] = await store.tallies(team, ['U1'], span, 'America/Los_Angeles');
    const days = await store.streakDays(team, 'U1', span, 'America/Los_Angeles');
    expect([...days].sort()).toEqual(['2026-09-01', '2026-11-22', '2026-11-23', '2026-11-24']);
    expect([...days].sort()).toEqual([...(tally?.activeDays ?? [])].sort());
  });
});
