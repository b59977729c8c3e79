import { setTimeout } from 'node:timers/promises';
import { App, ErrorCode, LogLevel, type AppOptions, type Logger } from '@slack/bolt';
import type { Clock } from './clock.js';
import { createActivityLog } from './services/activity-log.js';
import { createDataExport } from './services/data-export.js';
import { createActivityCatalogue } from './services/activity-catalogue.js';
import { createGoalBook } from './services/goal-book.js';
import { createGoalOwners } from './services/goal-owners.js';
import { createHomeDashboard } from './services/home-dashboard.js';
import { createLeadBook } from './services/lead-book.js';
import { createLeadImports } from './services/lead-import.js';
import { createRoleBook } from './services/role-book.js';
import { createQuotaEstimates } from './services/quota-estimates.js';
import { createTeamDirectory } from './services/team-directory.js';
import { createJobScheduler } from './jobs/index.js';
import type { Scheduler } from './jobs/scheduler.js';
import type { PacerDeps } from './slack/deps.js';
import { createWorkspaceClients } from './slack/workspace-clients.js';
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

/** The bot scopes of manifest.yml, asked for by /slack/install. */
export const botScopes = ['commands', 'chat:write', 'users:read', 'users:read.email', 'im:write', 'files:write', 'files:read', 'dnd:read'] as const;

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
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
  /** Web API retries; tests pass { retries: 0 } so an injected 500 does not wait half an hour. */
  retryConfig?: { retries: number; minTimeout?: number; maxTimeout?: number; factor?: number };
}

/** One workspace with a fixed bot token, or many installed through OAuth (HTTP only). */
export type SlackSettings = SlackConnection &
  ({ botToken: string; oauth?: undefined } | { botToken?: undefined; oauth: OAuthSettings });

export function createDeps(
  prisma: PrismaClient,
  clock: Clock,
  logger: Logger,
  installations?: SlackInstallationStore,
): PacerDeps {
  const activities = createActivityStore(prisma);
  const goals = createGoalStore(prisma);
  const activityTypes = createActivityTypeStore(prisma, { clock });
  const members = createMemberStore(prisma);
  const teams = createSalesTeamStore(prisma);
  const roles = createRoleBook(teams);
  const owners = createGoalOwners({ teams, members, roles });
  const quotaEstimates = createQuotaEstimates({ goals, teams, activityTypes });
  const services = { activities, goals, activityTypes, clock };
  const activityLog = createActivityLog({ ...services, owners });
  const leads = createLeadStore(prisma);
  return {
    clock,
    logger,
    activityTypes,
    activityCatalogue: createActivityCatalogue({ activityTypes, roles }),
    profiles: createMemberProfiles(members, clock),
    activityLog,
    leadBook: createLeadBook({ leads, teams, roles, activityLog, clock, goals }),
    leadImports: createLeadImports({ imports: createLeadImportStore(prisma), leads, members, roles, clock }),
    leads,
    members,
    jobs: createJobStore(prisma),
    goalBook: createGoalBook({ ...services, owners, quotaEstimates }),
    teamDirectory: createTeamDirectory({ teams, members, roles, quotaEstimates }),
    homeDashboard: createHomeDashboard({ ...services, roles, teams, members, leads }),
    dataExport: createDataExport({ activities, goals, members, teams, roles, leads }),
    ...(installations ? { installations } : {}),
  };
}

const logLevels = { debug: LogLevel.DEBUG, info: LogLevel.INFO, warn: LogLevel.WARN, error: LogLevel.ERROR } as const;

export interface PacerApp {
  app: App;
  deps: PacerDeps;
  /** Scheduled work (nudges, …); started by `npm start`, driven by hand in tests and `npm run job`. */
  scheduler: Scheduler;
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
function credentials(slack: SlackSettings): Partial<AppOptions> {
  if (slack.oauth) {
    return {
      clientId: slack.oauth.clientId,
      clientSecret: slack.oauth.clientSecret,
      stateSecret: slack.oauth.stateSecret,
      scopes: [...botScopes],
      installationStore: slack.oauth.installationStore,
      installerOptions: { installPath: '/slack/install', redirectUriPath: '/slack/oauth_redirect', directInstall: true },
    };
  }
  return {
    token: slack.botToken,
    ...(slack.botId && slack.botUserId ? { botId: slack.botId, botUserId: slack.botUserId, tokenVerificationEnabled: false } : {}),
  };
}

/** Wiring only: Bolt with its receiver, Pacer's listeners on top of the given database and clock. */
export function createPacerApp(options: { slack: SlackSettings; prisma: PrismaClient; clock: Clock }): PacerApp {
  const { slack } = options;
  const app = new App({
    ...credentials(slack),
    signingSecret: slack.signingSecret,
    ...(slack.appToken
      ? { socketMode: true, appToken: slack.appToken }
      : { customRoutes: [{ path: '/health', method: ['GET'], handler: (_req, res) => res.writeHead(200).end('ok') }] }),
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
  const deps = createDeps(options.prisma, options.clock, app.logger, slack.oauth?.installationStore);
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
  const clients = createWorkspaceClients({
    botToken: slack.botToken,
    installations: slack.oauth?.installationStore,
    apiUrl: slack.apiUrl,
    logger: app.logger,
  });
  const scheduler = createJobScheduler({ prisma: options.prisma, deps, clients });
  return { app, deps, drain, scheduler };
}
