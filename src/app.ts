import { setTimeout } from 'node:timers/promises';
import { ErrorCode, LogLevel, type AnyMiddlewareArgs, type AppOptions, type App, type Installation, type Logger, type Middleware } from '@slack/bolt';
import { ConsoleLogger } from '@slack/logger';
import type { Logger as PinoLogger } from 'pino';
import type { Clock } from './clock.js';
import type { Member } from './domain/members.js';
import { createActivityLog } from './services/activity-log.js';
import { createDataExport } from './services/data-export.js';
import { createActivityCatalogue } from './services/activity-catalogue.js';
import { createGoalBook } from './services/goal-book.js';
import { createGoalOwners } from './services/goal-owners.js';
import { createHomeDashboard } from './services/home-dashboard.js';
import { createLeadBook } from './services/lead-book.js';
import { createKudosBook } from './services/kudos-book.js';
import { createKudosStore } from './store/kudos-store.js';
import { createCheckInBook } from './services/check-in-book.js';
import { createCheckInPosts } from './slack/check-in-posts.js';
import { createCheckInStore } from './store/check-in-store.js';
import { createLeaderboard } from './services/leaderboard.js';
import { createContestBook } from './services/contest-book.js';
import { createContestStore } from './store/contest-store.js';
import { createBadgeStore } from './store/badge-store.js';
import { createBoardStore } from './store/board-store.js';
import { createLeadImports } from './services/lead-import.js';
import { createRoleBook } from './services/role-book.js';
import { createQuotaEstimates } from './services/quota-estimates.js';
import { createTeamDirectory } from './services/team-directory.js';
import { createJobScheduler } from './jobs/index.js';
import type { Scheduler } from './jobs/scheduler.js';
import { isTokenWorkspace, tokenWorkspaceOf, type TokenWorkspace } from './slack/bot-identity.js';
import type { PacerDeps } from './slack/deps.js';
import { adoptInstallerLanguage } from './slack/installer-language.js';
import { botClient, createWorkspaceClients, type WorkspaceClients } from './slack/workspace-clients.js';
import { registerListeners } from './slack/listeners/index.js';
import { createMemberProfiles } from './slack/member-profiles.js';
import { reportUnexpected } from './slack/replies.js';
import { createActivityStore } from './store/activity-store.js';
import { createActivityTypeStore } from './store/activity-type-store.js';
import type { PrismaClient } from './store/generated/client.js';
import { createGoalStore } from './store/goal-store.js';
import { createJobStore } from './store/job-store.js';
import { createLeadImportStore } from './store/lead-import-store.js';
import { createLeadStore } from './store/lead-store.js';
import { isInstallationMissing, type SlackInstallationStore } from './store/installation-store.js';
import { createMemberStore } from './store/member-store.js';
import { createSalesTeamStore } from './store/sales-team-store.js';
import { createWithTransaction } from './store/transaction.js';
import { observedPrisma } from './observability/database.js';
import { boltLogger } from './observability/logger.js';
import { createMetrics, type PacerMetrics } from './observability/metrics.js';
import { countingFailures, ObservedApp } from './observability/observed-app.js';
import { operationsRoutes } from './observability/routes.js';
import { observedFetch } from './observability/slack-calls.js';
import { createSpeakers } from './services/speakers.js';
import { createWorkspaceSettings } from './services/workspace-settings.js';
import { createWorkspaceStore } from './store/workspace-store.js';

export interface RequestRetries {
  retries: number;
  minTimeout?: number;
  maxTimeout?: number;
  factor?: number;
  maxRetryTime?: number;
}

/**
 * A person is waiting on the other end of a slash command or click, so its Slack calls retry a
 * few times within seconds, never for the client's default half hour (10 retries). Scheduled
 * work retries through the outbox instead.
 */
export const requestRetries: RequestRetries = { retries: 3, factor: 2, minTimeout: 300, maxTimeout: 2_000, maxRetryTime: 8_000 };

/** The bot scopes of manifest.yml, asked for by /slack/install. */
export const botScopes = ['commands', 'chat:write', 'chat:write.public', 'users:read', 'users:read.email', 'im:write', 'files:write', 'files:read', 'dnd:read'] as const;

/** Slack's OAuth install: each workspace gets its own bot token, kept in `installationStore`. */
export interface OAuthSettings {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
  installationStore: SlackInstallationStore;
}

interface SlackConnection {
  signingSecret: string;
  /** Set: Socket Mode. Unset: HTTP on /slack/events. */
  appToken?: string | undefined;
  apiUrl?: string | undefined;
  /** A known bot identity (from our own auth.test, or a stand-in's) turns off Bolt's token verification. */
  botId?: string;
  botUserId?: string;
  /**
   * The workspace a single bot token belongs to (auth.test's team_id, enterprise_id and
   * is_enterprise_install): requests from any other are dropped. Unset, one auth.test finds it.
   */
  teamId?: string;
  enterpriseId?: string;
  isEnterpriseInstall?: boolean;
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
  /** Socket Mode: serve /health, /ready and /metrics on this port (over HTTP they sit beside /slack/events). */
  port?: number;
  /** Web API retries on the request path; tests pass { retries: 0 } so an injected 500 fails at once. */
  retryConfig?: RequestRetries;
}

/** One workspace with a fixed bot token, or many installed through OAuth (HTTP only). */
export type SlackSettings = SlackConnection &
  ({ botToken: string; oauth?: undefined } | { botToken?: undefined; oauth: OAuthSettings });

/**
 * `clients` reach Slack outside a request: with none (as `npm run job` and `npm run schedule` build
 * their deps), an admin flag older than a few minutes cannot be checked again, so it grants nothing.
 */
export function createDeps(
  prisma: PrismaClient,
  clock: Clock,
  logger: Logger,
  installations?: SlackInstallationStore,
  clients?: WorkspaceClients,
): PacerDeps {
  const activities = createActivityStore(prisma);
  const goals = createGoalStore(prisma);
  const activityTypes = createActivityTypeStore(prisma, { clock });
  const members = createMemberStore(prisma);
  const teams = createSalesTeamStore(prisma);
  const profiles = createMemberProfiles(members, clock);
  const recheckAdmin = async (member: Member) => {
    try {
      const client = await clients?.clientFor(member.teamId);
      if (!client) throw new Error('Pacer holds no token for the workspace');
      return (await profiles.refresh(client, member.teamId, member.userId)).isAdmin;
    } catch (error) {
      logger.warn(`Could not confirm that ${member.userId} in ${member.teamId} is still a Slack admin; no admin rights until Slack says so`, error instanceof Error ? error.message : error);
      throw error;
    }
  };
  const roles = createRoleBook({ teams, members, clock, recheckAdmin });
  const transaction = createWithTransaction(prisma);
  const owners = createGoalOwners({ teams, members, roles });
  const quotaEstimates = createQuotaEstimates({ goals, teams, activityTypes });
  const services = { activities, goals, activityTypes, clock };
  const activityLog = createActivityLog({ ...services, owners });
  const leads = createLeadStore(prisma);
  const leaderboard = createLeaderboard({ boards: createBoardStore(prisma), badges: createBadgeStore(prisma), goals, members, teams, clock });
  const checkIns = createCheckInStore(prisma);
  const workspaces = createWorkspaceStore(prisma, { clock });
  const speakers = createSpeakers({ activityTypes, workspaces });
  return {
    clock,
    logger,
    activityTypes,
    activityCatalogue: createActivityCatalogue({ activityTypes, roles }),
    profiles,
    activityLog,
    leadBook: createLeadBook({ leads, teams, roles, activityLog, clock, goals }),
    kudos: createKudosBook({ kudos: createKudosStore(prisma), teams, roles, clock }),
    leadImports: createLeadImports({ imports: createLeadImportStore(prisma), leads, members, roles, clock }),
    leads,
    members,
    jobs: createJobStore(prisma),
    checkIns,
    checkInBook: createCheckInBook({ checkIns, teams, roles, clock }),
    checkInPosts: createCheckInPosts({ checkIns, teams, clock, logger, speakers }),
    leaderboard,
    contests: createContestBook({ contests: createContestStore(prisma), boards: createBoardStore(prisma), members, teams, roles, clock }),
    goalBook: createGoalBook({ ...services, owners, quotaEstimates, transaction }),
    teamDirectory: createTeamDirectory({ teams, members, roles, activityTypes, clock, transaction }),
    homeDashboard: createHomeDashboard({ ...services, roles, teams, members, leads, leaderboard }),
    dataExport: createDataExport({ activities, goals, members, teams, roles, leads, checkIns }),
    speakers,
    workspaceSettings: createWorkspaceSettings({ workspaces, roles }),
    ...(installations ? { installations } : {}),
  };
}

const logLevels = { debug: LogLevel.DEBUG, info: LogLevel.INFO, warn: LogLevel.WARN, error: LogLevel.ERROR } as const;

export interface PacerApp {
  app: App;
  deps: PacerDeps;
  /** Scheduled work (nudges, …); started by `npm start`, driven by hand in tests and `npm run job`. */
  scheduler: Scheduler;
  /** What /metrics shows. */
  metrics: PacerMetrics;
  /**
   * Resolves once every listener has finished the work it does after ack(), or after
   * `timeoutMs`. Slack does not resend an acknowledged command, so stopping without
   * this would lose it.
   */
  drain(timeoutMs: number): Promise<void>;
}

/**
 * The token half of Bolt's options. With OAuth there is no token: Bolt's HTTPReceiver serves
 * /slack/install (straight on to Slack's authorize page) and /slack/oauth_redirect, and each
 * request is authorized with its own workspace's installation.
 * https://docs.slack.dev/tools/bolt-js/concepts/authenticating-oauth/
 */
function credentials(slack: SlackSettings, afterInstallation: (installation: Installation) => Promise<void>): Partial<AppOptions> {
  if (slack.oauth) {
    return {
      clientId: slack.oauth.clientId,
      clientSecret: slack.oauth.clientSecret,
      stateSecret: slack.oauth.stateSecret,
      scopes: [...botScopes],
      installationStore: slack.oauth.installationStore,
      installerOptions: {
        installPath: '/slack/install',
        redirectUriPath: '/slack/oauth_redirect',
        directInstall: true,
        callbackOptions: {
          afterInstallation: async (installation) => {
            await afterInstallation(installation);
            return true;
          },
        },
      },
    };
  }
  return {
    token: slack.botToken,
    ...(slack.botId && slack.botUserId ? { botId: slack.botId, botUserId: slack.botUserId, tokenVerificationEnabled: false } : {}),
  };
}

/**
 * With one bot token, Bolt authorizes every signed request with it, whichever workspace sent it
 * (singleAuthorization checks no team): this drops, before any listener, requests from any workspace
 * but the token's, acknowledged so Slack does not retry them. https://docs.slack.dev/tools/bolt-js/concepts/global-middleware
 */
function tokenWorkspaceOnly(home: () => Promise<TokenWorkspace | null>, logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const { context, next } = args;
    const workspace = await home();
    if (workspace && isTokenWorkspace(workspace, context)) {
      await next();
      return;
    }
    if ('ack' in args && typeof args.ack === 'function') await args.ack();
    logger.warn(
      workspace
        ? `Ignored a request from workspace ${context.teamId ?? context.enterpriseId ?? 'unknown'}: this Pacer's bot token belongs to ${workspace.teamId}`
        : 'Ignored a request: could not learn which workspace the bot token belongs to (auth.test failed)',
    );
  };
}

/** What Bolt logs with when given no logger. */
function consoleLogger(): Logger {
  const logger = new ConsoleLogger();
  logger.setName('bolt-app');
  return logger;
}

/**
 * Wiring only: Bolt with its receiver, Pacer's listeners on top of the given database and clock.
 * `logger`: structured lines (src/observability/logger.ts), as `npm start` writes them; without
 * one, Bolt's console logger at `slack.logLevel`.
 */
export function createPacerApp(options: { slack: SlackSettings; prisma: PrismaClient; clock: Clock; logger?: PinoLogger; metrics?: PacerMetrics }): PacerApp {
  const { slack } = options;
  const metrics = options.metrics ?? createMetrics();
  const prisma = observedPrisma(options.prisma, metrics);
  const logger = countingFailures(options.logger ? boltLogger(options.logger) : consoleLogger(), metrics);
  const customRoutes = operationsRoutes({ metrics, databaseAnswers: () => options.prisma.$queryRaw`SELECT 1` });
  const slackFetch = observedFetch(metrics);
  const app: App = new ObservedApp(
    {
      // Runs on an install, long after `deps` below is built.
      ...credentials(slack, (installation) => {
        const token = installation.bot?.token;
        if (!token) return Promise.resolve();
        return adoptInstallerLanguage({ workspaceSettings: deps.workspaceSettings, logger }, installation, botClient(token, { apiUrl: slack.apiUrl, logger, fetch: slackFetch }));
      }),
      signingSecret: slack.signingSecret,
      ...(slack.appToken
        ? { socketMode: true, appToken: slack.appToken, ...(slack.port === undefined ? {} : { port: slack.port, customRoutes }) }
        : { customRoutes }),
      logger,
      // Bolt sets its level on the logger it is given (INFO unless told).
      logLevel: options.logger ? (options.logger.level as LogLevel) : logLevels[slack.logLevel ?? 'info'],
      deferInitialization: true,
      clientOptions: {
        ...(slack.apiUrl ? { slackApiUrl: slack.apiUrl } : {}),
        retryConfig: slack.retryConfig ?? requestRetries,
        fetch: slackFetch,
      },
    },
    metrics,
  );
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
  if (!slack.oauth) {
    let known: TokenWorkspace | null = slack.teamId
      ? { teamId: slack.teamId, ...(slack.enterpriseId ? { enterpriseId: slack.enterpriseId } : {}), ...(slack.isEnterpriseInstall ? { isEnterpriseInstall: true } : {}) }
      : null;
    // Asked once when not given; a failed auth.test is asked again on the next request.
    const home = async () => (known ??= await app.client.auth.test().then(tokenWorkspaceOf, () => null));
    app.use(tokenWorkspaceOnly(home, app.logger));
  }
  const clients = createWorkspaceClients({
    botToken: slack.botToken,
    installations: slack.oauth?.installationStore,
    apiUrl: slack.apiUrl,
    logger: app.logger,
    fetch: slackFetch,
  });
  const deps = createDeps(prisma, options.clock, app.logger, slack.oauth?.installationStore, clients);
  registerListeners(app, deps);
  app.error(async (error) => {
    // A signed request from a workspace with no installation (never installed, or
    // uninstalled): Bolt has already acknowledged it and runs no listener. Not a bug of ours.
    if (error.code === ErrorCode.AuthorizationError && isInstallationMissing(error)) {
      app.logger.warn(`Ignored a request Pacer holds no token for (${error.message})`);
      return;
    }
    reportUnexpected(app.logger, error);
  });
  const drain = async (timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    while (inFlight > 0 && Date.now() < deadline) await setTimeout(10);
  };
  const scheduler = createJobScheduler({ prisma, deps, clients });
  scheduler.observe({ planned: metrics.jobPlanned, planFailed: metrics.jobFailed, delivered: metrics.delivered });
  metrics.outboxDepth(() => options.prisma.outboxMessage.count({ where: { status: 'pending' } }));
  return { app, deps, drain, scheduler, metrics };
}
