import { mkdir } from 'node:fs/promises';
import { DriverAdapterError, type SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PacerError } from '../errors.js';
import { acquireFolderLock, type FolderLock } from './folder-lock.js';
import { PrismaClient } from './generated/client.js';
import { applyPendingMigrations } from './migrations.js';
import { createPGlite, PGliteAdapterFactory } from './pglite-adapter.js';
import { startPGliteWorker } from './worker-adapter.js';

export { PGliteAdapterFactory } from './pglite-adapter.js';

export type DatabaseLocation =
  | { kind: 'pglite'; folder: string | null /* null: in memory */ }
  | { kind: 'postgres'; url: string };

export interface Database {
  prisma: PrismaClient;
  kind: DatabaseLocation['kind'];
  /** Where the data lives, without credentials, for logs and messages. */
  describe: string;
  /** Migrations this open applied, oldest first; empty when already up to date. */
  migrationsApplied: string[];
  /** Disconnects Prisma, closes PGlite and releases the folder lock; idempotent. */
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** Recorded in the folder lock, so a second process can say who holds it. */
  command: string;
  migrate?: boolean;
  /** A `dumpDataDir()` to start an in-memory PGlite from (tests). */
  loadDataDir?: Blob;
  /**
   * Where embedded PGlite runs its queries: in a worker thread (the default, and what the
   * app and jobs use), so a long query never holds up Slack's acks; or in this thread, for
   * tests that gain nothing from the worker's start-up.
   */
  pgliteIn?: 'worker' | 'this-thread';
}

const DEFAULT_FOLDER = './data';

export function parseDatabaseUrl(url: string | undefined): DatabaseLocation {
  const value = url?.trim() ?? '';
  if (value === '') return { kind: 'pglite', folder: DEFAULT_FOLDER };
  if (value === 'pglite:memory') return { kind: 'pglite', folder: null };
  if (value.startsWith('pglite:') && value.length > 'pglite:'.length) {
    return { kind: 'pglite', folder: value.slice('pglite:'.length) };
  }
  if (/^postgres(ql)?:\/\/./.test(value) && URL.canParse(value)) return { kind: 'postgres', url: value };
  throw Object.assign(new PacerError('database_url_invalid', { url: redact(value) }), {
    message:
      `DATABASE_URL "${redact(value)}" is not one Pacer understands. Use pglite:<folder> ` +
      '(embedded, e.g. pglite:./data), pglite:memory (nothing kept), or ' +
      'postgresql://user:password@host:5432/database; leave it unset for pglite:./data.',
  });
}

export async function openDatabase(
  url: string | undefined,
  options: OpenDatabaseOptions,
): Promise<Database> {
  const location = parseDatabaseUrl(url);
  if (location.kind === 'postgres') {
    // Loaded only for a server: pg and its adapter cost the embedded database's start ~13 MB and ~0.1 s.
    const { PrismaPg } = await import('@prisma/adapter-pg');
    return open(new PrismaPg({ connectionString: location.url }), {
      kind: 'postgres',
      describe: `PostgreSQL at ${redact(location.url)}`,
      migrate: options.migrate ?? true,
      cleanup: async () => {},
    });
  }

  let lock: FolderLock | undefined;
  if (location.folder !== null) {
    await mkdir(location.folder, { recursive: true });
    lock = acquireFolderLock(location.folder, { command: options.command });
  }
  try {
    const embedded = await openPGlite(options.pgliteIn ?? 'worker', {
      ...(location.folder !== null && { dataDir: location.folder }),
      ...(options.loadDataDir && { loadDataDir: options.loadDataDir }),
    });
    return await open(embedded.factory, {
      kind: 'pglite',
      describe: location.folder === null ? 'PGlite in memory' : `PGlite at ${location.folder}`,
      migrate: options.migrate ?? true,
      cleanup: async () => {
        try {
          await embedded.close();
        } finally {
          lock?.release();
        }
      },
    });
  } catch (error) {
    lock?.release();
    throw error;
  }
}

async function open(
  factory: SqlMigrationAwareDriverAdapterFactory,
  how: { kind: Database['kind']; describe: string; migrate: boolean; cleanup: () => Promise<void> },
): Promise<Database> {
  let migrationsApplied: string[] = [];
  try {
    if (how.migrate) migrationsApplied = await applyPendingMigrations(factory);
  } catch (error) {
    await how.cleanup();
    throw connectionRefused(error, how.describe) ?? error;
  }
  const prisma = new PrismaClient({ adapter: factory });
  let closing: Promise<void> | undefined;
  const close = async (): Promise<void> => {
    try {
      await prisma.$disconnect();
    } finally {
      await how.cleanup();
    }
  };
  return {
    prisma,
    kind: how.kind,
    describe: how.describe,
    migrationsApplied,
    close: () => (closing ??= close()),
  };
}

/** PGlite opened after the folder lock is held; closing it ends the worker too. */
async function openPGlite(
  where: 'worker' | 'this-thread',
  options: { dataDir?: string; loadDataDir?: Blob },
): Promise<{ factory: SqlMigrationAwareDriverAdapterFactory; close(): Promise<void> }> {
  if (where === 'worker') return startPGliteWorker(options);
  const client = await createPGlite(options);
  return { factory: new PGliteAdapterFactory(client), close: () => client.close() };
}

/** Start-up is the first contact with a server; say plainly why it failed. */
function connectionRefused(error: unknown, describe: string): PacerError | undefined {
  if (!(error instanceof DriverAdapterError)) return undefined;
  const reasons: Partial<Record<string, string>> = {
    DatabaseNotReachable: 'nothing answers at that address',
    DatabaseDoesNotExist: 'that database does not exist',
    AuthenticationFailed: 'the user name or password was refused',
    DatabaseAccessDenied: 'that user may not use this database',
    TlsConnectionError: 'the TLS connection failed',
  };
  const reason = reasons[error.cause.kind];
  if (reason === undefined) return undefined;
  return Object.assign(new PacerError('database_unreachable', { database: describe, reason }), {
    message: `Could not open ${describe}: ${reason}. Check DATABASE_URL and that the server is running.`,
    cause: error,
  });
}

/** The URL without its password, safe to print. */
function redact(url: string): string {
  if (!URL.canParse(url)) return url;
  const parsed = new URL(url);
  if (parsed.password !== '') parsed.password = '***';
  return parsed.toString();
}
