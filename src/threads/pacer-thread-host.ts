import type { Worker } from 'node:worker_threads';
import { spawnModuleWorker } from './module-worker.js';
import type { EdgeSettings, PacerThreadData, PacerThreadReport, PacerThreadRequest } from './pacer-thread-protocol.js';

export interface PacerThread {
  /** Once the thread has read the configuration: over HTTP, what the edge needs; null in Socket Mode. */
  configured: Promise<EdgeSettings | null>;
  /** Once Pacer listens and is warm. */
  running: Promise<void>;
  /** Tells Pacer's thread the edge listens, so it says where Pacer is running. */
  edgeListening(port: number): void;
  /** Writes a line to Pacer's log (JSON in production), from the edge. */
  log: { warn(message: string): void; error(message: string): void };
  /** Once the start is over (run or failed): finishes the work in hand, closes everything and ends the thread. */
  stop(): Promise<void>;
  /** Resolves, with why, if the thread fails or ends without being asked to: Pacer cannot go on without it. */
  lost: Promise<Error>;
}

/** Why Pacer did not start, as the lines to print (the configuration's problems, a refused token, …). */
export class PacerStartFailure extends Error {}

/** Starts Pacer in a thread of its own, which reads the configuration; a failed start rejects `configured` or `running` with a PacerStartFailure. */
export function startPacerThread(data: PacerThreadData): PacerThread {
  const worker: Worker = spawnModuleWorker(
    { compiled: new URL('./pacer-thread.js', import.meta.url), source: new URL('./pacer-thread.ts', import.meta.url) },
    { workerData: data },
  );
  let stopping = false;
  const lost = new Promise<Error>((resolve) => {
    worker.once('error', resolve);
    worker.once('exit', (code) => stopping || resolve(new Error(`Pacer's thread ended (exit code ${code})`)));
  });
  /** The next report of one of `kinds`; a failed start or a lost thread rejects. */
  const next = <K extends PacerThreadReport['kind']>(...kinds: K[]) =>
    Promise.race([
      new Promise<Extract<PacerThreadReport, { kind: K }>>((resolve, reject) => {
        const onMessage = (report: PacerThreadReport) => {
          if (report.kind === 'failed') reject(new PacerStartFailure(report.line));
          else if (!(kinds as string[]).includes(report.kind)) return;
          else resolve(report as Extract<PacerThreadReport, { kind: K }>);
          worker.off('message', onMessage);
        };
        worker.on('message', onMessage);
      }),
      lost.then((error) => Promise.reject(error)),
    ]);
  const send = (request: PacerThreadRequest) => worker.postMessage(request);
  const configured = next('configured').then((report) => report.edge);
  const running = configured.then(() => next('running')).then(() => undefined);
  let stopped: Promise<void> | undefined;
  return {
    configured,
    running,
    lost,
    edgeListening: (port) => send({ kind: 'edge listening', port }),
    log: {
      warn: (message) => send({ kind: 'log', level: 'warn', message }),
      error: (message) => send({ kind: 'log', level: 'error', message }),
    },
    stop: () =>
      (stopped ??= running.then(
        async () => {
          stopping = true;
          const done = next('stopped').catch(() => undefined);
          send({ kind: 'stop' });
          await done;
          await worker.terminate();
        },
        async () => {
          stopping = true;
          await worker.terminate();
        },
      )),
  };
}
