import { describe, expect, it } from 'vitest';
import { buildActivityTypeForm, buildActivityTypesModal } from '../../../blocks/activity-types-modal.js';
import { buildTeamSettingsModal } from '../../../blocks/team-settings-modal.js';
import { defaultActivityTypes } from '../../../src/domain/activity-types.js';
import type { SalesTeam } from '../../../src/domain/sales-teams.js';
import { defaultBoardSchedule, defaultDigestSchedule } from '../../../src/domain/team-schedules.js';
import { translator } from '../../../src/i18n/index.js';
import { renderBlocks } from '../../../src/console/render-text.js';
import { ids } from '../../../src/slack/ids.js';

const tr = translator('en-US');
const team = (id: string, name: string, channelId: string): SalesTeam => ({
  id, name, channelId, digestChannelId: null, organisedBy: 'segment', timeZone: null, weekStartsOn: 1, estimatesPerQuotaUnit: 3, leadRules: null,
  board: defaultBoardSchedule, ranking: { by: 'points' }, digest: defaultDigestSchedule, managers: [], members: [],
});
const east = team('00000000-0000-4000-8000-000000000001', 'East', 'CSALESEAST');
const west = team('00000000-0000-4000-8000-000000000002', 'West', 'CSALESWEST');
const names = new Map([['CSALESEAST', 'sales-east']]);

describe('the console’s text of a modal', () => {
  it('numbers the Edit buttons of the types list after the ones already shown, and ties them to the view', () => {
    const list = renderBlocks(buildActivityTypesModal(tr, defaultActivityTypes).blocks, names, 3, 'V0LIST');
    expect(list.lines).toContain('*Calls* · `call` · counted · 1 point each\nAlso: calls, phone, dial, dials  [3: Edit]');
    expect(list.buttons[0]).toEqual({ label: 'Edit', actionId: ids.actions.editActivityType, value: 'call', blockId: 'type_call', viewId: 'V0LIST' });
    expect(list.buttons.at(-1)).toMatchObject({ label: 'Add a type', actionId: ids.actions.addActivityType, viewId: 'V0LIST' });
  });

  it('shows each input by the name :submit takes, with what it holds', () => {
    const form = renderBlocks(buildActivityTypeForm(tr, defaultActivityTypes[0] ?? null).blocks, names);
    expect(form.lines).toContain('  label* — Name (plain text input): call');
    expect(form.lines).toContain('  points* — Points (number input): 1');
    expect(form.lines).toContain('  active — In use (yes or no): yes');
    expect(form.lines).toContain('  daily_points_cap — Daily points cap (number input)');
    const settings = renderBlocks(buildTeamSettingsModal(tr, { team: east, teams: [east] }, defaultActivityTypes, { channelId: null }).blocks, names);
    expect(settings.lines).toContain('  channel* — Team channel (#channel): #sales-east');
    expect(settings.lines).toContain('  digest — Digest channel (#channel)');
    expect(settings.lines).toContain('  organised_by* — Organised by (one of: territory, product, segment): segment');
    expect(settings.lines).toContain('  board_on — Weekly board (yes or no): yes');
    expect(settings.lines).toContain('  ranking* — The board ranks by (one of: points, goal, metric:revenue, metric:call, metric:email, metric:meeting, metric:demo, metric:estimate, metric:proposal, metric:deal, metric:lost, metric:referral): points');
    expect(settings.buttons).toEqual([]);
  });

  it('numbers a menu that acts when picked, listing its options by text', () => {
    const settings = renderBlocks(buildTeamSettingsModal(tr, { team: west, teams: [east, west] }, defaultActivityTypes, { channelId: null }).blocks, names, 1, 'V0SETTINGS');
    expect(settings.lines[0]).toBe('  Team: West  [1: pick one of East, West]');
    expect(settings.buttons).toEqual([
      {
        label: 'Team', actionId: ids.teamSettingsModal.team.action, value: undefined, blockId: ids.teamSettingsModal.team.block, viewId: 'V0SETTINGS',
        options: [{ value: east.id, text: 'East' }, { value: west.id, text: 'West' }],
      },
    ]);
  });
});
