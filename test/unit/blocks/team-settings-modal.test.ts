import type { InputBlock, KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { buildTeamSettingsModal } from '../../../blocks/team-settings-modal.js';
import type { SalesTeam } from '../../../src/domain/sales-teams.js';
import { translator } from '../../../src/i18n/index.js';
import { ids, teamSettingsBlock } from '../../../src/slack/ids.js';
import { blockKitViolations } from '../../support/block-kit-limits.js';

const tr = translator('en-US');
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const team = (n: number, over: Partial<SalesTeam> = {}): SalesTeam => ({
  id: uuid(n), name: `Team ${n}`, channelId: `C0TEAM${n}`, digestChannelId: null, organisedBy: 'territory', timeZone: null,
  weekStartsOn: 1, estimatesPerQuotaUnit: 3, leadRules: null, managers: [], members: [], ...over,
});
const east = team(1, { name: 'East', channelId: 'C0EAST', digestChannelId: 'C0MGRS', organisedBy: 'product', timeZone: 'Europe/Warsaw', weekStartsOn: 7, estimatesPerQuotaUnit: 2.5 });
const west = team(2, { name: 'West', channelId: 'C0WEST' });
const f = ids.teamSettingsModal;

const inputs = (blocks: readonly KnownBlock[]) => blocks.filter((b): b is InputBlock => b.type === 'input');
const field = (blocks: readonly KnownBlock[], base: { block: string }, of: SalesTeam) => inputs(blocks).find((b) => b.block_id === teamSettingsBlock(base, of.id));

describe('team settings modal', () => {
  it('shows one team’s settings as they are, and carries the team and origin in private_metadata', () => {
    const view = buildTeamSettingsModal(tr, { team: east, teams: [east] }, { channelId: 'C0SALES' });
    const blocks = view.blocks as KnownBlock[];
    expect(view).toMatchObject({ callback_id: ids.views.teamSettings, title: { text: 'Team settings' }, submit: { text: 'Save' } });
    expect(JSON.parse(view.private_metadata ?? '')).toEqual({ salesTeamId: east.id, channelId: 'C0SALES' });
    expect(blocks[0]).toMatchObject({ type: 'section', text: { text: 'Settings of team *East*' } });
    expect(field(blocks, f.channel, east)).toMatchObject({ optional: false, element: { type: 'conversations_select', initial_conversation: 'C0EAST', filter: { include: ['public'] } } });
    expect(field(blocks, f.digest, east)).toMatchObject({ optional: true, element: { type: 'conversations_select', initial_conversation: 'C0MGRS' } });
    expect(field(blocks, f.organisedBy, east)).toMatchObject({ element: { initial_option: { value: 'product', text: { text: 'Product line' } } } });
    expect(field(blocks, f.timeZone, east)).toMatchObject({ optional: true, element: { type: 'plain_text_input', initial_value: 'Europe/Warsaw' } });
    expect(field(blocks, f.weekStartsOn, east)).toMatchObject({ element: { initial_option: { value: '7', text: { text: 'Sunday' } } } });
    expect(field(blocks, f.estimates, east)).toMatchObject({
      element: { type: 'number_input', is_decimal_allowed: true, min_value: '0.5', max_value: '20', initial_value: '2.5' },
    });
    expect(blockKitViolations(view)).toEqual([]);
  });

  it('leaves unset settings empty', () => {
    const blocks = buildTeamSettingsModal(tr, { team: west, teams: [west] }, { channelId: null }).blocks as KnownBlock[];
    expect(field(blocks, f.digest, west)?.element).not.toHaveProperty('initial_conversation');
    expect(field(blocks, f.timeZone, west)?.element).not.toHaveProperty('initial_value');
  });

  it('offers a team picker that redraws the form when the person runs several teams', () => {
    const view = buildTeamSettingsModal(tr, { team: west, teams: [east, west] }, { channelId: null });
    expect(view.blocks[0]).toMatchObject({
      type: 'input', block_id: f.team.block, dispatch_action: true,
      element: { type: 'static_select', action_id: ids.actions.switchSettingsTeam, options: [{ value: east.id, text: { text: 'East' } }, { value: west.id }], initial_option: { value: west.id } },
    });
  });

  it('names its fields after the team shown, so that switching team does not keep the other team’s values', () => {
    const forEast = inputs(buildTeamSettingsModal(tr, { team: east, teams: [east, west] }, { channelId: null }).blocks as KnownBlock[]);
    const forWest = inputs(buildTeamSettingsModal(tr, { team: west, teams: [east, west] }, { channelId: null }).blocks as KnownBlock[]);
    expect(forEast[0]?.block_id).toBe(forWest[0]?.block_id);
    const shared = forEast.slice(1).filter((b) => forWest.some((w) => w.block_id === b.block_id));
    expect(forEast).toHaveLength(7);
    expect(shared).toEqual([]);
  });

  it('stays within Block Kit limits with 150 long-named teams, the shown one among the options', () => {
    const many = Array.from({ length: 150 }, (_, i) => team(i + 1, { name: `${'N'.repeat(36)}${String(i).padStart(4, '0')}` }));
    const shown = many[140] ?? west;
    const view = buildTeamSettingsModal(tr, { team: shown, teams: many }, { channelId: 'C0SALES' });
    expect(blockKitViolations(view)).toEqual([]);
    expect(view.blocks[0]).toMatchObject({ element: { initial_option: { value: shown.id } } });
    const picker = inputs(view.blocks as KnownBlock[])[0]?.element;
    expect(picker?.type === 'static_select' && picker.options?.some((o) => o.value === shown.id)).toBe(true);
  });
});
