import { describe, expect, it } from 'vitest';
import { buildTeamSettingsModal } from '../../../blocks/team-settings-modal.js';
import type { SalesTeam } from '../../../src/domain/sales-teams.js';
import { translator } from '../../../src/i18n/index.js';
import { ids, teamSettingsBlock } from '../../../src/slack/ids.js';
import { readTeamSettingsForm, readTeamSettingsTarget } from '../../../src/slack/team-settings-form.js';
import { submittedState } from '../../../src/stand-in/view-state.js';

const east: SalesTeam = {
  id: '00000000-0000-4000-8000-000000000001', name: 'East', channelId: 'C0EAST', digestChannelId: 'C0MGRS', organisedBy: 'segment',
  timeZone: 'Europe/Warsaw', weekStartsOn: 1, estimatesPerQuotaUnit: 3, leadRules: null, managers: [], members: [],
};
const view = buildTeamSettingsModal(translator('en-US'), { team: east, teams: [east] }, { channelId: null });
const f = ids.teamSettingsModal;
const read = (typed: Record<string, string | null> = {}) => readTeamSettingsForm(submittedState(view, typed), east.id);
const errorsOf = (result: ReturnType<typeof read>) =>
  result.ok ? {} : Object.fromEntries(Object.entries(result.errors).map(([block, e]) => [block, e.code]));

describe('the team settings form', () => {
  it('reads back what the modal shows, unchanged', () => {
    expect(read()).toEqual({
      ok: true,
      value: { channelId: 'C0EAST', digestChannelId: 'C0MGRS', organisedBy: 'segment', timeZone: 'Europe/Warsaw', weekStartsOn: 1, estimatesPerQuotaUnit: 3 },
    });
  });

  it('reads changes; an emptied digest or time zone is unset', () => {
    const typed = { channel: 'C0NEW', digest: null, organised_by: 'product', time_zone: ' America/New_York ', week_starts_on: '7', estimates: '2.25' };
    expect(read(typed)).toEqual({
      ok: true,
      value: { channelId: 'C0NEW', digestChannelId: null, organisedBy: 'product', timeZone: 'America/New_York', weekStartsOn: 7, estimatesPerQuotaUnit: 2.25 },
    });
    expect(read({ time_zone: '' })).toMatchObject({ ok: true, value: { timeZone: null } });
  });

  it.each([
    [{ time_zone: 'Mars/Olympus' }, f.timeZone, 'pacer_timezone'],
    [{ time_zone: 'UTC+2' }, f.timeZone, 'pacer_timezone'],
    [{ estimates: '25' }, f.estimates, 'settings_estimates'],
    [{ estimates: '0.2' }, f.estimates, 'settings_estimates'],
    [{ estimates: '2.555' }, f.estimates, 'settings_estimates'],
    [{ estimates: null }, f.estimates, 'settings_estimates'],
    [{ channel: null }, f.channel, 'field_required'],
    [{ channel: 'not-a-channel' }, f.channel, 'field_required'],
    [{ organised_by: 'vibes' }, f.organisedBy, 'pacer_organise'],
    [{ week_starts_on: '8' }, f.weekStartsOn, 'field_required'],
  ])('shows %j under its field', (typed, field, code) => {
    expect(errorsOf(read(typed))).toEqual({ [teamSettingsBlock(field, east.id)]: code });
  });

  it('finds no fields of another team: a form is read for the team it was drawn for', () => {
    const other = readTeamSettingsForm(submittedState(view), '00000000-0000-4000-8000-000000000002');
    expect(other.ok).toBe(false);
  });
});

describe('the settings form’s private_metadata', () => {
  it.each([
    ['{"salesTeamId":"00000000-0000-4000-8000-000000000001","channelId":"C0SALES"}', { salesTeamId: east.id, channelId: 'C0SALES' }],
    ['{"salesTeamId":"00000000-0000-4000-8000-000000000001","channelId":null}', { salesTeamId: east.id, channelId: null }],
    ['{"salesTeamId":"east","channelId":null}', null],
    ['{"salesTeamId":"00000000-0000-4000-8000-000000000001","channelId":"#general"}', null],
    ['not json', null],
    ['', null],
  ])('reads %s', (raw, expected) => {
    expect(readTeamSettingsTarget(raw)).toEqual(expected);
  });
});
