import type { Server } from 'node:http';
import { config as readDotEnv } from 'dotenv';
import { createPacerApp } from './app.js';
import { systemClock } from './clock.js';
import { ConfigError, loadConfig } from './config.js';
import { PacerError } from './errors.js';
import { openDatabase } from './store/database.js';

/** `npm start`: config → database → Bolt → listen; SIGTERM closes everything cleanly. */
async function main(): Promise<void> {
  readDotEnv({ quiet: true });
  const config = loadConfig();
  const database = await openDatabase(config.DATABASE_URL, { command: 'npm start' });
  let stopping: Promise<void> | undefined;
  const stop = (app?: { stop(): Promise<unknown> }) =>
    (stopping ??= (async () => {
      await app?.stop().catch(() => undefined);
      await database.close();
    })());
  try {
    const { app } = createPacerApp({
      slack: {
        botToken: config.SLACK_BOT_TOKEN,
        signingSecret: config.SLACK_SIGNING_SECRET,
        appToken: config.SLACK_APP_TOKEN,
        apiUrl: config.SLACK_API_URL,
        logLevel: config.LOG_LEVEL,
      },
      prisma: database.prisma,
      clock: systemClock,
    });
    await app.init();
    const started = await app.start(config.PORT);
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.once(signal, () => void stop(app).then(() => process.exit(0)));
    }
    const where = config.SLACK_APP_TOKEN
      ? 'in Socket Mode'
      : `on http://localhost:${portOf(started) ?? config.PORT}/slack/events`;
    app.logger.info(`Pacer is running ${where}, data in ${database.describe}`);
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
  if (error instanceof ConfigError || error instanceof PacerError) {
    console.error(error.message);
  } else {
    console.error('Pacer could not start:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
