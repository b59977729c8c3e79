import { setTimeout } from 'node:timers/promises';
import { App, LogLevel, type Logger } from '@slack/bolt';
import type { Clock } from './clock.js';
import { createActivityLog } from './services/activity-log.js';
import { createGoalBook } from './services/goal-book.js';
import { createHomeDashboard } from './services/home-dashboard.js';
import type { PacerDeps } from './slack/deps.js';
import { registerListeners } from './slack/listeners/index.js';
import { createMemberProfiles } from './slack/member-profiles.js';
import { reportUnexpected } from './slack/replies.js';
import { createActivityStore } from './store/activity-store.js';
import { createActivityTypeStore } from './store/activity-type-store.js';
import type { PrismaClient } from './store/generated/client.js';
import { createGoalStore } from './store/goal-store.js';
import { createMemberStore } from './store/member-store.js';

export interface SlackSettings {
  botToken: string;
  signingSecret: string;
  /** Set: Socket Mode. Unset: HTTP on /slack/events. */
  appToken?: string | undefined;
  apiUrl?: string | undefined;
  /** A known bot identity (from our own auth.test, or a stand-in's) turns off Bolt's token verification. */
  botId?: string;
  botUserId?: string;
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
  /** Web API retries; tests pass { retries: 0 } so an injected 500 does not wait half an hour. */
  retryConfig?: { retries: number; minTimeout?: number; maxTimeout?: number; factor?: number };
}

export function createDeps(prisma: PrismaClient, clock: Clock, logger: Logger): PacerDeps {
  const activities = createActivityStore(prisma);
  const goals = createGoalStore(prisma);
  const activityTypes = createActivityTypeStore(prisma, { clock });
  const services = { activities, goals, activityTypes, clock };
  return {
    clock,
    logger,
    activityTypes,
    profiles: createMemberProfiles(createMemberStore(prisma), clock),
    activityLog: createActivityLog(services),
    goalBook: createGoalBook(services),
    homeDashboard: createHomeDashboard(services),
  };
}

const logLevels = { debug: LogLevel.DEBUG, info: LogLevel.INFO, warn: LogLevel.WARN, error: LogLevel.ERROR } as const;

export interface PacerApp {
  app: App;
  deps: PacerDeps;
  /**
   * Resolves once every listener has finished the work it does after ack(), or after
   * `timeoutMs`. Slack does not resend an acknowledged command, so stopping without
   * this would lose it.
   */
  drain(timeoutMs: number): Promise<void>;
}

/** Wiring only: Bolt with its receiver, Pacer's listeners on top of the given database and clock. */
export function createPacerApp(options: { slack: SlackSettings; prisma: PrismaClient; clock: Clock }): PacerApp {
  const { slack } = options;
  const app = new App({
    token: slack.botToken,
    signingSecret: slack.signingSecret,
    ...(slack.appToken
      ? { socketMode: true, appToken: slack.appToken }
      : { customRoutes: [{ path: '/health', method: ['GET'], handler: (_req, res) => res.writeHead(200).end('ok') }] }),
    ...(slack.botId && slack.botUserId
      ? { botId: slack.botId, botUserId: slack.botUserId, tokenVerificationEnabled: false }
      : {}),
    logLevel: logLevels[slack.logLevel ?? 'info'],
    deferInitialization: true,
    clientOptions: {
      ...(slack.apiUrl ? { slackApiUrl: slack.apiUrl } : {}),
      ...(slack.retryConfig ? { retryConfig: slack.retryConfig } : {}),
    },
  });
  // Bolt resolves a global middleware's next() once the listeners are done.
  let inFlight = 0;
  app.use(async ({ next }) => {
    inFlight += 1;
    try {
      await next();
    } finally {
      inFlight -= 1;
    }
  });
  const deps = createDeps(options.prisma, options.clock, app.logger);
  registerListeners(app, deps);
  app.error(async (error) => {
    reportUnexpected(app.logger, error);
  });
  const drain = async (timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    while (inFlight > 0 && Date.now() < deadline) await setTimeout(10);
  };
  return { app, deps, drain };
}
