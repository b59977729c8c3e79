import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import {
  createEmptyDatabaseUrl,
  createTestDatabase,
  testDatabaseAvailable,
  type TestDatabase,
} from '../support/test-database.js';

describe.skipIf(!testDatabaseAvailable())('database', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db?.close());
  beforeEach(() => db.reset());

  it('migrates an empty database at the first open and not again', async () => {
    const empty = await createEmptyDatabaseUrl();
    try {
      const first = await openDatabase(empty.url, { command: 'test' });
      await first.close();
      const second = await openDatabase(empty.url, { command: 'test' });
      await second.close();
      const folders = await readdir(new URL('../../prisma/migrations/', import.meta.url), { withFileTypes: true });
      const migrations = folders.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
      expect(migrations[0]).toMatch(/^\d{14}_init$/);
      expect(first.migrationsApplied).toEqual(migrations);
      expect(second.migrationsApplied).toEqual([]);
    } finally {
      await empty.dispose();
    }
  }, 30_000);

  it('stores and reads a row through Prisma', async () => {
    await db.prisma.member.create({
      data: {
        teamId: 'T1',
        userId: 'U1',
        name: 'Ana',
        timeZone: 'Europe/Lisbon',
        locale: 'pt-PT',
        refreshedAt: new Date('2026-11-23T09:00:00Z'),
      },
    });
    const member = await db.prisma.member.findUnique({
      where: { teamId_userId: { teamId: 'T1', userId: 'U1' } },
    });
    expect(member).toMatchObject({ name: 'Ana', isAdmin: false, refreshedAt: new Date('2026-11-23T09:00:00Z') });
  });

  it('reset empties the app tables and keeps the migration history', async () => {
    await db.prisma.workspace.create({ data: { teamId: 'T1' } });
    await db.reset();
    expect(await db.prisma.workspace.count()).toBe(0);
    const history = await db.prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM _prisma_migrations`;
    expect(Number(history[0]?.n)).toBeGreaterThan(0);
  });

  it('returns no rows of one workspace to a query filtered on another', async () => {
    const row = { userId: 'U1', typeKey: 'call', count: 1, points: 1, occurredAt: new Date() };
    await db.prisma.activity.createMany({
      data: [
        { ...row, teamId: 'T1' },
        { ...row, teamId: 'T2' },
      ],
    });
    const found = await db.prisma.activity.findMany({ where: { teamId: 'T2', userId: 'U1' } });
    expect(found.map((activity) => activity.teamId)).toEqual(['T2']);
  });
});
