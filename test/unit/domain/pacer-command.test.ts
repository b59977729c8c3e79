import { describe, expect, it } from 'vitest';
import { parsePacerCommand } from '../../../src/domain/pacer-command.js';
import { mayAdminister, mayManageRep, mayRunTeam, maySeeTeam, type Roles } from '../../../src/domain/roles.js';
import type { PacerError } from '../../../src/errors.js';

describe('parsePacerCommand', () => {
  it.each([
    ['', { action: 'help' }],
    ['help', { action: 'help' }],
    ['team list', { action: 'team.list' }],
    ['team create East <#C0EAST|sales-east>', { action: 'team.create', name: 'East', channelId: 'C0EAST' }],
    ['team create "North East" <#C0NE>', { action: 'team.create', name: 'North East', channelId: 'C0NE' }],
    ['team East', { action: 'team.show', team: 'East' }],
    ['team East manager <@U0MIA|mia>', { action: 'team.managers', team: 'East', userIds: ['U0MIA'] }],
    ['team East add <@U0RITA> <@U0BOB> <@U0RITA>', { action: 'team.add', team: 'East', userIds: ['U0RITA', 'U0BOB'] }],
    ['team East remove <@U0BOB>', { action: 'team.remove', team: 'East', userIds: ['U0BOB'] }],
    ['team East digest <#C0MGRS|east-managers>', { action: 'team.configure', team: 'East', settings: { digestChannelId: 'C0MGRS' } }],
    ['team East organise product', { action: 'team.configure', team: 'East', settings: { organisedBy: 'product' } }],
    ['team East organize segment', { action: 'team.configure', team: 'East', settings: { organisedBy: 'segment' } }],
    ['team East timezone Europe/Warsaw', { action: 'team.configure', team: 'East', settings: { timeZone: 'Europe/Warsaw' } }],
    ['team East week sunday', { action: 'team.configure', team: 'East', settings: { weekStartsOn: 7 } }],
    ['settings', { action: 'settings.open', team: null }],
    ['settings East', { action: 'settings.open', team: 'East' }],
    ['settings "North East"', { action: 'settings.open', team: 'North East' }],
    ['team East settings', { action: 'settings.open', team: 'East' }],
    ['member <@U0RITA> territory North West', { action: 'member.set', userId: 'U0RITA', field: 'territory', value: 'North West' }],
    ['member <@U0RITA> product none', { action: 'member.set', userId: 'U0RITA', field: 'productLine', value: null }],
    ['admin <@U0MIA>', { action: 'admin.name', userId: 'U0MIA' }],
    ['admin add <@U0MIA>', { action: 'admin.name', userId: 'U0MIA' }],
    ['admin remove <@U0MIA|mia>', { action: 'admin.remove', userId: 'U0MIA' }],
    ['export activities', { action: 'export', request: { kind: 'activities', from: null, to: null, team: null } }],
    ['export goals 2026-11-01', { action: 'export', request: { kind: 'goals', from: '2026-11-01', to: null, team: null } }],
    ['export activities 2026-11-01 2026-11-30 team "North East"', { action: 'export', request: { kind: 'activities', from: '2026-11-01', to: '2026-11-30', team: 'North East' } }],
    ['export activities team East', { action: 'export', request: { kind: 'activities', from: null, to: null, team: 'East' } }],
    ['export leads', { action: 'export', request: { kind: 'leads', from: null, to: null, team: null } }],
    ['export checkins', { action: 'export', request: { kind: 'checkins', from: null, to: null, team: null } }],
  ])('reads "%s"', (text, expected) => {
    expect(parsePacerCommand(text)).toEqual(expected);
  });

  it.each([
    ['dance', 'pacer_unknown'],
    ['team create East #sales-east', 'channel_not_link'],
    ['team create East', 'channel_not_link'],
    ['team East add @rita', 'user_not_mention'],
    ['team East add', 'user_not_mention'],
    ['team East manager rita', 'user_not_mention'],
    ['team East organise vibes', 'pacer_organise'],
    ['team East timezone Mars/Olympus', 'pacer_timezone'],
    ['team East timezone UTC+2', 'pacer_timezone'],
    ['team East week someday', 'pacer_week'],
    ['team East fly', 'pacer_team_verb'],
    ['settings North East', 'pacer_team_name'],
    ['team !!! add <@U1>', 'pacer_team_name'],
    ['member <@U0RITA> mood happy', 'pacer_member_field'],
    ['member <@U0RITA> territory', 'pacer_member_value'],
    ['export', 'pacer_export_kind'],
    ['export deals', 'pacer_export_kind'],
    ['export activities 2026-13-01', 'pacer_export_dates_invalid'],
    ['export activities yesterday', 'pacer_export_dates_invalid'],
    ['export activities team East 2026-11-01', 'pacer_export_dates_invalid'],
    ['export goals team', 'pacer_team_name'],
    ['admin remove', 'user_not_mention'],
    ['admin remove rita', 'user_not_mention'],
    [`team East add ${Array.from({ length: 51 }, (_, i) => `<@U0P${i}>`).join(' ')}`, 'user_too_many'],
    [`team East remove ${Array.from({ length: 51 }, (_, i) => `<@U0P${i}>`).join(' ')}`, 'user_too_many'],
  ])('refuses "%s" with %s', (text, code) => {
    expect(() => parsePacerCommand(text)).toThrow(expect.objectContaining({ code }) as PacerError);
  });
});

it('takes up to 50 people in one command', () => {
  const fifty = Array.from({ length: 50 }, (_, i) => `<@U0P${i}>`);
  expect(parsePacerCommand(`team East add ${fifty.join(' ')}`)).toMatchObject({ action: 'team.add', userIds: fifty.map((m) => m.slice(2, -1)) });
});

describe('roles', () => {
  const roles = (over: Partial<Roles>): Roles => ({ userId: 'U0X', isAdmin: false, manages: [], memberOf: [], ...over });
  const rita = { userId: 'U0RITA', memberOf: ['east'] };
  const table: [string, Roles, boolean, boolean, boolean, boolean][] = [
    // who, roles, administer, run East, manage Rita (East), see East
    ['admin', roles({ isAdmin: true }), true, true, true, true],
    ['East manager', roles({ manages: ['east'] }), false, true, true, true],
    ['West manager', roles({ manages: ['west'] }), false, false, false, false],
    ['East rep', roles({ memberOf: ['east'] }), false, false, false, true],
    ['Rita herself', roles({ userId: 'U0RITA', memberOf: ['east'] }), false, false, true, true],
    ['outsider', roles({}), false, false, false, false],
  ];
  it.each(table)('%s', (_who, actor, administer, run, manage, see) => {
    expect([mayAdminister(actor), mayRunTeam(actor, 'east'), mayManageRep(actor, rita), maySeeTeam(actor, 'east')]).toEqual([administer, run, manage, see]);
  });
});
