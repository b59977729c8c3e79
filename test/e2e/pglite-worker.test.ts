import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, type Database } from '../../src/store/database.js';
import { DataFolderLockedError } from '../../src/store/folder-lock.js';
import { Prisma } from '../../src/store/generated/client.js';

/**
 * Embedded PGlite in its worker thread (src/store/worker-adapter.ts), as the app opens it:
 * values, errors and transactions cross the thread unchanged, and a long query no longer
 * holds up this thread. Only the pglite project has an embedded database to open.
 */
const source = inject('testDatabase');
describe.skipIf(source.kind !== 'pglite')('embedded PGlite in a worker thread', () => {
  let db: Database;
  const openFromDump = async () =>
    openDatabase('pglite:memory', {
      command: 'test',
      migrate: false,
      pgliteIn: 'worker',
      loadDataDir: new Blob([await readFile(source.kind === 'pglite' ? source.dumpPath : '')]),
    });
  beforeAll(async () => {
    db = await openFromDump();
  });
  afterAll(() => db?.close());

  it('hands values over as Prisma expects them: bigint, bytes, dates, decimals, json', async () => {
    const [row] = await db.prisma.$queryRaw<{ n: bigint; b: Uint8Array; t: Date; d: Prisma.Decimal; j: unknown }[]>`
      SELECT 9007199254740993::bigint AS n, '\\x01ff'::bytea AS b, '2026-11-23T09:00:00.123Z'::timestamptz AS t,
             12.5::numeric(14, 2) AS d, '{"a": [1, 2]}'::jsonb AS j`;
    expect(row?.n).toBe(9007199254740993n);
    expect([...(row?.b ?? [])]).toEqual([1, 255]);
    expect(row?.t).toEqual(new Date('2026-11-23T09:00:00.123Z'));
    expect(row?.d.toString()).toBe('12.5');
    expect(row?.j).toEqual({ a: [1, 2] });
  });

  it('keeps a unique violation a unique violation: Prisma answers P2002 with the fields', async () => {
    await db.prisma.workspace.create({ data: { teamId: 'TDUP' } });
    const error = await db.prisma.workspace.create({ data: { teamId: 'TDUP' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    expect(error).toMatchObject({
      code: 'P2002',
      meta: { driverAdapterError: { cause: { kind: 'UniqueConstraintViolation', originalCode: '23505', constraint: { fields: ['team_id'] } } } },
    });
  });

  it('keeps the SQLSTATE and message of any other database error', async () => {
    const missing = await db.prisma.$executeRawUnsafe('SELECT * FROM no_such_table').catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    expect(missing).toMatchObject({ code: 'P2010', meta: { driverAdapterError: { cause: { kind: 'TableDoesNotExist', originalCode: '42P01' } } } });
    const raised = await db.prisma.$executeRawUnsafe(`DO $$ BEGIN RAISE EXCEPTION 'boom' USING ERRCODE = 'P0001'; END $$`).catch((e: unknown) => e);
    expect(raised).toMatchObject({ code: 'P2010', meta: { driverAdapterError: { cause: { kind: 'postgres', code: 'P0001', message: 'boom' } } } });
  });

  it('runs interactive transactions: kept whole on commit, nothing kept when the work throws', async () => {
    await db.prisma.$transaction(async (tx) => {
      await tx.workspace.create({ data: { teamId: 'TTX1' } });
      await tx.workspace.create({ data: { teamId: 'TTX2' } });
    });
    await expect(
      db.prisma.$transaction(async (tx) => {
        await tx.workspace.create({ data: { teamId: 'TTX3' } });
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    const kept = await db.prisma.workspace.findMany({ where: { teamId: { startsWith: 'TTX' } }, orderBy: { teamId: 'asc' } });
    expect(kept.map((w) => w.teamId)).toEqual(['TTX1', 'TTX2']);
  });

  it('lets other queries wait for an open transaction, as PGlite does in one thread', async () => {
    let inside!: () => void;
    const entered = new Promise<void>((resolve) => (inside = resolve));
    const transaction = db.prisma.$transaction(async (tx) => {
      await tx.workspace.create({ data: { teamId: 'TWAIT1' } });
      inside();
      await new Promise((resolve) => setTimeout(resolve, 100));
      await tx.workspace.create({ data: { teamId: 'TWAIT2' } });
    });
    await entered;
    const count = await db.prisma.workspace.count({ where: { teamId: { startsWith: 'TWAIT' } } });
    await transaction;
    expect(count).toBe(2);
  });

  it('leaves this thread free while a long query runs', async () => {
    const query = db.prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM generate_series(1, 3000000) AS s, LATERAL (SELECT s * 2) AS t`;
    const started = performance.now();
    const ticks: number[] = [];
    let done = false;
    void query.finally(() => (done = true));
    while (!done) {
      const before = performance.now();
      await new Promise((resolve) => setTimeout(resolve, 5));
      ticks.push(performance.now() - before);
    }
    const [row] = await query;
    expect(row?.n).toBe(3000000n);
    const queryMs = performance.now() - started;
    // The query takes hundreds of ms; in this thread a 5 ms timer would wait all of it.
    expect(queryMs).toBeGreaterThan(200);
    expect(ticks.length).toBeGreaterThan(5);
    expect(Math.max(...ticks)).toBeLessThan(queryMs / 2);
  });

  it('fails calls after close instead of hanging', async () => {
    const other = await openFromDump();
    await other.close();
    await expect(other.prisma.workspace.count()).rejects.toThrow();
  });

  describe('a data folder', () => {
    let folder: string;
    beforeAll(async () => {
      folder = await mkdtemp(join(tmpdir(), 'pacer-worker-'));
    });
    afterAll(() => rm(folder, { recursive: true, force: true }));

    it('is migrated through the worker, kept across a close and reopen, and locked while open', async () => {
      const url = `pglite:${folder}`;
      const first = await openDatabase(url, { command: 'test' });
      expect(first.migrationsApplied.length).toBeGreaterThan(0);
      await first.prisma.workspace.create({ data: { teamId: 'TKEPT' } });
      await expect(openDatabase(url, { command: 'second' })).rejects.toBeInstanceOf(DataFolderLockedError);
      await first.close();
      const second = await openDatabase(url, { command: 'test' });
      try {
        expect(second.migrationsApplied).toEqual([]);
        expect(await second.prisma.workspace.findUnique({ where: { teamId: 'TKEPT' } })).not.toBeNull();
      } finally {
        await second.close();
      }
    }, 120_000);
  });
});
