import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/store/database.js';
import { runOnServer, withDatabase } from './global-setup.js';

export interface TestDatabase extends Database {
  /** Empties every app table (not the migration history); for beforeEach. */
  reset(): Promise<void>;
}

/** False in the postgres project when no server answered; pair with describe.skipIf. */
export function testDatabaseAvailable(): boolean {
  return inject('testDatabase').kind !== 'unavailable';
}

/**
 * Where the test databases' PGlite runs: in a worker thread, as the app runs it (the
 * default), or with PACER_TEST_PGLITE_IN=this-thread in the test's own thread.
 */
function pgliteIn(): 'worker' | 'this-thread' {
  const chosen = process.env.PACER_TEST_PGLITE_IN ?? 'worker';
  if (chosen !== 'worker' && chosen !== 'this-thread') throw new Error(`PACER_TEST_PGLITE_IN must be worker or this-thread, not ${chosen}.`);
  return chosen;
}

/** A migrated database of this project's backend, for one test file; close() discards it. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const source = inject('testDatabase');
  switch (source.kind) {
    case 'pglite': {
      const loadDataDir = new Blob([await readFile(source.dumpPath)]);
      const database = await openDatabase('pglite:memory', { command: 'test', migrate: false, loadDataDir, pgliteIn: pgliteIn() });
      return withReset(database, database.close);
    }
    case 'postgres': {
      const name = `pacer_test_${randomBytes(4).toString('hex')}`;
      await runOnServer(source.serverUrl, `CREATE DATABASE "${name}" TEMPLATE "${source.template}"`);
      const database = await openDatabase(withDatabase(source.serverUrl, name), {
        command: 'test',
        migrate: false,
      });
      return withReset(database, async () => {
        await database.close();
        await runOnServer(source.serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      });
    }
    case 'unavailable':
      throw new Error(`${source.reason}; wrap the suite in describe.skipIf(!testDatabaseAvailable()).`);
  }
}

/**
 * A DATABASE_URL with nothing in it yet, for tests of start-up itself (migrating,
 * locking): a fresh PGlite folder or a fresh PostgreSQL database. dispose() removes it.
 */
export async function createEmptyDatabaseUrl(): Promise<{ url: string; dispose(): Promise<void> }> {
  const source = inject('testDatabase');
  switch (source.kind) {
    case 'pglite': {
      const folder = await mkdtemp(join(tmpdir(), 'pacer-test-'));
      return { url: `pglite:${folder}`, dispose: () => rm(folder, { recursive: true, force: true }) };
    }
    case 'postgres': {
      const name = `pacer_test_${randomBytes(4).toString('hex')}`;
      await runOnServer(source.serverUrl, `CREATE DATABASE "${name}"`);
      return {
        url: withDatabase(source.serverUrl, name),
        dispose: () => runOnServer(source.serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
      };
    }
    case 'unavailable':
      throw new Error(`${source.reason}; wrap the suite in describe.skipIf(!testDatabaseAvailable()).`);
  }
}

function withReset(database: Database, discard: () => Promise<void>): TestDatabase {
  let tables: Promise<string[]> | undefined;
  let closing: Promise<void> | undefined;
  return {
    ...database,
    close: () => (closing ??= discard()),
    reset: async () => {
      tables ??= database.prisma
        .$queryRaw<{ name: string }[]>`
          SELECT tablename AS name FROM pg_tables
          WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`
        .then((rows) => rows.map((row) => `"${row.name.replaceAll('"', '""')}"`));
      const names = await tables;
      if (names.length > 0) await database.prisma.$executeRawUnsafe(`TRUNCATE ${names.join(', ')} CASCADE`);
    },
  };
}
