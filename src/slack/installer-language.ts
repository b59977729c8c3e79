import type { Installation, Logger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { WorkspaceSettings } from '../services/workspace-settings.js';

/**
 * After an OAuth install, the installer's Slack language becomes the workspace's language for channel
 * posts, unless an admin chose one before (a reinstall changes nothing). An org-wide install has no one
 * workspace, so its workspaces keep English until an admin chooses. Never fails the install: Slack not
 * answering leaves the workspace in English.
 */
export async function adoptInstallerLanguage(
  deps: { workspaceSettings: Pick<WorkspaceSettings, 'adoptInstallerLanguage'>; logger: Logger },
  installation: Pick<Installation, 'team' | 'user'>,
  client: WebClient,
): Promise<void> {
  const teamId = installation.team?.id;
  if (!teamId) return;
  try {
    const { user } = await client.users.info({ user: installation.user.id, include_locale: true });
    if (user?.locale) await deps.workspaceSettings.adoptInstallerLanguage(teamId, user.locale);
  } catch (error) {
    deps.logger.warn(`Could not learn the installer's language in ${teamId}; channel posts stay in English until an admin chooses`, error instanceof Error ? error.message : error);
  }
}
