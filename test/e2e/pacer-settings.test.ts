import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildActivityTypeForm } from '../../blocks/activity-types-modal.js';
import { defaultActivityTypes } from '../../src/domain/activity-types.js';
import { translator } from '../../src/i18n/index.js';
import { ids, teamSettingsBlock } from '../../src/slack/ids.js';
import type { StandInCall } from '../../src/stand-in/slack-web-api.js';
import { people, replyText, setUpEastAndWest, teamId, usePacer, type Person } from '../support/pacer-harness.js';
import { testDatabaseAvailable } from '../support/test-database.js';
import { submittedState } from '../../src/stand-in/view-state.js';

describe.skipIf(!testDatabaseAvailable())('/pacer settings', () => {
  const h = usePacer({ now: '2026-11-25T11:00:00Z' });
  const f = ids.teamSettingsModal;

  const team = async (name: string) => h.database.prisma.salesTeam.findFirstOrThrow({ where: { teamId, name } });
  const viewOf = (call: StandInCall) => z.looseObject({ private_metadata: z.string(), blocks: z.array(z.unknown()) }).parse(call.args.view);

  /** Types the command as Slack sends it, with a trigger, and waits for the form it opens. */
  async function open(person: Person, text = 'settings') {
    const triggerId = `trigger-${person.id}-${text}`;
    await h.send.slashCommand({ teamId, userId: person.id, userName: person.name, command: '/pacer', text, channelId: 'C0SALES', responseUrl: h.slack.responseUrl(), triggerId });
    const opened = await h.slack.waitForCall('views.open', (c) => c.args.trigger_id === triggerId);
    await h.idle();
    return viewOf(opened);
  }

  async function submit(person: Person, view: { private_metadata: string }, values: ReturnType<typeof submittedState>) {
    const answer = await h.send.viewSubmission({ teamId, userId: person.id, callbackId: ids.views.teamSettings, privateMetadata: view.private_metadata, values });
    await h.idle();
    return answer;
  }

  it('a manager opens their team’s settings filled in, saves new ones, and sees them on the team card', async () => {
    await setUpEastAndWest(h, [people.rita]);
    await h.command(people.max, '/pacer', 'team East digest <#C0MGRS|east-managers>');
    await h.command(people.max, '/pacer', 'team East timezone Europe/Warsaw');
    const east = await team('East');
    const view = await open(people.max);
    expect(JSON.parse(view.private_metadata)).toEqual({ salesTeamId: east.id, channelId: 'C0SALES' });
    expect(JSON.stringify(view)).toContain('Settings of team *East*');
    expect(submittedState(view)).toMatchObject({
      [teamSettingsBlock(f.channel, east.id)]: { channel: { selected_conversation: 'C0EAST' } },
      [teamSettingsBlock(f.digest, east.id)]: { digest: { selected_conversation: 'C0MGRS' } },
      [teamSettingsBlock(f.timeZone, east.id)]: { time_zone: { value: 'Europe/Warsaw' } },
      [teamSettingsBlock(f.weekStartsOn, east.id)]: { week_starts_on: { selected_option: { value: '1' } } },
      [teamSettingsBlock(f.estimates, east.id)]: { estimates: { value: '3' } },
    });

    const typed = { channel: 'C0EASTNEW', digest: null, organised_by: 'segment', time_zone: 'America/Chicago', week_starts_on: '7', estimates: '2.5' };
    const answer = await submit(people.max, view, submittedState(view, typed));
    expect(answer).toMatchObject({ status: 200, body: '' });
    const told = await h.slack.waitForCall('chat.postEphemeral');
    expect(told.args).toMatchObject({ channel: 'C0SALES', user: people.max.id });
    expect(replyText(told)).toContain('Team East');

    const card = replyText(await h.command(people.max, '/pacer', 'team East'));
    expect(card).toContain('*Channel:* <#C0EASTNEW>');
    expect(card).toContain('*Digest:* not set');
    expect(card).toContain('*Organised by* segment · *Time zone:* America/Chicago · *Week starts* Sunday · *Estimates per unit of quota:* 2.5');
  });

  it('saving the form as it opens changes nothing, a team’s own times and ranking among them', async () => {
    await setUpEastAndWest(h, [people.rita]);
    for (const text of ['board tuesday 10:15', 'ranking demos', 'digest weekly friday 16:45', 'digest daily 17:00', 'digest <#C0MGRS|east-managers>', 'timezone Europe/Warsaw']) {
      await h.command(people.max, '/pacer', `team East ${text}`);
    }
    const before = await team('East');
    expect(before).toMatchObject({ boardAt: '10:15', ranking: 'metric', rankingMetric: 'demo', digestAt: '16:45', digestDailyAt: '17:00' });
    const view = await open(people.max);
    expect(await submit(people.max, view, submittedState(view))).toMatchObject({ status: 200, body: '' });
    await h.slack.waitForCall('chat.postEphemeral');
    expect(await team('East')).toEqual(before);
  });

  it('a manager sets the board, its ranking and the digests in the form, and the team card shows them', async () => {
    await setUpEastAndWest(h, [people.rita]);
    const east = await team('East');
    const view = await open(people.max);
    const typed = { board_day: 'Thursday', board_at: '15:30', ranking: 'By goal attainment', digest_on: 'no', digest_day: 'Friday', digest_daily: '07:30' };
    await submit(people.max, view, submittedState(view, typed));
    const told = await h.slack.waitForCall('chat.postEphemeral');
    expect(replyText(told)).toContain('*Board:* Thursday 15:30, by goal attainment');
    expect(replyText(told)).toContain('*Digest:* weekly off · daily 07:30');
    expect(await team('East')).toMatchObject({
      boardEnabled: true, boardDay: 4, boardAt: '15:30', ranking: 'goal', rankingMetric: null, digestWeekly: false, digestDay: 5, digestAt: '08:30', digestDailyAt: '07:30',
    });

    const again = await open(people.max, 'settings East');
    expect(submittedState(again)).toMatchObject({
      [teamSettingsBlock(f.boardDay, east.id)]: { board_day: { selected_option: { value: '4' } } },
      [teamSettingsBlock(f.ranking, east.id)]: { ranking: { selected_option: { value: 'goal' } } },
      [teamSettingsBlock(f.digestOn, east.id)]: { digest_on: { selected_options: [] } },
    });
    await submit(people.max, again, submittedState(again, { board_on: 'no', ranking: 'By revenue', digest_daily: 'Off' }));
    expect(await team('East')).toMatchObject({ boardEnabled: false, boardDay: 4, boardAt: '15:30', ranking: 'metric', rankingMetric: 'revenue', digestDailyAt: null });
    expect(replyText(await h.command(people.max, '/pacer', 'team East'))).toContain('*Board:* off');
  });

  it('ranks by a type by its workspace name; a switched-off or forged metric, or a time not offered, is shown under its field and nothing is written', async () => {
    await setUpEastAndWest(h, [people.rita]);
    const east = await team('East');
    // Mia renames demos and switches referrals off with `/pacer types`.
    const retype = (key: string, typed: Record<string, string>) =>
      h.send.viewSubmission({
        teamId, userId: people.mia.id, callbackId: ids.views.activityTypeForm, privateMetadata: JSON.stringify({ key }),
        values: submittedState(buildActivityTypeForm(translator('en-US'), defaultActivityTypes.find((t) => t.key === key) ?? null), typed),
      });
    await retype('demo', { label: 'Showcase', plural: 'Showcases', aliases: 'demos, presentation' });
    await retype('referral', { active: 'no' });
    await h.idle();

    const view = await open(people.max);
    const rankingField = z.object({ block_id: z.string(), element: z.object({ options: z.array(z.object({ text: z.object({ text: z.string() }), value: z.string() })) }) });
    const offered = view.blocks.flatMap((b) => {
      const block = rankingField.safeParse(b);
      return block.success && block.data.block_id === teamSettingsBlock(f.ranking, east.id) ? block.data.element.options : [];
    });
    expect(offered).toContainEqual({ text: expect.objectContaining({ text: 'By Showcases' }), value: 'metric:demo' });
    expect(offered.map((o) => o.value)).not.toContain('metric:referral');
    expect(submittedState(view)[teamSettingsBlock(f.ranking, east.id)]).toMatchObject({ ranking: { selected_option: { value: 'points' } } });

    const refused = await submit(people.max, view, submittedState(view, { ranking: 'metric:referral', board_at: '25:00', digest_daily: '9am', time_zone: 'Asia/Tokyo' }));
    expect(refused.json).toEqual({
      response_action: 'errors',
      errors: {
        [teamSettingsBlock(f.ranking, east.id)]: '“referral” is not a ranking. Choose one of: points, goal, revenue, call, email, meeting, showcase, estimate, proposal, deal, lost.',
        [teamSettingsBlock(f.boardAt, east.id)]: 'Fill this in.',
        [teamSettingsBlock(f.digestDaily, east.id)]: 'Fill this in.',
      },
    });
    const forged = await submit(people.max, view, submittedState(view, { ranking: 'metric:bogus' }));
    expect(forged.json).toMatchObject({ errors: { [teamSettingsBlock(f.ranking, east.id)]: expect.stringContaining('“bogus” is not a ranking.') } });
    expect(await team('East')).toEqual(east);
    expect(h.slack.callsTo('chat.postEphemeral')).toEqual([]);

    await submit(people.max, view, submittedState(view, { ranking: 'By Showcases' }));
    expect(replyText(await h.slack.waitForCall('chat.postEphemeral'))).toContain('*Board:* Monday 09:00, by Showcases');
    expect(await team('East')).toMatchObject({ ranking: 'metric', rankingMetric: 'demo' });
  });

  it('an admin running two teams switches the form to the other team’s settings, and saves that one', async () => {
    await setUpEastAndWest(h, [people.rita]);
    await h.command(people.wes, '/pacer', 'team West timezone America/Chicago');
    const [east, west] = [await team('East'), await team('West')];
    const view = await open(people.mia);
    expect(view.blocks[0]).toMatchObject({
      block_id: f.team.block, dispatch_action: true,
      element: { options: [{ text: { text: 'East' }, value: east.id }, { text: { text: 'West' }, value: west.id }], initial_option: { value: east.id } },
    });

    const picked = await h.send.blockAction({
      teamId, userId: people.mia.id, actionId: ids.actions.switchSettingsTeam, blockId: f.team.block,
      selectedOption: { value: west.id, text: 'West' },
      view: { id: 'V0SETTINGS', hash: '1700000001.settings', callback_id: ids.views.teamSettings, private_metadata: view.private_metadata },
    });
    expect(picked.status).toBe(200);
    const updated = await h.slack.waitForCall('views.update');
    await h.idle();
    expect(updated.args).toMatchObject({ view_id: 'V0SETTINGS', hash: '1700000001.settings' });
    const westView = viewOf(updated);
    expect(JSON.parse(westView.private_metadata)).toEqual({ salesTeamId: west.id, channelId: 'C0SALES' });
    expect(westView.blocks[0]).toMatchObject({ element: { initial_option: { value: west.id } } });
    expect(submittedState(westView)).toMatchObject({
      [teamSettingsBlock(f.channel, west.id)]: { channel: { selected_conversation: 'C0WEST' } },
      [teamSettingsBlock(f.timeZone, west.id)]: { time_zone: { value: 'America/Chicago' } },
    });

    await submit(people.mia, westView, submittedState(westView, { estimates: '4' }));
    expect((await team('West')).estimatesPerQuotaUnit.toNumber()).toBe(4);
    expect((await team('East')).estimatesPerQuotaUnit.toNumber()).toBe(3);
    expect(h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === people.mia.id)).toEqual([]);
  });

  it('`/pacer team West settings` and `/pacer settings West` open West’s form', async () => {
    await setUpEastAndWest(h, [people.rita]);
    const west = await team('West');
    for (const text of ['team West settings', 'settings west']) {
      expect(JSON.parse((await open(people.mia, text)).private_metadata)).toMatchObject({ salesTeamId: west.id });
    }
  });

  it('a time zone or estimates out of range are shown under their fields, and nothing is written', async () => {
    await setUpEastAndWest(h, [people.rita]);
    const east = await team('East');
    const view = await open(people.max);
    const answer = await submit(people.max, view, submittedState(view, { time_zone: 'Mars/Olympus', estimates: '25', channel: 'C0ELSEWHERE' }));
    expect(answer.json).toEqual({
      response_action: 'errors',
      errors: {
        [teamSettingsBlock(f.timeZone, east.id)]: '“Mars/Olympus” is not a time zone. Use a name like `Europe/Warsaw` or `America/New_York`.',
        [teamSettingsBlock(f.estimates, east.id)]: 'Give a number from 0.5 to 20, with at most two decimals, for example 3.',
      },
    });
    expect(await team('East')).toMatchObject({ channelId: 'C0EAST', timeZone: null });
    expect(h.slack.callsTo('chat.postEphemeral')).toEqual([]);
  });

  it.each([
    ['a rep', people.rita, 'settings', 'You don’t run a team, so there are no team settings for you to change'],
    ['a rep naming a team', people.rita, 'settings East', 'Only managers of East and admins can change it.'],
    ['East’s manager naming West', people.max, 'team West settings', 'Only managers of West and admins can change it.'],
    ['anyone naming no team', people.max, 'settings North', 'There is no team called “North”. Teams: East, West.'],
  ])('%s is told why, and gets no form', async (_who, person, text, message) => {
    await setUpEastAndWest(h, [people.rita]);
    expect(replyText(await h.command(person, '/pacer', text))).toContain(message);
    expect(h.slack.callsTo('views.open')).toEqual([]);
  });

  it('an admin’s form also sets the workspace’s language and currency; a manager’s form has neither', async () => {
    await setUpEastAndWest(h, [people.rita]);
    const managers = await open(people.max);
    expect(Object.keys(submittedState(managers))).not.toContain(f.language.block);
    const view = await open(people.mia, 'settings East');
    expect(submittedState(view)).toMatchObject({ [f.language.block]: { language: { selected_option: { value: 'en' } } }, [f.currency.block]: { currency: { value: null } } });

    const refused = await submit(people.mia, view, submittedState(view, { currency: 'ABC' }));
    expect(refused.json).toEqual({ response_action: 'errors', errors: { [f.currency.block]: '“ABC” is not a currency code. Give an ISO code such as EUR, or leave the field empty.' } });
    expect(await h.database.prisma.workspace.findUnique({ where: { teamId }, select: { language: true, currency: true } })).toEqual({ language: null, currency: null });

    await submit(people.mia, view, submittedState(view, { language: 'German', currency: 'eur' }));
    const told = await h.slack.waitForCall('chat.postEphemeral', (c) => c.args.user === people.mia.id);
    expect(replyText(told)).toContain('Whole workspace: channel posts in *German*, amounts in *EUR*.');
    expect(await h.database.prisma.workspace.findUniqueOrThrow({ where: { teamId } })).toMatchObject({ language: 'de', currency: 'EUR' });
    const again = await open(people.mia, 'team East settings');
    expect(submittedState(again)).toMatchObject({ [f.language.block]: { language: { selected_option: { value: 'de' } } }, [f.currency.block]: { currency: { value: 'EUR' } } });

    // A manager's form leaves them as they are.
    await submit(people.max, managers, submittedState(managers));
    expect(await h.database.prisma.workspace.findUniqueOrThrow({ where: { teamId } })).toMatchObject({ language: 'de', currency: 'EUR' });
  });

  it('an admin with no teams yet is told how to make one', async () => {
    expect(replyText(await h.command(people.mia, '/pacer', 'settings'))).toContain('There are no teams yet. Create one with `/pacer team create East #sales-east`');
    expect(h.slack.callsTo('views.open')).toEqual([]);
  });

  it('a form forged for another team, or one that does not read, is refused in a DM and nothing is written', async () => {
    await setUpEastAndWest(h, [people.rita]);
    const [east, west] = [await team('East'), await team('West')];
    const view = await open(people.max);
    // Everything West's form would send, as if Max had drawn it himself.
    const forged = JSON.parse(JSON.stringify(view).replaceAll(east.id, west.id)) as unknown;
    const answer = await submit(people.max, { private_metadata: JSON.stringify({ salesTeamId: west.id, channelId: 'C0SALES' }) }, submittedState(forged, { time_zone: 'Asia/Tokyo' }));
    expect(answer).toMatchObject({ status: 200, body: '' });
    const refused = await h.slack.waitForCall('chat.postMessage', (c) => c.args.channel === people.max.id && replyText(c).includes('Only managers'));
    expect(replyText(refused)).toContain('Only managers of West and admins can change it.');

    await submit(people.max, { private_metadata: '{"salesTeamId":"West"}' }, submittedState(view, { time_zone: 'Asia/Tokyo' }));
    const stale = await h.slack.waitForCall('chat.postMessage', (c) => c.args.channel === people.max.id && replyText(c).includes('out of date'));
    expect(replyText(stale)).toContain('That settings form is out of date. Open it again with `/pacer settings`.');

    await h.send.blockAction({
      teamId, userId: people.max.id, actionId: ids.actions.switchSettingsTeam, blockId: f.team.block,
      selectedOption: { value: west.id }, view: { id: 'V0SETTINGS', private_metadata: view.private_metadata },
    });
    await h.idle();
    expect(h.slack.callsTo('views.update')).toEqual([]);
    expect(h.slack.callsTo('chat.postMessage').filter((c) => replyText(c).includes('Only managers of West'))).toHaveLength(2);
    expect(await team('West')).toMatchObject({ timeZone: null });
    expect(await team('East')).toMatchObject({ timeZone: null });
  });

  it('a pick overtaken by a later one is dropped quietly', async () => {
    await setUpEastAndWest(h, [people.rita]);
    const west = await team('West');
    const view = await open(people.mia);
    h.slack.queueFault('views.update', { ok: false, error: 'hash_conflict' });
    await h.send.blockAction({
      teamId, userId: people.mia.id, actionId: ids.actions.switchSettingsTeam, blockId: f.team.block,
      selectedOption: { value: west.id }, view: { id: 'V0SETTINGS', private_metadata: view.private_metadata },
    });
    await h.slack.waitForCall('views.update');
    await h.idle();
    expect(h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === people.mia.id)).toEqual([]);
  });
});
