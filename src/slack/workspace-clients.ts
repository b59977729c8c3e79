import { WebClient, type Logger } from '@slack/web-api';
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
}

/**
 * The outbox owns retries (it keeps Retry-After and backoff in the database, so a restart keeps
 * them), so these clients neither retry nor wait out a 429 themselves.
 */
export function createWorkspaceClients(options: WorkspaceClientOptions): WorkspaceClients {
  const clients = new Map<string, WebClient>();
  const clientWith = (token: string): WebClient => {
    let client = clients.get(token);
    if (!client) {
      client = new WebClient(token, {
        ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
        ...(options.logger ? { logger: options.logger } : {}),
        retryConfig: { retries: 0 },
        rejectRateLimitedCalls: true,
        timeout: 30_000,
      });
      clients.set(token, client);
    }
    return client;
  };
  return {
    async clientFor(teamId) {
      if (options.botToken) return clientWith(options.botToken);
      if (!options.installations) return null;
      try {
        const installation = await options.installations.fetchInstallation({ teamId, enterpriseId: undefined, isEnterpriseInstall: false });
        const token = installation.bot?.token;
        return token ? clientWith(token) : null;
      } catch {
        return null;
      }
    },
  };
}
