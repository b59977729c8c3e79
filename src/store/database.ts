import { mkdir } from 'node:fs/promises';
import { PGlite, messages } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import {
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PacerError } from '../errors.js';
import { acquireFolderLock, type FolderLock } from './folder-lock.js';
import { PrismaClient } from './generated/client.js';
import { applyPendingMigrations } from './migrations.js';

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
    const client = await PGlite.create({
      ...(location.folder !== null && { dataDir: location.folder }),
      ...(options.loadDataDir && { loadDataDir: options.loadDataDir }),
    });
    return await open(new PGliteAdapterFactory(client), {
      kind: 'pglite',
      describe: location.folder === null ? 'PGlite in memory' : `PGlite at ${location.folder}`,
      migrate: options.migrate ?? true,
      cleanup: async () => {
        try {
          await client.close();
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

/**
 * PrismaPGlite (pglite-prisma-adapter 0.7.2) with two fixes the schema engine needs:
 * its executeScript drops the promise of `exec`, so a failing migration was recorded
 * as applied and its error surfaced as an unhandled rejection; and its shadow
 * database is an in-memory PGlite that is never closed.
 */
export class PGliteAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = 'postgres';
  readonly adapterName: string;

  constructor(private readonly client: PGlite) {
    this.adapterName = new PrismaPGlite(client).adapterName;
  }

  connect(): Promise<SqlDriverAdapter> {
    return pgliteAdapter(this.client, async () => {});
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const shadow = await PGlite.create();
    return pgliteAdapter(shadow, () => shadow.close());
  }
}

async function pgliteAdapter(
  client: PGlite,
  onDispose: () => Promise<void>,
): Promise<SqlDriverAdapter> {
  const adapter = await new PrismaPGlite(client).connect();
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query) => adapter.queryRaw(query),
    executeRaw: (query) => adapter.executeRaw(query),
    startTransaction: (isolationLevel) => adapter.startTransaction(isolationLevel),
    getConnectionInfo: () => adapter.getConnectionInfo?.() ?? { supportsRelationJoins: true },
    executeScript: async (script) => {
      try {
        await client.exec(script);
      } catch (error) {
        if (!(error instanceof messages.DatabaseError)) throw error;
        throw new DriverAdapterError({
          kind: 'postgres',
          code: error.code ?? 'XX000',
          severity: error.severity ?? 'ERROR',
          message: error.message,
          detail: error.detail,
          column: error.column,
          hint: error.hint,
        });
      }
    },
    dispose: async () => {
      await adapter.dispose();
      await onDispose();
    },
  };
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
