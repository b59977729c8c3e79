import { WebClient, type FetchFunction, type Logger } from '@slack/web-api';
import type { SlackInstallationStore } from '../store/installation-store.js';

/** A Web API client per workspace for work nobody asked for in a request (jobs), over the same tokens Bolt uses. */
export interface WorkspaceClients {
  /** The workspace's client; null when Pacer holds no token for it (never installed, or uninstalled). */
  clientFor(teamId: string): Promise<WebClient | null>;
}

export interface WorkspaceClientOptions {
  /** One workspace's bot token; unset with OAuth installs. */
  botToken?: string | undefined;
  installations?: SlackInstallationStore | undefined;
  apiUrl?: string | undefined;
  logger?: Logger;
  /** What the clients call Slack through: the app's counted and timed fetch, so jobs' calls reach /metrics too. */
  fetch?: FetchFunction;
}

/**
 * A client for one bot token, for work outside a request. The outbox owns retries (it keeps
 * Retry-After and backoff in the database, so a restart keeps them), so it neither retries nor
 * waits out a 429 itself.
 */
export function botClient(token: string, options: Omit<WorkspaceClientOptions, 'botToken' | 'installations'>): WebClient {
  return new WebClient(token, {
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 30_000,
  });
}

export function createWorkspaceClients(options: WorkspaceClientOptions): WorkspaceClients {
  const clients = new Map<string, WebClient>();
  const clientWith = (token: string): WebClient => {
    let client = clients.get(token);
    if (!client) {
      client = botClient(token, options);
      clients.set(token, client);
    }
    return client;
  };
  /** Which workspaces each org-wide install covers, as auth.teams.list said (learned once a process). */
  const orgWorkspaces = new Map<string, Promise<Set<string>>>();
  const workspacesOf = (org: { enterpriseId: string; token: string }): Promise<Set<string>> => {
    let known = orgWorkspaces.get(org.enterpriseId);
    if (!known) {
      known = listOrgWorkspaces(clientWith(org.token)).catch((error: unknown) => {
        orgWorkspaces.delete(org.enterpriseId);
        options.logger?.warn(`auth.teams.list failed for org ${org.enterpriseId}`, error instanceof Error ? error.message : error);
        return new Set<string>();
      });
      orgWorkspaces.set(org.enterpriseId, known);
    }
    return known;
  };
  return {
    async clientFor(teamId) {
      if (options.botToken) return clientWith(options.botToken);
      if (!options.installations) return null;
      const tokens = await options.installations.botTokens(teamId);
      if (tokens.workspace) return clientWith(tokens.workspace);
      for (const org of tokens.orgs) if ((await workspacesOf(org)).has(teamId)) return clientWith(org.token);
      return null;
    },
  };
}

/** Every workspace of an org where its org-wide install is present (https://docs.slack.dev/reference/methods/auth.teams.list). */
async function listOrgWorkspaces(client: WebClient): Promise<Set<string>> {
  const teams = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await client.auth.teams.list({ limit: 1000, ...(cursor ? { cursor } : {}) });
    for (const team of page.teams ?? []) if (team.id) teams.add(team.id);
    cursor = page.response_metadata?.next_cursor || undefined;
  } while (cursor);
  return teams;
}
