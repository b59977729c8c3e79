import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import { Prisma, type PrismaClient } from './generated/client.js';

/**
 * Bolt's installation store, with a removal that says how many it removed (0 when none answered
 * the query), for uninstalls and revoked tokens. Bolt's own optional `deleteInstallation` is typed
 * to resolve to nothing and Bolt 5 never calls it, so it is left out rather than kept twice.
 */
export interface SlackInstallationStore extends InstallationStore {
  removeInstallation(query: InstallationQuery<boolean>): Promise<number>;
  /**
   * Bot tokens that may serve a workspace in work no request started (jobs): its own install (a
   * plain or a Grid workspace install, whatever its org), and every org-wide install, one of which
   * may cover it (the caller asks Slack which).
   */
  botTokens(teamId: string): Promise<{ workspace: string | null; orgs: { enterpriseId: string; token: string }[] }>;
}

/** Where one install lives: a row key plus the ids that must match the query exactly. */
interface InstallationScope {
  key: string;
  teamId: string | null;
  enterpriseId: string | null;
}

/**
 * Outside Enterprise Grid Slack still sends the field, empty: `enterprise_id=` in a slash
 * command's form, `"enterprise_id": ""` in an event envelope. An empty id is no id.
 */
const idOrNull = (id: string | undefined): string | null => (id === undefined || id === '' ? null : id);

/**
 * An org-wide install (Enterprise Grid) serves every workspace of the org, so it is keyed by
 * the enterprise; any other install by its workspace. No fallback from one to the other:
 * a workspace of an org that installed Pacer only in another workspace is not authorized.
 * A query naming an enterprise and no workspace is about the org install too: that is how an
 * org-level app_uninstalled or tokens_revoked arrives (top-level `enterprise_id`, no `team_id`,
 * no `authorizations`, so Bolt reads `isEnterpriseInstall` as false).
 * https://docs.slack.dev/enterprise-grid/developing-for-enterprise-grid/
 */
export function installationScope(query: InstallationQuery<boolean>): InstallationScope {
  const enterpriseId = idOrNull(query.enterpriseId);
  const teamId = idOrNull(query.teamId);
  if (query.isEnterpriseInstall || (teamId === null && enterpriseId !== null)) {
    if (enterpriseId === null) throw new Error('An org-wide installation query needs an enterprise id');
    return { key: `E${enterpriseId}`, teamId: null, enterpriseId };
  }
  if (teamId === null) throw new Error('An installation query needs a team id');
  return { key: `T${teamId}`, teamId, enterpriseId };
}

function scopeOf(installation: Installation): InstallationScope {
  const { isEnterpriseInstall, enterprise, team } = installation;
  // Never let a workspace install that lost its team id be keyed as its org's.
  if (isEnterpriseInstall !== true && !team?.id) throw new Error('A workspace installation needs a team id');
  return installationScope({ isEnterpriseInstall: isEnterpriseInstall === true, enterpriseId: enterprise?.id, teamId: team?.id });
}

/** No installation answers the query: never installed there, or uninstalled since. */
export class InstallationMissingError extends Error {
  override name = 'InstallationMissingError';
}

/** True when `error` (or one it wraps, as Bolt's AuthorizationError does) is an InstallationMissingError. */
export function isInstallationMissing(error: unknown): boolean {
  let cause = error;
  for (let depth = 0; depth < 5 && cause instanceof Error; depth += 1) {
    if (cause instanceof InstallationMissingError) return true;
    cause = 'original' in cause ? cause.original : cause.cause;
  }
  return false;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Slack's tokens for each workspace (or org) that installed Pacer through /slack/install. */
export function createInstallationStore(db: PrismaClient): SlackInstallationStore {
  const where = (scope: InstallationScope) => ({ key: scope.key, teamId: scope.teamId, enterpriseId: scope.enterpriseId });
  return {
    async storeInstallation(installation) {
      const scope = scopeOf(installation);
      // JSON drops the undefined fields Bolt leaves in place (user.token without user scopes…).
      const stored = JSON.parse(JSON.stringify(installation)) as Prisma.InputJsonValue;
      await db.slackInstallation.upsert({
        where: { key: scope.key },
        create: { ...scope, installation: stored },
        update: { teamId: scope.teamId, enterpriseId: scope.enterpriseId, installation: stored },
      });
    },

    async fetchInstallation(query) {
      const scope = installationScope(query);
      const row = await db.slackInstallation.findFirst({ where: where(scope), select: { installation: true } });
      // Bolt turns this into an AuthorizationError: no listener runs for that request.
      if (!row || !isRecord(row.installation)) throw new InstallationMissingError(`No installation of Pacer for ${scope.key}`);
      // Written by storeInstallation from Bolt's own Installation object.
      return row.installation as unknown as Installation;
    },

    async botTokens(teamId) {
      const rows = await db.slackInstallation.findMany({
        where: { OR: [{ teamId }, { teamId: null, enterpriseId: { not: null } }] },
        select: { teamId: true, enterpriseId: true, installation: true },
      });
      const tokenOf = (installation: Prisma.JsonValue) => {
        const bot = isRecord(installation) && isRecord(installation.bot) ? installation.bot.token : undefined;
        return typeof bot === 'string' ? bot : null;
      };
      const own = rows.find((row) => row.teamId === teamId);
      return {
        workspace: own ? tokenOf(own.installation) : null,
        orgs: rows.flatMap((row) => (row.teamId === null && row.enterpriseId ? [{ enterpriseId: row.enterpriseId, token: tokenOf(row.installation) }] : [])).filter(
          (org): org is { enterpriseId: string; token: string } => org.token !== null,
        ),
      };
    },

    async removeInstallation(query) {
      const { count } = await db.slackInstallation.deleteMany({ where: where(installationScope(query)) });
      return count;
    },
  };
}
