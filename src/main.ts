import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { config as readDotEnv } from 'dotenv';
import type { Logger as PinoLogger } from 'pino';
import { loadConfig, type Config } from './config.js';
import { wantsPrettyLogs } from './observability/logger.js';
import { startSlackEdge } from './slack/edge.js';
import { pacerLogger, startupFailureLine } from './startup.js';
import { startPacerThread } from './threads/pacer-thread-host.js';

/** How long a stop waits for requests taken but not yet handed to Pacer's thread. */
const handOnMs = 10_000;

interface Started {
  where: string;
  data: string;
  stop(): Promise<void>;
}

/**
 * `npm start`: config → Pacer → listen; SIGTERM finishes work in hand and closes everything.
 * Over HTTP, this thread only takes Slack's requests and acknowledges them (src/slack/edge.ts);
 * Pacer runs in a thread of its own. Socket Mode acknowledges on its socket, so Pacer runs here.
 */
async function main(): Promise<void> {
  readDotEnv({ quiet: true });
  const config = loadConfig();
  const pretty = wantsPrettyLogs(config.NODE_ENV);
  const logger = pacerLogger(config, pretty);
  const starting = config.SLACK_APP_TOKEN ? inThisThread(config, logger) : behindEdge(config, logger, pretty);
  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= starting.then((started) => started.stop(), () => undefined));
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => void stop().then(() => process.exit(0)));
  }
  const started = await starting;
  logger.info(`Pacer is running ${started.where}, data in ${started.data}`);
}

async function inThisThread(config: Config, logger: PinoLogger): Promise<Started> {
  const { runPacer } = await import('./run-pacer.js');
  const running = await runPacer(config, logger, config.PORT);
  return { where: `in Socket Mode, metrics on http://localhost:${config.PORT}/metrics`, data: running.data, stop: running.stop };
}

async function behindEdge(config: Config, logger: PinoLogger, pretty: boolean): Promise<Started> {
  const socketPath = join(tmpdir(), `pacer-${process.pid}-${randomUUID().slice(0, 8)}.sock`);
  const pacer = await startPacerThread({ socketPath, pretty });
  const edge = await startSlackEdge({ port: config.PORT, signingSecret: config.SLACK_SIGNING_SECRET, upstream: socketPath, logger }).catch(async (error: unknown) => {
    await pacer.stop();
    throw error;
  });
  void pacer.lost.then((error) => {
    logger.error(`Pacer's thread failed: ${error.message}`);
    process.exit(1);
  });
  const base = `http://localhost:${edge.port}`;
  return {
    where: `on ${base}/slack/events${config.oauth ? `, installs at ${base}/slack/install` : ''}`,
    data: pacer.data,
    async stop() {
      await edge.close(handOnMs);
      await pacer.stop();
    },
  };
}

main().catch((error: unknown) => {
  console.error(startupFailureLine(error));
  process.exit(1);
});
