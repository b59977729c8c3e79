import type { Worker } from 'node:worker_threads';
import { spawnModuleWorker } from './module-worker.js';
import type { EdgeSettings, PacerThreadData, PacerThreadReport, PacerThreadRequest } from './pacer-thread-protocol.js';

export interface PacerThread {
  /** Over HTTP, what the edge needs; null in Socket Mode. */
  edge: EdgeSettings | null;
  /** Tells Pacer's thread the edge listens, so it says where Pacer is running. */
  edgeListening(port: number): void;
  /** Writes a line to Pacer's log (JSON in production), from the edge. */
  log: { warn(message: string): void; error(message: string): void };
  /** Asks the thread to finish its work in hand and close everything, then ends it. */
  stop(): Promise<void>;
  /** Resolves, with why, if the thread fails or ends without being asked to: Pacer cannot go on without it. */
  lost: Promise<Error>;
}

/** Why Pacer did not start, as the lines to print (the configuration's problems, a refused token, …). */
export class PacerStartFailure extends Error {}

/** Starts Pacer in a thread of its own (which reads the configuration); a failed start rejects with a PacerStartFailure. */
export async function startPacerThread(data: PacerThreadData): Promise<PacerThread> {
  const worker: Worker = spawnModuleWorker(
    { compiled: new URL('./pacer-thread.js', import.meta.url), source: new URL('./pacer-thread.ts', import.meta.url) },
    { workerData: data },
  );
  let stopping = false;
  const lost = new Promise<Error>((resolve) => {
    worker.once('error', resolve);
    worker.once('exit', (code) => stopping || resolve(new Error(`Pacer's thread ended (exit code ${code})`)));
  });
  const next = <K extends PacerThreadReport['kind']>(...kinds: K[]) =>
    Promise.race([
      new Promise<Extract<PacerThreadReport, { kind: K }>>((resolve) => {
        const onMessage = (report: PacerThreadReport) => {
          if (!(kinds as string[]).includes(report.kind)) return;
          worker.off('message', onMessage);
          resolve(report as Extract<PacerThreadReport, { kind: K }>);
        };
        worker.on('message', onMessage);
      }),
      lost.then((error) => Promise.reject(error)),
    ]);
  const send = (request: PacerThreadRequest) => worker.postMessage(request);
  const started = await next('running', 'failed');
  if (started.kind === 'failed') {
    await worker.terminate();
    throw new PacerStartFailure(started.line);
  }
  let stopped: Promise<void> | undefined;
  return {
    edge: started.edge,
    lost,
    edgeListening: (port) => send({ kind: 'edge listening', port }),
    log: {
      warn: (message) => send({ kind: 'log', level: 'warn', message }),
      error: (message) => send({ kind: 'log', level: 'error', message }),
    },
    stop: () =>
      (stopped ??= (async () => {
        stopping = true;
        const done = next('stopped').catch(() => undefined);
        send({ kind: 'stop' });
        await done;
        await worker.terminate();
      })()),
  };
}
