/**
 * The thread that runs Pacer itself (configuration, Bolt's listeners, Prisma, the scheduler), so
 * that over HTTP the main thread's edge (src/slack/edge.ts) acknowledges Slack without ever waiting
 * on a listener's work. Bolt listens on `workerData.socketPath`, a Unix socket only the edge uses;
 * in Socket Mode it holds the socket to Slack and serves PORT itself.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { config as readDotEnv } from 'dotenv';
import { loadConfig } from '../config.js';
import { wantsPrettyLogs } from '../observability/logger.js';
import { runPacer, type RunningPacer } from '../run-pacer.js';
import { pacerLogger, startupFailureLine } from '../startup.js';
import { lowerThisThreadPriority, pacerThreadNice } from './thread-priority.js';
import type { PacerThreadData, PacerThreadReport, PacerThreadRequest } from './pacer-thread-protocol.js';

const port = parentPort;
if (port === null) throw new Error('pacer-thread.ts runs as a worker thread (see pacer-thread-host.ts)');
const report = (message: PacerThreadReport) => port.postMessage(message);

// The edge's acks come first when both want a core (back to back, /log ack p99 2.5x -> 1.6x the
// bare app's). Other processes on the host come first too.
lowerThisThreadPriority(pacerThreadNice);

const { socketPath, stdoutIsTTY } = workerData as PacerThreadData;
try {
  readDotEnv({ quiet: true });
  const config = loadConfig();
  const logger = pacerLogger(config, wantsPrettyLogs(config.NODE_ENV, { isTTY: stdoutIsTTY }));
  const socketMode = config.SLACK_APP_TOKEN !== undefined;
  // Over HTTP the edge starts listening now: Slack's requests are acknowledged while Pacer starts,
  // and handed on once it runs.
  report({ kind: 'configured', edge: socketMode ? null : { port: config.PORT, signingSecret: config.SLACK_SIGNING_SECRET } });
  let running: RunningPacer | undefined;
  port.on('message', (request: PacerThreadRequest) => {
    if (request.kind === 'stop') {
      void (running?.stop() ?? Promise.resolve()).then(() => report({ kind: 'stopped' }));
    } else if (request.kind === 'log') {
      logger[request.level](request.message);
    } else {
      const base = `http://localhost:${request.port}`;
      logger.info(`Pacer is running on ${base}/slack/events${config.oauth ? `, installs at ${base}/slack/install` : ''}, data in ${running?.data}`);
    }
  });
  running = await runPacer(config, logger, socketMode ? config.PORT : { path: socketPath });
  if (socketMode) logger.info(`Pacer is running in Socket Mode, metrics on http://localhost:${config.PORT}/metrics, data in ${running.data}`);
  report({ kind: 'running' });
} catch (error) {
  report({ kind: 'failed', line: startupFailureLine(error) });
}
