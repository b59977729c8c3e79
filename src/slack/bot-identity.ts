import { ErrorCode, WebClient, type WebAPICallError } from '@slack/web-api';
import { StartupError } from '../errors.js';

export interface BotIdentity {
  botId: string;
  botUserId: string;
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
    if (!answer.bot_id || !answer.user_id) {
      throw new StartupError(`SLACK_BOT_TOKEN is not a bot token: Slack's auth.test at ${where} named no bot. Use the Bot User OAuth Token (xoxb-…).`);
    }
    return { botId: answer.bot_id, botUserId: answer.user_id };
  } catch (error) {
    if (error instanceof StartupError) throw error;
    const apiError = error as WebAPICallError;
    if (apiError.code === ErrorCode.PlatformError) {
      throw new StartupError(`Slack refused SLACK_BOT_TOKEN (${apiError.data.error}) at ${where}. Copy the Bot User OAuth Token again from OAuth & Permissions.`);
    }
    throw new StartupError(`Could not reach Slack at ${where} (${apiError.message}). Check the network, or SLACK_API_URL if it is set.`);
  }
}
