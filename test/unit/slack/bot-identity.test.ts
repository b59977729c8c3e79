import { describe, expect, it } from 'vitest';
import { isTokenWorkspace, tokenWorkspaceOf } from '../../../src/slack/bot-identity.js';

describe('isTokenWorkspace', () => {
  const workspace = { teamId: 'T0HOME' };
  const inGrid = { teamId: 'T0HOME', enterpriseId: 'E0ORG' };
  const orgWide = { teamId: 'E0ORG', enterpriseId: 'E0ORG', isEnterpriseInstall: true };
  it.each([
    ['its own workspace', workspace, { teamId: 'T0HOME' }, true],
    ['another workspace', workspace, { teamId: 'T0OTHER' }, false],
    ['no workspace named', workspace, {}, false],
    ['a workspace of a Grid org: its own', inGrid, { teamId: 'T0HOME', enterpriseId: 'E0ORG' }, true],
    ['a workspace of a Grid org: another of the same org', inGrid, { teamId: 'T0SISTER', enterpriseId: 'E0ORG' }, false],
    ['an org-wide install: any workspace of the org', orgWide, { teamId: 'T0SISTER', enterpriseId: 'E0ORG' }, true],
    ['an org-wide install: another org', orgWide, { teamId: 'T0ELSE', enterpriseId: 'E0ELSE' }, false],
  ] as const)('%s', (_what, home, from, own) => {
    expect(isTokenWorkspace(home, from)).toBe(own);
  });
});

describe('tokenWorkspaceOf', () => {
  it('reads auth.test’s answer', () => {
    expect(tokenWorkspaceOf({ team_id: 'T0HOME' })).toEqual({ teamId: 'T0HOME' });
    expect(tokenWorkspaceOf({ team_id: 'T0HOME', enterprise_id: 'E0ORG', is_enterprise_install: false })).toEqual({ teamId: 'T0HOME', enterpriseId: 'E0ORG' });
    expect(tokenWorkspaceOf({ team_id: 'E0ORG', enterprise_id: 'E0ORG', is_enterprise_install: true })).toEqual({ teamId: 'E0ORG', enterpriseId: 'E0ORG', isEnterpriseInstall: true });
    expect(tokenWorkspaceOf({})).toBeNull();
  });
});
