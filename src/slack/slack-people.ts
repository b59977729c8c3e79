import { ErrorCode, type WebAPIPlatformError, type WebClient } from '@slack/web-api';
import { PacerError } from '../errors.js';
import type { SlackPeople } from '../services/lead-import.js';
import type { MemberProfiles } from './member-profiles.js';

function platformError(error: unknown): string | null {
  const coded = error as Partial<WebAPIPlatformError> | null;
  return typeof error === 'object' && coded?.code === ErrorCode.PlatformError ? (coded.data?.error ?? null) : null;
}

/** The people an import's owner column names, as this workspace's Slack knows them. */
export function slackPeople(profiles: MemberProfiles, client: WebClient, teamId: string): SlackPeople {
  return {
    async byId(userId) {
      try {
        // Through the profiles, so a rep found this way is known by name next time.
        return (await profiles.get(client, teamId, userId)).userId;
      } catch (error) {
        if (error instanceof PacerError) return null;
        throw error;
      }
    },
    async byEmail(email) {
      try {
        // https://docs.slack.dev/reference/methods/users.lookupByEmail (scope users:read.email)
        const { user } = await client.users.lookupByEmail({ email });
        return user?.id && !user.deleted && !user.is_bot ? user.id : null;
      } catch (error) {
        const code = platformError(error);
        if (code === 'users_not_found') return null;
        if (code === 'missing_scope') throw new PacerError('import_email_scope');
        throw error;
      }
    },
  };
}
