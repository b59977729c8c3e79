import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { DriverAdapterError } from '@prisma/driver-adapter-utils';
import type { TestProject } from 'vitest/node';
import { PGliteAdapterFactory } from '../../src/store/database.js';
import { applyPendingMigrations } from '../../src/store/migrations.js';

/** What the workers of one project open their databases from (see test-database.ts). */
export type TestDatabaseSource =
  | { kind: 'pglite'; dumpPath: string }
  | { kind: 'postgres'; serverUrl: string; template: string }
  | { kind: 'unavailable'; reason: string };

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabase: TestDatabaseSource;
  }
}

/**
 * Migrates once per run, so each test file starts from a copy: a fresh PGlite costs
 * ~3.6 s while loading a dump costs ~1 s; CREATE DATABASE … TEMPLATE costs ~0.1 s.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const backend = project.config.env.PACER_TEST_DB;
  if (backend === 'pglite') return preparePglite(project);
  if (backend === 'postgres') return preparePostgres(project);
  throw new Error(`PACER_TEST_DB must be pglite or postgres, not ${backend ?? 'unset'}.`);
}

async function preparePglite(project: TestProject): Promise<() => Promise<void>> {
  const client = await PGlite.create();
  try {
    await applyPendingMigrations(new PGliteAdapterFactory(client));
    const dump = await client.dumpDataDir('gzip');
    const folder = await mkdtemp(join(tmpdir(), 'pacer-test-'));
    const dumpPath = join(folder, 'migrated.tar.gz');
    await writeFile(dumpPath, new Uint8Array(await dump.arrayBuffer()));
    project.provide('testDatabase', { kind: 'pglite', dumpPath });
    return () => rm(folder, { recursive: true, force: true });
  } finally {
    await client.close();
  }
}

async function preparePostgres(project: TestProject): Promise<() => Promise<void>> {
  const serverUrl =
    process.env.PACER_TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const template = `pacer_template_${randomBytes(4).toString('hex')}`;
  try {
    await runOnServer(serverUrl, `CREATE DATABASE "${template}"`);
  } catch (error) {
    const unreachable =
      error instanceof DriverAdapterError && error.cause.kind === 'DatabaseNotReachable';
    if (!unreachable) throw error;
    if (process.env.PACER_REQUIRE_POSTGRES === '1') {
      throw new Error(`postgres: no server at ${serverUrl}, and PACER_REQUIRE_POSTGRES=1`, {
        cause: error,
      });
    }
    const reason = `postgres: no server at ${serverUrl}, skipping the PostgreSQL run of the e2e suite`;
    console.warn(reason);
    project.provide('testDatabase', { kind: 'unavailable', reason });
    return async () => {};
  }
  const dropTemplate = () => runOnServer(serverUrl, `DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
  try {
    await applyPendingMigrations(new PrismaPg({ connectionString: withDatabase(serverUrl, template) }));
  } catch (error) {
    await dropTemplate();
    throw error;
  }
  project.provide('testDatabase', { kind: 'postgres', serverUrl, template });
  return dropTemplate;
}

/** One statement on its own short-lived connection, e.g. CREATE DATABASE (no transaction). */
export async function runOnServer(serverUrl: string, sql: string): Promise<void> {
  const adapter = await new PrismaPg({
    connectionString: serverUrl,
    connectionTimeoutMillis: 5_000,
  }).connect();
  try {
    await adapter.executeScript(sql);
  } finally {
    await adapter.dispose();
  }
}

export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
