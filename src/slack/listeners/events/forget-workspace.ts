import type { AllMiddlewareArgs, Context, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackInstallationStore } from '../../../store/installation-store.js';
import type { PacerDeps } from '../../deps.js';
import { reportUnexpected } from '../../replies.js';

type ForgetArgs<Event extends 'app_uninstalled' | 'tokens_revoked'> = SlackEventMiddlewareArgs<Event> & AllMiddlewareArgs;

/**
 * Bolt runs these two events without authorizing them (the tokens are already dead), so the
 * workspace comes from the envelope, as Bolt reads it into the context. An org-level one names
 * only the enterprise; the store reads that as the org-wide install.
 * https://docs.slack.dev/reference/events/app_uninstalled
 */
async function forget(installations: SlackInstallationStore, deps: PacerDeps, context: Context): Promise<void> {
  const where = `workspace ${context.teamId || '-'}, org ${context.enterpriseId || '-'}`;
  try {
    const removed = await installations.removeInstallation({
      teamId: context.teamId,
      enterpriseId: context.enterpriseId,
      isEnterpriseInstall: context.isEnterpriseInstall === true,
    });
    // Uninstalling sends tokens_revoked and app_uninstalled both: the second finds nothing left.
    if (removed > 0) deps.logger.info(`Forgot the installation of ${where}`);
    else deps.logger.debug(`No installation to forget for ${where}`);
  } catch (error) {
    // Slack does not resend an acknowledged event: log it with a reference for the operator.
    reportUnexpected(deps.logger, error);
  }
}

/** Pacer was removed from a workspace (or org): its bot token is revoked, so drop it. */
export function appUninstalled(installations: SlackInstallationStore, deps: PacerDeps) {
  return async ({ context }: ForgetArgs<'app_uninstalled'>) => forget(installations, deps, context);
}

/**
 * Tokens were revoked. Pacer asks for no user scopes, so only a revoked bot token matters:
 * without it the installation can serve nobody.
 * https://docs.slack.dev/reference/events/tokens_revoked
 */
export function tokensRevoked(installations: SlackInstallationStore, deps: PacerDeps) {
  return async ({ event, context }: ForgetArgs<'tokens_revoked'>) => {
    if ((event.tokens.bot ?? []).length > 0) await forget(installations, deps, context);
  };
}
