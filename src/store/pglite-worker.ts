/**
 * The thread that owns the embedded database (see worker-adapter.ts): PGlite runs each
 * query on the thread that calls it, so here it blocks this thread, not the one that
 * acknowledges Slack. Requests are served as they arrive, not one after another: a
 * transaction's queries must get through while other queries wait for PGlite's
 * transaction lock, as they do in one thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PGlite } from '@electric-sql/pglite';
import { isDriverAdapterError, type SqlDriverAdapter, type Transaction } from '@prisma/driver-adapter-utils';
import { createPGlite, pgliteAdapter } from './pglite-adapter.js';
import type { PGliteWorkerData, WorkerAnswers, WorkerFailure, WorkerMessage, WorkerRequest } from './pglite-worker-protocol.js';

const port = parentPort;
if (port === null) throw new Error('pglite-worker.ts runs as a worker thread (see worker-adapter.ts)');

const connections = new Map<number, SqlDriverAdapter>();
const transactions = new Map<number, Transaction>();
let nextId = 1;

function connection(id: number): SqlDriverAdapter {
  const found = connections.get(id);
  if (found === undefined) throw new Error(`no open connection ${id} in the PGlite worker`);
  return found;
}

function transaction(id: number): Transaction {
  const found = transactions.get(id);
  if (found === undefined) throw new Error(`no open transaction ${id} in the PGlite worker`);
  return found;
}

function queryable(request: { connection: number; tx: number | undefined }): SqlDriverAdapter | Transaction {
  return request.tx === undefined ? connection(request.connection) : transaction(request.tx);
}

async function serve(client: PGlite, request: WorkerRequest): Promise<WorkerAnswers[WorkerRequest['op']]> {
  switch (request.op) {
    case 'connect': {
      const adapter = await pgliteAdapter(client, async () => {});
      const id = nextId++;
      connections.set(id, adapter);
      return { connection: id, adapterName: adapter.adapterName, info: adapter.getConnectionInfo?.() ?? { supportsRelationJoins: true } };
    }
    case 'queryRaw':
      return queryable(request).queryRaw(request.query);
    case 'executeRaw':
      return queryable(request).executeRaw(request.query);
    case 'executeScript':
      await connection(request.connection).executeScript(request.script);
      return undefined;
    case 'startTransaction': {
      const tx = await connection(request.connection).startTransaction(request.isolationLevel);
      const id = nextId++;
      transactions.set(id, tx);
      return { tx: id, options: tx.options };
    }
    case 'commit':
    case 'rollback': {
      const tx = transaction(request.tx);
      transactions.delete(request.tx);
      await (request.op === 'commit' ? tx.commit() : tx.rollback());
      return undefined;
    }
    case 'dispose': {
      const adapter = connections.get(request.connection);
      connections.delete(request.connection);
      await adapter?.dispose();
      return undefined;
    }
    case 'close':
      await client.close();
      return undefined;
  }
}

/**
 * By shape, as Prisma's client tells them apart: pglite-prisma-adapter 0.7.2 throws the
 * DriverAdapterError of its own nested @prisma/driver-adapter-utils (7.2.0), not Pacer's.
 */
function failure(error: unknown): WorkerFailure {
  if (error instanceof Error && isDriverAdapterError(error)) return { kind: 'driver', cause: error.cause };
  if (error instanceof Error) {
    const code = 'code' in error && typeof error.code === 'string' ? error.code : undefined;
    return { kind: 'error', name: error.name, message: error.message, stack: error.stack, code };
  }
  return { kind: 'error', name: 'Error', message: String(error), stack: undefined, code: undefined };
}

function send(message: WorkerMessage): void {
  port?.postMessage(message);
}

const data = workerData as PGliteWorkerData;
try {
  const client = await createPGlite({
    ...(data.dataDir !== undefined && { dataDir: data.dataDir }),
    ...(data.loadDataDir !== undefined && { loadDataDir: new Blob([data.loadDataDir]) }),
  });
  port.on('message', (request: WorkerRequest) => {
    serve(client, request)
      // A value the structured clone refuses (a DataCloneError) is answered as that failure.
      .then((value) => send({ id: request.id, ok: true, value }))
      .catch((error: unknown) => send({ id: request.id, ok: false, failure: failure(error) }));
  });
  send({ id: 0, ok: true, value: undefined });
} catch (error) {
  send({ id: 0, ok: false, failure: failure(error) });
}
