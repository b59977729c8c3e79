import type { Server } from 'node:http';
import { config as readDotEnv } from 'dotenv';
import { createPacerApp, type PacerApp } from './app.js';
import { systemClock } from './clock.js';
import { loadConfig } from './config.js';
import { PacerError, StartupError } from './errors.js';
import { identifyBot } from './slack/bot-identity.js';
import { openDatabase } from './store/database.js';

/** How long a stop waits for commands that were acknowledged but not yet answered. */
const drainMs = 10_000;

/** `npm start`: config → database → Slack → listen; SIGTERM finishes work in hand and closes everything. */
async function main(): Promise<void> {
  readDotEnv({ quiet: true });
  const config = loadConfig();
  const database = await openDatabase(config.DATABASE_URL, { command: 'npm start' });
  let pacer: PacerApp | undefined;
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await pacer?.app.stop().catch(() => undefined);
      await pacer?.drain(drainMs);
      await database.close();
    })());
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => void stop().then(() => process.exit(0)));
  }
  try {
    const bot = await identifyBot(config.SLACK_BOT_TOKEN, config.SLACK_API_URL);
    pacer = createPacerApp({
      slack: {
        botToken: config.SLACK_BOT_TOKEN,
        signingSecret: config.SLACK_SIGNING_SECRET,
        appToken: config.SLACK_APP_TOKEN,
        apiUrl: config.SLACK_API_URL,
        logLevel: config.LOG_LEVEL,
        ...bot,
      },
      prisma: database.prisma,
      clock: systemClock,
    });
    await pacer.app.init();
    const started = await pacer.app.start(config.PORT);
    const where = config.SLACK_APP_TOKEN
      ? 'in Socket Mode'
      : `on http://localhost:${portOf(started) ?? config.PORT}/slack/events`;
    pacer.app.logger.info(`Pacer is running ${where}, data in ${database.describe}`);
  } catch (error) {
    await stop();
    throw error;
  }
}

function portOf(started: unknown): number | undefined {
  const address = (started as Partial<Server> | undefined)?.address?.();
  return typeof address === 'object' && address ? address.port : undefined;
}

main().catch((error: unknown) => {
  if (error instanceof StartupError || error instanceof PacerError) {
    console.error(error.message);
  } else {
    console.error('Pacer could not start:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
