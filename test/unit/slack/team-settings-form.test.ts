import { describe, expect, it } from 'vitest';
import { buildTeamSettingsModal } from '../../../blocks/team-settings-modal.js';
import { defaultActivityTypes } from '../../../src/domain/activity-types.js';
import type { SalesTeam } from '../../../src/domain/sales-teams.js';
import { defaultBoardSchedule, defaultDigestSchedule } from '../../../src/domain/team-schedules.js';
import { translator } from '../../../src/i18n/index.js';
import { ids, teamSettingsBlock } from '../../../src/slack/ids.js';
import { readTeamSettingsForm, readTeamSettingsTarget, readWorkspaceVoiceForm } from '../../../src/slack/team-settings-form.js';
import { submittedState } from '../../../src/stand-in/view-state.js';

const east: SalesTeam = {
  id: '00000000-0000-4000-8000-000000000001', name: 'East', channelId: 'C0EAST', digestChannelId: 'C0MGRS', organisedBy: 'segment',
  timeZone: 'Europe/Warsaw', weekStartsOn: 1, estimatesPerQuotaUnit: 3, leadRules: null,
  board: defaultBoardSchedule, ranking: { by: 'points' }, digest: defaultDigestSchedule, managers: [], members: [],
};
/** Referrals are switched off in this workspace. */
const types = defaultActivityTypes.map((t) => (t.key === 'referral' ? { ...t, active: false } : t));
const view = buildTeamSettingsModal(translator('en-US', types), { team: east, teams: [east] }, types, { channelId: null });
const f = ids.teamSettingsModal;
const read = (typed: Record<string, string | null> = {}) => readTeamSettingsForm(submittedState(view, typed), east.id, types);
const asShown = {
  channelId: 'C0EAST', digestChannelId: 'C0MGRS', organisedBy: 'segment', timeZone: 'Europe/Warsaw', weekStartsOn: 1, estimatesPerQuotaUnit: 3,
  board: defaultBoardSchedule, ranking: { by: 'points' }, digest: defaultDigestSchedule,
};
const errorsOf = (result: ReturnType<typeof read>) =>
  result.ok ? {} : Object.fromEntries(Object.entries(result.errors).map(([block, e]) => [block, e.code]));

describe('the team settings form', () => {
  it('reads estimates written with the reader’s decimal comma', () => {
    expect(readTeamSettingsForm(submittedState(view, { estimates: '2,5' }), east.id, types, ',')).toMatchObject({ ok: true, value: { estimatesPerQuotaUnit: 2.5 } });
    expect(errorsOf(read({ estimates: '2,5' }))).toEqual({ [teamSettingsBlock(f.estimates, east.id)]: 'settings_estimates' });
  });

  it('holds the workspace’s language and currency only when an admin opens it', () => {
    expect(readWorkspaceVoiceForm(submittedState(view))).toBeNull();
    const admins = buildTeamSettingsModal(translator('en-US', types), { team: east, teams: [east] }, types, { channelId: null }, { language: 'pl', currency: 'PLN' });
    const readVoice = (typed: Record<string, string | null> = {}) => readWorkspaceVoiceForm(submittedState(admins, typed));
    expect(readVoice()).toEqual({ ok: true, value: { language: 'pl', currency: 'PLN' } });
    expect(readVoice({ language: 'German', currency: ' usd ' })).toEqual({ ok: true, value: { language: 'de', currency: 'USD' } });
    expect(readVoice({ currency: '' })).toEqual({ ok: true, value: { language: 'pl', currency: null } });
    for (const given of ['ABC', 'none', 'EU']) {
      expect(readVoice({ currency: given })).toMatchObject({ ok: false, errors: { [f.currency.block]: expect.objectContaining({ code: 'settings_currency' }) } });
    }
    // The rest of the form reads as before.
    expect(readTeamSettingsForm(submittedState(admins), east.id, types)).toEqual({ ok: true, value: asShown });
  });

  it('reads back what the modal shows, unchanged', () => {
    expect(read()).toEqual({ ok: true, value: asShown });
  });

  it('reads a team’s own schedules and ranking back unchanged, an off-grid time among them', () => {
    const own: SalesTeam = {
      ...east,
      board: { enabled: false, weekday: 5, at: '16:15' },
      ranking: { by: 'metric', metric: 'demo' },
      digest: { weekly: { enabled: false, weekday: 3, at: '07:00' }, dailyAt: '17:45' },
    };
    const shown = buildTeamSettingsModal(translator('en-US', types), { team: own, teams: [own] }, types, { channelId: null });
    expect(readTeamSettingsForm(submittedState(shown), east.id, types)).toEqual({
      ok: true, value: { ...asShown, board: own.board, ranking: own.ranking, digest: own.digest },
    });
  });

  it('reads the board, its ranking and the digests as changed', () => {
    const typed = { board_on: 'no', board_day: 'Tuesday', board_at: '10:00', ranking: 'By calls', digest_on: 'no', digest_day: '5', digest_at: '16:00', digest_daily: '17:00' };
    expect(read(typed)).toEqual({
      ok: true,
      value: {
        ...asShown,
        board: { enabled: false, weekday: 2, at: '10:00' },
        ranking: { by: 'metric', metric: 'call' },
        digest: { weekly: { enabled: false, weekday: 5, at: '16:00' }, dailyAt: '17:00' },
      },
    });
    expect(read({ ranking: 'goal', digest_daily: 'off' })).toMatchObject({ ok: true, value: { ranking: { by: 'goal' }, digest: { dailyAt: null } } });
    expect(read({ ranking: 'metric:revenue' })).toMatchObject({ ok: true, value: { ranking: { by: 'metric', metric: 'revenue' } } });
  });

  it('reads changes; an emptied digest or time zone is unset', () => {
    const typed = { channel: 'C0NEW', digest: null, organised_by: 'product', time_zone: ' America/New_York ', week_starts_on: '7', estimates: '2.25' };
    expect(read(typed)).toEqual({
      ok: true,
      value: { ...asShown, channelId: 'C0NEW', digestChannelId: null, organisedBy: 'product', timeZone: 'America/New_York', weekStartsOn: 7, estimatesPerQuotaUnit: 2.25 },
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
    [{ board_day: '0' }, f.boardDay, 'field_required'],
    [{ board_at: '25:00' }, f.boardAt, 'field_required'],
    [{ board_at: '9am' }, f.boardAt, 'field_required'],
    [{ board_at: null }, f.boardAt, 'field_required'],
    [{ digest_day: null }, f.digestDay, 'field_required'],
    [{ digest_at: '08:61' }, f.digestAt, 'field_required'],
    [{ digest_daily: 'never' }, f.digestDaily, 'field_required'],
    [{ ranking: 'metric:referral' }, f.ranking, 'pacer_ranking'],
    [{ ranking: 'metric:bogus' }, f.ranking, 'pacer_ranking'],
    [{ ranking: 'calls' }, f.ranking, 'pacer_ranking'],
    [{ ranking: null }, f.ranking, 'pacer_ranking'],
  ])('shows %j under its field', (typed, field, code) => {
    expect(errorsOf(read(typed))).toEqual({ [teamSettingsBlock(field, east.id)]: code });
  });

  it('refuses a forged ranking naming the metrics it may rank by', () => {
    const result = read({ ranking: 'metric:referral' });
    expect(result.ok ? null : result.errors[teamSettingsBlock(f.ranking, east.id)]?.vars).toEqual({
      given: 'referral', metrics: 'points, goal, revenue, call, email, meeting, demo, estimate, proposal, deal, lost',
    });
  });

  it('finds no fields of another team: a form is read for the team it was drawn for', () => {
    const other = readTeamSettingsForm(submittedState(view), '00000000-0000-4000-8000-000000000002', types);
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
