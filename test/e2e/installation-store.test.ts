import type { Installation, InstallationQuery } from '@slack/bolt';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createInstallationStore, InstallationMissingError, type SlackInstallationStore } from '../../src/store/installation-store.js';
import { createTestDatabase, testDatabaseAvailable, type TestDatabase } from '../support/test-database.js';

const bot = (token: string) => ({ token, scopes: ['commands', 'chat:write', 'users:read'], id: 'B0BOT', userId: 'U0BOT' });

function workspaceInstall(teamId: string, token: string, enterpriseId?: string): Installation<'v2', false> {
  return {
    team: { id: teamId, name: teamId },
    enterprise: enterpriseId ? { id: enterpriseId } : undefined,
    user: { id: 'U0ADMIN', token: undefined, scopes: undefined },
    bot: bot(token),
    isEnterpriseInstall: false,
    authVersion: 'v2',
    appId: 'A0PACER01',
    tokenType: 'bot',
  };
}

function orgInstall(enterpriseId: string, token: string): Installation<'v2', true> {
  return {
    team: undefined,
    enterprise: { id: enterpriseId, name: 'Org' },
    user: { id: 'U0ADMIN', token: undefined, scopes: undefined },
    bot: bot(token),
    isEnterpriseInstall: true,
    authVersion: 'v2',
    enterpriseUrl: 'https://org.enterprise.slack.com/',
  };
}

const team = (teamId: string, enterpriseId?: string): InstallationQuery<false> => ({ teamId, enterpriseId, isEnterpriseInstall: false });
const org = (enterpriseId: string, teamId?: string): InstallationQuery<boolean> => ({ teamId: teamId as undefined, enterpriseId, isEnterpriseInstall: true });

describe.skipIf(!testDatabaseAvailable())('the installation store', () => {
  let database: TestDatabase;
  let store: SlackInstallationStore;
  beforeAll(async () => {
    database = await createTestDatabase();
    store = createInstallationStore(database.prisma);
  });
  beforeEach(() => database.reset());
  afterAll(() => database?.close());

  const tokenFor = async (query: InstallationQuery<boolean>) => (await store.fetchInstallation(query)).bot?.token;

  it('keeps one installation a workspace; installing again replaces its token', async () => {
    await store.storeInstallation(workspaceInstall('T0ONE', 'xoxb-one-1'));
    await store.storeInstallation(workspaceInstall('T0TWO', 'xoxb-two'));
    await store.storeInstallation(workspaceInstall('T0ONE', 'xoxb-one-2'));
    expect(await tokenFor(team('T0ONE'))).toBe('xoxb-one-2');
    expect(await tokenFor(team('T0TWO'))).toBe('xoxb-two');
    expect(await database.prisma.slackInstallation.count()).toBe(2);
    // What Bolt stored comes back as it was, without the fields it left undefined.
    expect(await store.fetchInstallation(team('T0TWO'))).toEqual({
      team: { id: 'T0TWO', name: 'T0TWO' }, user: { id: 'U0ADMIN' }, bot: bot('xoxb-two'),
      isEnterpriseInstall: false, authVersion: 'v2', appId: 'A0PACER01', tokenType: 'bot',
    });
  });

  it('answers only the exact workspace or org asked for', async () => {
    await store.storeInstallation(workspaceInstall('T0GRID', 'xoxb-grid-team', 'E0ORG'));
    await store.storeInstallation(orgInstall('E0WIDE', 'xoxb-org'));
    expect(await tokenFor(team('T0GRID', 'E0ORG'))).toBe('xoxb-grid-team');
    // An org-wide install serves each of its workspaces, keyed by the enterprise.
    expect(await tokenFor(org('E0WIDE', 'T0ANYWHERE'))).toBe('xoxb-org');
    expect(await database.prisma.slackInstallation.findMany({ select: { key: true, teamId: true, enterpriseId: true }, orderBy: { key: 'asc' } })).toEqual([
      { key: 'EE0WIDE', teamId: null, enterpriseId: 'E0WIDE' },
      { key: 'TT0GRID', teamId: 'T0GRID', enterpriseId: 'E0ORG' },
    ]);
    for (const query of [team('T0NOBODY'), team('T0GRID'), team('T0GRID', 'E0OTHER'), org('E0ORG'), team('T0ANYWHERE', 'E0WIDE')]) {
      await expect(store.fetchInstallation(query), JSON.stringify(query)).rejects.toBeInstanceOf(InstallationMissingError);
    }
  });

  it('removes only the installation asked for, and says how many it removed', async () => {
    await store.storeInstallation(workspaceInstall('T0ONE', 'xoxb-one'));
    await store.storeInstallation(workspaceInstall('T0TWO', 'xoxb-two'));
    await store.storeInstallation(orgInstall('E0WIDE', 'xoxb-org'));
    expect(await store.removeInstallation(team('T0ONE', 'E0SOMEWHERE'))).toBe(0);
    expect(await store.removeInstallation(team('T0NOBODY'))).toBe(0);
    expect(await database.prisma.slackInstallation.count()).toBe(3);
    expect(await store.removeInstallation(team('T0ONE'))).toBe(1);
    expect(await store.removeInstallation(org('E0WIDE'))).toBe(1);
    expect(await store.removeInstallation(org('E0WIDE'))).toBe(0);
    expect((await database.prisma.slackInstallation.findMany()).map((row) => row.key)).toEqual(['TT0TWO']);
  });

  it('reads an empty enterprise id, as Slack sends it outside Enterprise Grid, as none', async () => {
    await store.storeInstallation(workspaceInstall('T0PLAIN', 'xoxb-plain'));
    await store.storeInstallation(workspaceInstall('T0GRID', 'xoxb-grid-team', 'E0ORG'));
    expect(await tokenFor(team('T0PLAIN', ''))).toBe('xoxb-plain');
    // Empty is not a wildcard: a Grid workspace's install still needs its org.
    await expect(store.fetchInstallation(team('T0GRID', ''))).rejects.toBeInstanceOf(InstallationMissingError);
    expect(await store.removeInstallation(team('T0PLAIN', ''))).toBe(1);
    expect(await store.removeInstallation({ teamId: '', enterpriseId: 'E0ORG', isEnterpriseInstall: false })).toBe(0);
    expect((await database.prisma.slackInstallation.findMany()).map((row) => row.key)).toEqual(['TT0GRID']);
  });

  it('reads a query naming an org and no workspace, as an org-level uninstall or revocation does, as the org-wide install', async () => {
    await store.storeInstallation(orgInstall('E0WIDE', 'xoxb-org'));
    await store.storeInstallation(workspaceInstall('T0GRID', 'xoxb-grid-team', 'E0WIDE'));
    // Bolt reads isEnterpriseInstall as false when the envelope has no `authorizations`.
    const orgLevel = { teamId: undefined, enterpriseId: 'E0WIDE', isEnterpriseInstall: false } as const;
    expect(await tokenFor(orgLevel)).toBe('xoxb-org');
    expect(await store.removeInstallation({ ...orgLevel, teamId: '' })).toBe(1);
    await expect(store.fetchInstallation(orgLevel)).rejects.toBeInstanceOf(InstallationMissingError);
    // The org's workspace that installed Pacer on its own keeps it.
    expect(await tokenFor(team('T0GRID', 'E0WIDE'))).toBe('xoxb-grid-team');
  });

  it('refuses a query that names no workspace', async () => {
    await expect(store.fetchInstallation({ teamId: undefined, enterpriseId: undefined, isEnterpriseInstall: true })).rejects.toThrow(/enterprise id/);
    await expect(store.fetchInstallation({ teamId: undefined, enterpriseId: '', isEnterpriseInstall: true })).rejects.toThrow(/enterprise id/);
    await expect(store.fetchInstallation({ teamId: '', enterpriseId: undefined, isEnterpriseInstall: false })).rejects.toThrow(/team id/);
    await expect(store.removeInstallation({ teamId: '', enterpriseId: '', isEnterpriseInstall: false })).rejects.toThrow(/team id/);
  });
});
