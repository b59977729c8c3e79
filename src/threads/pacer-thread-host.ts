import type { Worker } from 'node:worker_threads';
import { StartupError } from '../errors.js';
import { spawnModuleWorker } from './module-worker.js';
import type { PacerThreadData, PacerThreadReport } from './pacer-thread-protocol.js';

export interface PacerThread {
  /** Where the data is, for the "running" line. */
  data: string;
  /** Asks the thread to finish its work in hand and close everything, then ends it. */
  stop(): Promise<void>;
  /** Resolves, with why, if the thread fails or ends without being asked to: Pacer cannot go on without it. */
  lost: Promise<Error>;
}

/** Starts Pacer in a thread of its own, listening on `data.socketPath`; a failed start rejects with its one line. */
export function startPacerThread(data: PacerThreadData): Promise<PacerThread> {
  const worker: Worker = spawnModuleWorker(
    { compiled: new URL('./pacer-thread.js', import.meta.url), source: new URL('./pacer-thread.ts', import.meta.url) },
    { workerData: data },
  );
  let stopping = false;
  const reports = (kind: PacerThreadReport['kind']) =>
    new Promise<PacerThreadReport>((resolve, reject) => {
      const onMessage = (report: PacerThreadReport) => {
        if (report.kind !== kind && !(kind === 'running' && report.kind === 'failed')) return;
        worker.off('message', onMessage);
        resolve(report);
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new StartupError(`Pacer's thread ended (exit code ${code})`)));
    });
  const lost = new Promise<Error>((resolve) => {
    worker.once('error', resolve);
    worker.once('exit', (code) => stopping || resolve(new Error(`Pacer's thread ended (exit code ${code})`)));
  });
  return reports('running').then(async (report) => {
    if (report.kind !== 'running') {
      await worker.terminate();
      throw new StartupError(report.kind === 'failed' ? report.line : 'Pacer could not start');
    }
    let stopped: Promise<void> | undefined;
    return {
      data: report.data,
      lost,
      stop: () =>
        (stopped ??= (async () => {
          stopping = true;
          const done = reports('stopped').catch(() => undefined);
          worker.postMessage('stop');
          await done;
          await worker.terminate();
        })()),
    };
  });
}
