import { ErrorCode, WebClient, type WebAPICallError } from '@slack/web-api';
import { StartupError } from '../errors.js';

/** The workspace (or Enterprise Grid org) a bot token belongs to, as auth.test names it. */
export interface TokenWorkspace {
  teamId: string;
  enterpriseId?: string;
  /** An org-wide install: its token serves every workspace of `enterpriseId`. */
  isEnterpriseInstall?: boolean;
}

export interface BotIdentity extends TokenWorkspace {
  botId: string;
  botUserId: string;
}

/** Where a request came from, as Bolt reads it off the payload. */
export interface RequestSource {
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
}

/**
 * Whether a request comes from the workspace a single bot token belongs to. Slack signs requests
 * with the app's secret, not the workspace's, so a request from another workspace (an app
 * distributed, a Slack Connect channel) verifies too, and Bolt would answer it with this token.
 */
export function isTokenWorkspace(home: TokenWorkspace, from: RequestSource): boolean {
  if (home.isEnterpriseInstall) return home.enterpriseId !== undefined && from.enterpriseId === home.enterpriseId;
  return from.teamId === home.teamId;
}

/** What auth.test answers, as far as the token's workspace goes. */
export function tokenWorkspaceOf(answer: { team_id?: string; enterprise_id?: string; is_enterprise_install?: boolean }): TokenWorkspace | null {
  if (!answer.team_id) return null;
  return {
    teamId: answer.team_id,
    ...(answer.enterprise_id ? { enterpriseId: answer.enterprise_id } : {}),
    ...(answer.is_enterprise_install ? { isEnterpriseInstall: true } : {}),
  };
}

/**
 * Checks the bot token once at start with a short retry budget. Bolt's own check uses
 * the client's default retries (about 30 minutes on a network error), so a wrong
 * SLACK_API_URL or no network would look like a hang.
 */
export async function identifyBot(token: string, apiUrl: string | undefined): Promise<BotIdentity> {
  const client = new WebClient(token, {
    ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
    retryConfig: { retries: 2, minTimeout: 500, maxTimeout: 2000 },
  });
  const where = apiUrl ?? 'https://slack.com/api/';
  try {
    const answer = await client.auth.test();
    const workspace = tokenWorkspaceOf(answer);
    if (!answer.bot_id || !answer.user_id || !workspace) {
      throw new StartupError(`SLACK_BOT_TOKEN is not a bot token: Slack's auth.test at ${where} named no bot. Use the Bot User OAuth Token (xoxb-…).`);
    }
    return { botId: answer.bot_id, botUserId: answer.user_id, ...workspace };
  } catch (error) {
    if (error instanceof StartupError) throw error;
    const apiError = error as WebAPICallError;
    if (apiError.code === ErrorCode.PlatformError) {
      throw new StartupError(`Slack refused SLACK_BOT_TOKEN (${apiError.data.error}) at ${where}. Copy the Bot User OAuth Token again from OAuth & Permissions.`);
    }
    throw new StartupError(`Could not reach Slack at ${where} (${apiError.message}). Check the network, or SLACK_API_URL if it is set.`);
  }
}
