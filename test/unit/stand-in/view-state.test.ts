import { describe, expect, it } from 'vitest';
import { buildActivityTypeForm } from '../../../blocks/activity-types-modal.js';
import { buildTeamSettingsModal } from '../../../blocks/team-settings-modal.js';
import { defaultActivityTypes } from '../../../src/domain/activity-types.js';
import type { SalesTeam } from '../../../src/domain/sales-teams.js';
import { defaultBoardSchedule, defaultDigestSchedule } from '../../../src/domain/team-schedules.js';
import { translator } from '../../../src/i18n/index.js';
import { ids, teamSettingsBlock } from '../../../src/slack/ids.js';
import { submittedState } from '../../../src/stand-in/view-state.js';

const tr = translator('en-US');
const demo = defaultActivityTypes.find((t) => t.key === 'demo');
const east: SalesTeam = {
  id: '00000000-0000-4000-8000-000000000001', name: 'East', channelId: 'C0EAST', digestChannelId: null, organisedBy: 'segment',
  timeZone: null, weekStartsOn: 1, estimatesPerQuotaUnit: 3, leadRules: null,
  board: defaultBoardSchedule, ranking: { by: 'points' }, digest: defaultDigestSchedule, managers: [], members: [],
};
const typeForm = buildActivityTypeForm(tr, demo ?? null);
const addForm = buildActivityTypeForm(tr, null);
const settings = buildTeamSettingsModal(tr, { team: east, teams: [east] }, defaultActivityTypes, { channelId: null });
const f = ids.activityTypeForm;
const s = ids.teamSettingsModal;

describe('what Slack sends when a form is submitted', () => {
  it('every input holds its initial value: text, number, checkboxes, channel, select', () => {
    expect(submittedState(typeForm)).toEqual({
      [f.label.block]: { label: { type: 'plain_text_input', value: 'demo' } },
      [f.plural.block]: { plural: { type: 'plain_text_input', value: 'demos' } },
      [f.aliases.block]: { aliases: { type: 'plain_text_input', value: 'demos, presentation, presentations' } },
      [f.points.block]: { points: { type: 'number_input', value: '4' } },
      [f.countLimit.block]: { count_limit: { type: 'number_input', value: '20' } },
      [f.dailyPointsCap.block]: { daily_points_cap: { type: 'number_input', value: null } },
      [f.active.block]: { active: { type: 'checkboxes', selected_options: [expect.objectContaining({ value: 'active' })] } },
    });
    expect(submittedState(settings)).toMatchObject({
      [teamSettingsBlock(s.channel, east.id)]: { channel: { type: 'conversations_select', selected_conversation: 'C0EAST' } },
      [teamSettingsBlock(s.digest, east.id)]: { digest: { type: 'conversations_select', selected_conversation: null } },
      [teamSettingsBlock(s.timeZone, east.id)]: { time_zone: { value: null } },
      [teamSettingsBlock(s.organisedBy, east.id)]: { organised_by: { selected_option: { value: 'segment', text: { text: 'Segment' } } } },
    });
  });

  it('typed values replace them; null empties a field', () => {
    const state = submittedState(typeForm, { label: 'Showcase', plural: null, active: 'no' });
    expect(state[f.label.block]).toEqual({ label: { type: 'plain_text_input', value: 'Showcase' } });
    expect(state[f.plural.block]).toEqual({ plural: { type: 'plain_text_input', value: null } });
    expect(state[f.active.block]).toEqual({ active: { type: 'checkboxes', selected_options: [] } });
    expect(submittedState(settings, { channel: 'C0NEW' })[teamSettingsBlock(s.channel, east.id)]).toEqual({ channel: { type: 'conversations_select', selected_conversation: 'C0NEW' } });
  });

  it('a select takes an option’s value or its text; checkboxes take yes or option values', () => {
    const weekStart = (typed: string) => submittedState(settings, { week_starts_on: typed })[teamSettingsBlock(s.weekStartsOn, east.id)]?.week_starts_on?.selected_option;
    expect(weekStart('sunday')).toEqual({ text: { type: 'plain_text', text: 'Sunday' }, value: '7' });
    expect(weekStart('7')).toEqual(weekStart('Sunday'));
    expect(submittedState(addForm, { unit: 'money' })[f.unit.block]?.unit?.selected_option?.value).toBe('money');
    expect(submittedState(addForm, { active: 'yes' })[f.active.block]?.active?.selected_options).toMatchObject([{ value: 'active' }]);
    expect(submittedState(addForm, { active: 'active' })[f.active.block]?.active?.selected_options).toMatchObject([{ value: 'active' }]);
  });
});
