import type {
  ConnectionInfo,
  Error as DriverAdapterErrorCause,
  IsolationLevel,
  SqlQuery,
  SqlResultSet,
  TransactionOptions,
} from '@prisma/driver-adapter-utils';

/**
 * The messages between worker-adapter.ts (main thread) and pglite-worker.ts (the thread
 * that owns PGlite): one request and one answer per adapter call, matched by `id`.
 * Everything is plain data for the structured clone (bigint, Uint8Array and Date survive).
 */

export interface PGliteWorkerData {
  /** A folder, or undefined for memory. The main thread holds the folder lock before. */
  dataDir: string | undefined;
  /** The bytes of a `dumpDataDir()` to start from (transferred, not copied). */
  loadDataDir: Uint8Array | undefined;
}

export type WorkerRequest =
  | { id: number; op: 'connect' }
  | { id: number; op: 'queryRaw'; connection: number; tx: number | undefined; query: SqlQuery }
  | { id: number; op: 'executeRaw'; connection: number; tx: number | undefined; query: SqlQuery }
  | { id: number; op: 'executeScript'; connection: number; script: string }
  | { id: number; op: 'startTransaction'; connection: number; isolationLevel: IsolationLevel | undefined }
  | { id: number; op: 'commit' | 'rollback'; tx: number }
  | { id: number; op: 'dispose'; connection: number }
  | { id: number; op: 'close' };

/** What each request answers with, by `op`. */
export interface WorkerAnswers {
  connect: { connection: number; adapterName: string; info: ConnectionInfo };
  queryRaw: SqlResultSet;
  executeRaw: number;
  executeScript: undefined;
  startTransaction: { tx: number; options: TransactionOptions };
  commit: undefined;
  rollback: undefined;
  dispose: undefined;
  close: undefined;
}

/**
 * A failure as it crosses threads. A DriverAdapterError goes as its `cause` (kind,
 * SQLSTATE, constraint) and is rebuilt on the main thread, so Prisma still maps a unique
 * violation to P2002; anything else goes as name, message and the worker's stack.
 */
export type WorkerFailure =
  | { kind: 'driver'; cause: DriverAdapterErrorCause }
  | { kind: 'error'; name: string; message: string; stack: string | undefined; code: string | undefined };

/** An answer; id 0 answers the start (PGlite open, or why not). */
export type WorkerMessage = { id: number; ok: true; value: unknown } | { id: number; ok: false; failure: WorkerFailure };
