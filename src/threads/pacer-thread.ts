/**
 * The thread that runs Pacer itself (Bolt's listeners, Prisma, the scheduler) behind the Slack
 * edge of the main thread (src/slack/edge.ts), so the thread that acknowledges Slack never waits
 * on a listener's work. Bolt listens on `workerData.socketPath`, a Unix socket only the edge uses.
 */
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { loadConfig } from '../config.js';
import { runPacer, type RunningPacer } from '../run-pacer.js';
import { pacerLogger, startupFailureLine } from '../startup.js';
import type { PacerThreadData, PacerThreadReport } from './pacer-thread-protocol.js';

const port = parentPort;
if (port === null) throw new Error('pacer-thread.ts runs as a worker thread (see pacer-thread-host.ts)');
const report = (message: PacerThreadReport) => port.postMessage(message);

// The edge's acks come first when both want a core (back to back, /log ack p99 2.5x -> 1.6x the
// bare app's): on Linux a thread's nice value is its own (0 names this thread), and the threads
// this one starts (the database's) inherit it. Other processes on the host come first too.
try {
  setPriority(10);
} catch {
  // Elsewhere (or where lowering is refused) both run at the same priority.
}

const { socketPath, pretty } = workerData as PacerThreadData;
let running: RunningPacer | undefined;
port.on('message', () => {
  void (running?.stop() ?? Promise.resolve()).then(() => report({ kind: 'stopped' }));
});
try {
  const config = loadConfig();
  running = await runPacer(config, pacerLogger(config, pretty), { path: socketPath });
  report({ kind: 'running', data: running.data });
} catch (error) {
  report({ kind: 'failed', line: startupFailureLine(error) });
}
