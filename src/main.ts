import type { Server } from 'node:http';
import { config as readDotEnv } from 'dotenv';
import { createPacerApp, type PacerApp } from './app.js';
import { systemClock } from './clock.js';
import { loadConfig } from './config.js';
import { PacerError, StartupError } from './errors.js';
import { identifyBot } from './slack/bot-identity.js';
import { startAdminEndpoint } from './jobs/admin-endpoint.js';
import { openDatabase, parseDatabaseUrl } from './store/database.js';
import { createInstallationStore } from './store/installation-store.js';

/** How long a stop waits for commands that were acknowledged but not yet answered. */
const drainMs = 10_000;

/** `npm start`: config → database → Slack → listen; SIGTERM finishes work in hand and closes everything. */
async function main(): Promise<void> {
  readDotEnv({ quiet: true });
  const config = loadConfig();
  const database = await openDatabase(config.DATABASE_URL, { command: 'npm start' });
  let pacer: PacerApp | undefined;
  let admin: { close(): Promise<void> } | undefined;
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await pacer?.app.stop().catch(() => undefined);
      await admin?.close();
      await pacer?.scheduler.stop();
      await pacer?.drain(drainMs);
      await database.close();
    })());
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => void stop().then(() => process.exit(0)));
  }
  try {
    const connection = {
      signingSecret: config.SLACK_SIGNING_SECRET,
      appToken: config.SLACK_APP_TOKEN,
      apiUrl: config.SLACK_API_URL,
      logLevel: config.LOG_LEVEL,
    };
    pacer = createPacerApp({
      slack: config.oauth
        ? // Many workspaces: no token to check at start; each arrives through /slack/oauth_redirect.
          { ...connection, oauth: { ...config.oauth, installationStore: createInstallationStore(database.prisma) } }
        : { ...connection, botToken: config.SLACK_BOT_TOKEN, ...(await identifyBot(config.SLACK_BOT_TOKEN, config.SLACK_API_URL)) },
      prisma: database.prisma,
      clock: systemClock,
    });
    if (config.oauth && config.SLACK_BOT_TOKEN) {
      pacer.app.logger.warn('SLACK_BOT_TOKEN is ignored: with the OAuth variables set, each workspace installs Pacer at /slack/install.');
    }
    await pacer.app.init();
    const started = await pacer.app.start(config.PORT);
    const base = `http://localhost:${portOf(started) ?? config.PORT}`;
    const where = config.SLACK_APP_TOKEN
      ? 'in Socket Mode'
      : `on ${base}/slack/events${config.oauth ? `, installs at ${base}/slack/install` : ''}`;
    pacer.app.logger.info(`Pacer is running ${where}, data in ${database.describe}`);
    // Scheduled work starts once Slack can reach us; its first tick makes up runs missed while down.
    pacer.scheduler.start();
    const location = parseDatabaseUrl(config.DATABASE_URL);
    if (location.kind === 'pglite' && location.folder !== null) admin = await startAdminEndpoint(pacer.scheduler, location.folder, systemClock);
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
