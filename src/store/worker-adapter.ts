/**
 * The embedded database off the main thread. PGlite runs its queries on the thread that
 * calls it, so with PGlite in the app's thread a Slack request waited for its ack behind
 * every running query (issue 12: ack p99 519 ms with 16 `/log` in flight). Here PGlite lives
 * in a worker thread (pglite-worker.ts) behind the same adapter (pglite-adapter.ts), and
 * this side is a Prisma driver adapter that forwards each call as one message and its
 * answer: queryRaw, executeRaw, executeScript, startTransaction and the transaction's own
 * calls (by transaction id), dispose. `@electric-sql/pglite/worker` was tried first: about
 * 8 message hops a query (throughput fell from 45 to 17 `/log`/s) and errors lost their
 * SQLSTATE, so Prisma no longer reported a unique violation as P2002.
 */
import type { Worker } from 'node:worker_threads';
import {
  DriverAdapterError,
  type ConnectionInfo,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type Transaction,
  type TransactionOptions,
} from '@prisma/driver-adapter-utils';
import { spawnModuleWorker } from '../threads/module-worker.js';
import { connectToShadowPGlite } from './pglite-adapter.js';
import type {
  PGliteWorkerData,
  WorkerAnswers,
  WorkerFailure,
  WorkerMessage,
  WorkerRequest,
} from './pglite-worker-protocol.js';

export interface PGliteWorker {
  /** Prisma's adapter factory; the schema engine's shadow database is an in-memory PGlite in this thread. */
  readonly factory: SqlMigrationAwareDriverAdapterFactory;
  /** Closes PGlite in the worker, then ends the worker; idempotent. */
  close(): Promise<void>;
}

export interface PGliteWorkerOptions {
  /** A data folder, already locked by the caller; undefined for memory. */
  dataDir?: string;
  /** A `dumpDataDir()` to start from (tests). */
  loadDataDir?: Blob;
}

/** Starts the worker and resolves once PGlite is open in it (rejects with PGlite's own error). */
export async function startPGliteWorker(options: PGliteWorkerOptions): Promise<PGliteWorker> {
  const dump = options.loadDataDir && new Uint8Array(await options.loadDataDir.arrayBuffer());
  const data: PGliteWorkerData = { dataDir: options.dataDir, loadDataDir: dump };
  const client = new WorkerClient(spawn(data, dump ? [dump.buffer] : []));
  try {
    await client.ready;
  } catch (error) {
    await client.terminate();
    throw error;
  }
  let closing: Promise<void> | undefined;
  const close = async (): Promise<void> => {
    try {
      if (client.running) await client.call({ op: 'close' });
    } finally {
      await client.terminate();
    }
  };
  return {
    factory: {
      provider: 'postgres',
      adapterName: 'pglite-prisma-adapter',
      connect: async () => {
        const { connection, adapterName, info } = await client.call({ op: 'connect' });
        return forwardedAdapter(client, connection, adapterName, info);
      },
      connectToShadowDb: connectToShadowPGlite,
    },
    close: () => (closing ??= close()),
  };
}

const entry = { compiled: new URL('./pglite-worker.js', import.meta.url), source: new URL('./pglite-worker.ts', import.meta.url) };

function spawn(workerData: PGliteWorkerData, transferList: ArrayBuffer[]): Worker {
  return spawnModuleWorker(entry, { workerData, transferList });
}

type Request = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/**
 * One message out and one back per call, matched by id; a dead worker fails every call.
 * Id 0 is the start itself: the worker answers it once PGlite is open, or with why not.
 */
class WorkerClient {
  readonly ready: Promise<void>;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private stopped: Error | undefined;

  constructor(private readonly worker: Worker) {
    this.ready = new Promise((resolve, reject) => this.pending.set(0, { resolve: () => resolve(), reject }));
    worker.on('message', (message: WorkerMessage) => {
      const waiting = this.pending.get(message.id);
      if (waiting === undefined) return;
      this.pending.delete(message.id);
      if (message.ok) waiting.resolve(message.value);
      else waiting.reject(rebuild(message.failure));
    });
    worker.on('error', (error) => this.stop(error));
    worker.on('exit', (code) => this.stop(new Error(`The embedded database's worker thread stopped (exit code ${code}).`)));
  }

  get running(): boolean {
    return this.stopped === undefined;
  }

  call<R extends Request>(request: R): Promise<WorkerAnswers[R['op']]> {
    if (this.stopped !== undefined) return Promise.reject(this.stopped);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ ...request, id });
    });
  }

  async terminate(): Promise<void> {
    this.stop(new Error('The embedded database is closed.'));
    await this.worker.terminate();
  }

  private stop(reason: Error): void {
    if (this.stopped !== undefined) return;
    this.stopped = reason;
    for (const waiting of this.pending.values()) waiting.reject(reason);
    this.pending.clear();
  }
}

function rebuild(failure: WorkerFailure): Error {
  if (failure.kind === 'driver') return new DriverAdapterError(failure.cause);
  const error = new Error(failure.message);
  error.name = failure.name;
  if (failure.stack !== undefined) error.stack = failure.stack;
  return failure.code === undefined ? error : Object.assign(error, { code: failure.code });
}

function forwardedAdapter(client: WorkerClient, connection: number, adapterName: string, info: ConnectionInfo): SqlDriverAdapter {
  return {
    provider: 'postgres',
    adapterName,
    queryRaw: (query) => client.call({ op: 'queryRaw', connection, tx: undefined, query }),
    executeRaw: (query) => client.call({ op: 'executeRaw', connection, tx: undefined, query }),
    executeScript: async (script) => {
      await client.call({ op: 'executeScript', connection, script });
    },
    startTransaction: async (isolationLevel) => {
      const { tx, options } = await client.call({ op: 'startTransaction', connection, isolationLevel });
      return forwardedTransaction(client, connection, tx, adapterName, options);
    },
    // Synchronous in Prisma's interface, so the worker sends it once, with the connection.
    getConnectionInfo: () => info,
    dispose: async () => {
      // Prisma disconnects before the database is closed; after that nothing is left to release.
      if (client.running) await client.call({ op: 'dispose', connection });
    },
  };
}

function forwardedTransaction(
  client: WorkerClient,
  connection: number,
  tx: number,
  adapterName: string,
  options: TransactionOptions,
): Transaction {
  return {
    provider: 'postgres',
    adapterName,
    options,
    queryRaw: (query) => client.call({ op: 'queryRaw', connection, tx, query }),
    executeRaw: (query) => client.call({ op: 'executeRaw', connection, tx, query }),
    commit: async () => {
      await client.call({ op: 'commit', tx });
    },
    rollback: async () => {
      await client.call({ op: 'rollback', tx });
    },
  };
}
