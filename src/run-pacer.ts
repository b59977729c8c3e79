import type { ListenOptions } from 'node:net';
import type { Logger as PinoLogger } from 'pino';
import type { PacerApp } from './app.js';
import type { PacerDeps } from './slack/deps.js';
import { systemClock } from './clock.js';
import type { Config } from './config.js';
import type { Member } from './domain/members.js';
import { createMetrics } from './observability/metrics.js';
import { openDatabase, parseDatabaseUrl } from './store/database.js';

/** How long a stop waits for commands that were acknowledged but not yet answered. */
const drainMs = 10_000;

export interface RunningPacer {
  /** Where the data is, for the "running" line. */
  data: string;
  /** Finishes work in hand and closes Slack, the scheduler and the database; safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Config → database → Slack → listen on `listen` (Bolt's HTTP server, or in Socket Mode the port
 * of /health, /ready and /metrics), then warm-up and the scheduler. A failure closes what opened.
 */
export async function runPacer(config: Config, logger: PinoLogger, listen: number | ListenOptions): Promise<RunningPacer> {
  // Opening the database (PGlite: ~0.6 s, its WASM compiled off this thread) overlaps loading
  // the rest of Pacer (~0.7 s of modules) and asking Slack who the bot is.
  const opening = openDatabase(config.DATABASE_URL, { command: 'npm start' });
  const loading = loadPacer(config);
  // Awaited once the database is held (so a failure still closes it); a failed open goes first.
  loading.catch(() => undefined);
  const database = await opening;
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
  try {
    const { createPacerApp, createInstallationStore, startAdminEndpoint, identity } = await loading;
    const connection = {
      signingSecret: config.SLACK_SIGNING_SECRET,
      appToken: config.SLACK_APP_TOKEN,
      apiUrl: config.SLACK_API_URL,
      // Socket Mode has no HTTP server of its own: this one serves /health, /ready and /metrics.
      ...(config.SLACK_APP_TOKEN ? { port: config.PORT } : {}),
    };
    pacer = createPacerApp({
      slack: config.oauth
        ? // Many workspaces: no token to check at start; each arrives through /slack/oauth_redirect.
          { ...connection, oauth: { ...config.oauth, installationStore: createInstallationStore(database.prisma) } }
        : { ...connection, botToken: config.SLACK_BOT_TOKEN, ...identity },
      prisma: database.prisma,
      clock: systemClock,
      logger,
      metrics: createMetrics({ processMetrics: true }),
    });
    if (config.oauth && config.SLACK_BOT_TOKEN) {
      pacer.app.logger.warn('SLACK_BOT_TOKEN is ignored: with the OAuth variables set, each workspace installs Pacer at /slack/install.');
    }
    await pacer.app.init();
    // Bolt's App.start passes its argument on to the receiver's start (a port or listen options).
    await (pacer.app.start as (listen: number | ListenOptions) => Promise<unknown>)(listen);
    await warmUp(pacer.deps);
    // Scheduled work starts once Slack can reach us; its first tick makes up runs missed while down.
    pacer.scheduler.start();
    const location = parseDatabaseUrl(config.DATABASE_URL);
    if (location.kind === 'pglite' && location.folder !== null) admin = await startAdminEndpoint(pacer.scheduler, location.folder, systemClock);
    return { data: database.describe, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Prisma loads its query compiler (WASM, ~150 ms) at the first query and compiles each query shape
 * once (~40 ms of this thread each): pay for both before Pacer says it runs (the edge acknowledges
 * meanwhile), not on the first command, with the reads a `/log` makes for nobody, in its order (its
 * rep, their open leads, then their Home). A failure only leaves those shapes cold.
 */
async function warmUp(deps: PacerDeps): Promise<void> {
  const nobody: Member = { teamId: '', userId: '', name: '', timeZone: 'UTC', locale: 'en-US', isAdmin: false, refreshedAt: new Date(0) };
  for (const read of [() => deps.members.find('', ''), () => deps.leadBook.reachable(nobody, 'own'), () => deps.homeDashboard.snapshot(nobody)]) {
    await read().catch(() => undefined);
  }
}

/** The modules behind the app, and the bot token's identity (auth.test) when there is one token. */
async function loadPacer(config: Config) {
  const [{ createPacerApp }, { createInstallationStore }, { startAdminEndpoint }, { identifyBot }] = await Promise.all([
    import('./app.js'),
    import('./store/installation-store.js'),
    import('./jobs/admin-endpoint.js'),
    import('./slack/bot-identity.js'),
  ]);
  const identity = config.oauth ? {} : await identifyBot(config.SLACK_BOT_TOKEN, config.SLACK_API_URL);
  return { createPacerApp, createInstallationStore, startAdminEndpoint, identity };
}
