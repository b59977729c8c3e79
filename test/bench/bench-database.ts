/**
 * The benches' throwaway databases: a fresh database on the local PostgreSQL server, or a PGlite
 * folder, migrated by `openDatabase` as the app's own start does, and gone afterwards.
 * PACER_BENCH_POSTGRES_URL names the server (default postgresql://postgres@127.0.0.1:5432/postgres).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DriverAdapterError } from '@prisma/driver-adapter-utils';
import { openDatabase, type Database } from '../../src/store/database.js';
import { runOnServer, withDatabase } from '../support/global-setup.js';

export const benchServerUrl = process.env.PACER_BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

/** Why the PostgreSQL part cannot run; null when the server answers. */
export async function postgresUnreachable(): Promise<string | null> {
  try {
    await runOnServer(benchServerUrl, 'SELECT 1');
    return null;
  } catch (error) {
    const kind = error instanceof DriverAdapterError ? error.cause.kind : String(error);
    return `no PostgreSQL server answered at ${benchServerUrl} (${kind})`;
  }
}

/**
 * Runs `work` on a new database on the server, named `pacer_bench_<random>` (the label), migrated;
 * closed and dropped afterwards, whatever `work` did. `migrateMs` is the time to open and migrate.
 */
export async function onScratchPostgres<T>(work: (database: Database, label: string, migrateMs: number) => Promise<T>): Promise<T> {
  const name = `pacer_bench_${randomBytes(4).toString('hex')}`;
  await runOnServer(benchServerUrl, `CREATE DATABASE "${name}"`);
  let database: Database | undefined;
  try {
    const started = performance.now();
    database = await openDatabase(withDatabase(benchServerUrl, name), { command: 'bench' });
    return await work(database, `PostgreSQL ${name}`, performance.now() - started);
  } finally {
    await database?.close();
    await runOnServer(benchServerUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}

/** Runs `work` on PGlite in a new temp folder (the label names it), migrated; closed and removed afterwards. */
export async function onScratchPglite<T>(work: (database: Database, label: string) => Promise<T>): Promise<T> {
  const folder = await mkdtemp(join(tmpdir(), 'pacer-bench-'));
  let database: Database | undefined;
  try {
    database = await openDatabase(`pglite:${folder}`, { command: 'bench' });
    return await work(database, `PGlite at ${folder}`);
  } finally {
    await database?.close();
    await rm(folder, { recursive: true, force: true });
  }
}
