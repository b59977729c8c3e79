import type { InputBlock, KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { buildTeamSettingsModal } from '../../../blocks/team-settings-modal.js';
import { defaultActivityTypes, type ActivityType } from '../../../src/domain/activity-types.js';
import type { SalesTeam } from '../../../src/domain/sales-teams.js';
import { defaultBoardSchedule, defaultDigestSchedule } from '../../../src/domain/team-schedules.js';
import { translator, type Translator } from '../../../src/i18n/index.js';
import { ids, teamSettingsBlock } from '../../../src/slack/ids.js';
import { violationsInEveryLanguage } from '../../support/block-kit-limits.js';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const team = (n: number, over: Partial<SalesTeam> = {}): SalesTeam => ({
  id: uuid(n), name: `Team ${n}`, channelId: `C0TEAM${n}`, digestChannelId: null, organisedBy: 'territory', timeZone: null,
  weekStartsOn: 1, estimatesPerQuotaUnit: 3, leadRules: null, board: defaultBoardSchedule, ranking: { by: 'points' }, digest: defaultDigestSchedule,
  managers: [], members: [], ...over,
});
const east = team(1, { name: 'East', channelId: 'C0EAST', digestChannelId: 'C0MGRS', organisedBy: 'product', timeZone: 'Europe/Warsaw', weekStartsOn: 7, estimatesPerQuotaUnit: 2.5 });
const west = team(2, { name: 'West', channelId: 'C0WEST' });
const f = ids.teamSettingsModal;
/** The workspace's types: demos renamed "showcases", referrals switched off. */
const types: ActivityType[] = defaultActivityTypes.map((t) =>
  t.key === 'demo' ? { ...t, label: 'showcase', labelPlural: 'showcases' } : t.key === 'referral' ? { ...t, active: false } : t,
);
const modal = (choice: { team: SalesTeam; teams: SalesTeam[] }, channelId: string | null, of: readonly ActivityType[] = types) =>
  buildTeamSettingsModal(translator('en-US', of), choice, of, { channelId });

const inputs = (blocks: readonly KnownBlock[]) => blocks.filter((b): b is InputBlock => b.type === 'input');
const field = (blocks: readonly KnownBlock[], base: { block: string }, of: SalesTeam) => inputs(blocks).find((b) => b.block_id === teamSettingsBlock(base, of.id));

describe('team settings modal', () => {
  it('shows one team’s settings as they are, and carries the team and origin in private_metadata', () => {
    const view = modal({ team: east, teams: [east] }, 'C0SALES');
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
    expect(violationsInEveryLanguage((tr) => buildTeamSettingsModal(tr, { team: east, teams: [east] }, types, { channelId: 'C0SALES' }), { types })).toEqual({});
  });

  it('an admin’s form adds the workspace’s language and currency, within the limits in every language', () => {
    const admin = (tr: Translator) => buildTeamSettingsModal(tr, { team: east, teams: [east, west] }, types, { channelId: 'C0SALES' }, { language: 'de', currency: 'EUR' });
    const blocks = admin(translator('en-US', types)).blocks as KnownBlock[];
    expect(blocks.some((b) => b.block_id === f.language.block)).toBe(true);
    expect(blocks.some((b) => b.block_id === f.currency.block)).toBe(true);
    expect(violationsInEveryLanguage(admin, { types })).toEqual({});
  });

  it('shows the board, its ranking and the digest schedules as they are', () => {
    const scheduled = team(3, {
      board: { enabled: false, weekday: 5, at: '16:30' },
      ranking: { by: 'metric', metric: 'demo' },
      digest: { weekly: { enabled: true, weekday: 2, at: '07:45' }, dailyAt: '17:00' },
    });
    const blocks = modal({ team: scheduled, teams: [scheduled] }, null).blocks as KnownBlock[];
    const at = (base: { block: string }) => field(blocks, base, scheduled);
    expect(at(f.boardOn)).toMatchObject({ optional: true, label: { text: 'Weekly board' }, element: { type: 'checkboxes', options: [{ value: 'on' }] } });
    expect(at(f.boardOn)?.element).not.toHaveProperty('initial_options');
    expect(at(f.boardDay)).toMatchObject({ element: { type: 'static_select', initial_option: { value: '5', text: { text: 'Friday' } } } });
    expect(at(f.boardAt)).toMatchObject({ element: { type: 'static_select', initial_option: { value: '16:30', text: { text: '16:30' } } } });
    expect(at(f.ranking)).toMatchObject({ element: { type: 'static_select', initial_option: { value: 'metric:demo', text: { text: 'By showcases' } } } });
    expect(at(f.digestOn)).toMatchObject({ element: { type: 'checkboxes', initial_options: [{ value: 'on' }] } });
    expect(at(f.digestDay)).toMatchObject({ element: { initial_option: { value: '2', text: { text: 'Tuesday' } } } });
    // 07:45 came from `/pacer team … digest weekly`: it is offered beside the half hours, in order.
    const digestAt = at(f.digestAt)?.element;
    expect(digestAt).toMatchObject({ initial_option: { value: '07:45' } });
    const times = digestAt?.type === 'static_select' ? (digestAt.options ?? []).map((o) => o.value) : [];
    expect(times).toHaveLength(49);
    expect(times.slice(15, 18)).toEqual(['07:30', '07:45', '08:00']);
    expect(at(f.digestDaily)).toMatchObject({ element: { initial_option: { value: '17:00' } } });
  });

  it('ranks by points, goal attainment, revenue or an active type by its workspace name; a new team by points with the default schedules', () => {
    const blocks = modal({ team: west, teams: [west] }, null).blocks as KnownBlock[];
    const ranking = field(blocks, f.ranking, west)?.element;
    const options = ranking?.type === 'static_select' ? (ranking.options ?? []).map((o) => [o.value, o.text.text]) : [];
    expect(options.slice(0, 4)).toEqual([['points', 'By points'], ['goal', 'By goal attainment'], ['metric:revenue', 'By revenue'], ['metric:call', 'By calls']]);
    expect(options).toContainEqual(['metric:demo', 'By showcases']);
    expect(options.map(([value]) => value)).not.toContain('metric:referral');
    expect(ranking).toMatchObject({ initial_option: { value: 'points' } });
    expect(field(blocks, f.boardOn, west)).toMatchObject({ element: { initial_options: [{ value: 'on' }] } });
    expect(field(blocks, f.boardDay, west)).toMatchObject({ element: { initial_option: { value: '1' } } });
    expect(field(blocks, f.boardAt, west)).toMatchObject({ element: { initial_option: { value: '09:00' } } });
    expect(field(blocks, f.digestAt, west)).toMatchObject({ element: { initial_option: { value: '08:30' } } });
    expect(field(blocks, f.digestDaily, west)).toMatchObject({ element: { initial_option: { value: 'off', text: { text: 'Off' } } } });
  });

  it('leaves unset settings empty', () => {
    const blocks = modal({ team: west, teams: [west] }, null).blocks as KnownBlock[];
    expect(field(blocks, f.digest, west)?.element).not.toHaveProperty('initial_conversation');
    expect(field(blocks, f.timeZone, west)?.element).not.toHaveProperty('initial_value');
    // A ranking by a type since switched off is not offered: the manager picks another.
    const byReferrals = team(4, { ranking: { by: 'metric', metric: 'referral' } });
    const ranking = field(modal({ team: byReferrals, teams: [byReferrals] }, null).blocks as KnownBlock[], f.ranking, byReferrals);
    expect(ranking?.element).not.toHaveProperty('initial_option.value');
  });

  it('offers a team picker that redraws the form when the person runs several teams', () => {
    const view = modal({ team: west, teams: [east, west] }, null);
    expect(view.blocks[0]).toMatchObject({
      type: 'input', block_id: f.team.block, dispatch_action: true,
      element: { type: 'static_select', action_id: ids.actions.switchSettingsTeam, options: [{ value: east.id, text: { text: 'East' } }, { value: west.id }], initial_option: { value: west.id } },
    });
  });

  it('names its fields after the team shown, so that switching team does not keep the other team’s values', () => {
    const forEast = inputs(modal({ team: east, teams: [east, west] }, null).blocks as KnownBlock[]);
    const forWest = inputs(modal({ team: west, teams: [east, west] }, null).blocks as KnownBlock[]);
    expect(forEast[0]?.block_id).toBe(forWest[0]?.block_id);
    const shared = forEast.slice(1).filter((b) => forWest.some((w) => w.block_id === b.block_id));
    expect(forEast).toHaveLength(15);
    expect(shared).toEqual([]);
  });

  it('stays within Block Kit limits with 150 long-named teams, the shown one among the options', () => {
    const manyTypes: ActivityType[] = Array.from({ length: 40 }, (_, i) => ({
      key: `type-${i}`.padEnd(30, 'x'), label: 'L'.repeat(40), labelPlural: 'P'.repeat(40), aliases: [], unit: 'count', points: 1, active: true, countLimit: 100, dailyPointsCap: null,
    }));
    const many = Array.from({ length: 150 }, (_, i) => team(i + 1, { name: `${'N'.repeat(36)}${String(i).padStart(4, '0')}` }));
    const shown = many[140] ?? west;
    const view = modal({ team: shown, teams: many }, 'C0SALES', manyTypes);
    expect(violationsInEveryLanguage((tr) => buildTeamSettingsModal(tr, { team: shown, teams: many }, manyTypes, { channelId: 'C0SALES' }), { types: manyTypes })).toEqual({});
    const admin = (tr: Translator) => buildTeamSettingsModal(tr, { team: shown, teams: many }, manyTypes, { channelId: 'C0SALES' }, { language: 'de', currency: 'EUR' });
    expect(violationsInEveryLanguage(admin, { types: manyTypes })).toEqual({});
    expect(view.blocks[0]).toMatchObject({ element: { initial_option: { value: shown.id } } });
    const picker = inputs(view.blocks as KnownBlock[])[0]?.element;
    expect(picker?.type === 'static_select' && picker.options?.some((o) => o.value === shown.id)).toBe(true);
  });
});
