import { describe, expect, it } from 'vitest';
import { buildActivityTypeForm } from '../../blocks/activity-types-modal.js';
import { defaultActivityTypes } from '../../src/domain/activity-types.js';
import { translator } from '../../src/i18n/index.js';
import { ids } from '../../src/slack/ids.js';
import { submittedState } from '../../src/stand-in/view-state.js';
import { testDatabaseAvailable } from '../support/test-database.js';
import { people, replyText, teamId, usePacer, type Person } from '../support/pacer-harness.js';

describe.skipIf(!testDatabaseAvailable())('/pacer types: activity types admins configure', () => {
  const h = usePacer({ now: '2026-11-25T11:00:00Z' });
  const listViewId = 'V0TYPELIST';
  const typeRow = (key: string) => h.database.prisma.activityType.findUnique({ where: { teamId_key: { teamId, key } } });

  /** Submits the type form pushed over the list, as Slack does when Save is pressed: fields not typed keep what the form showed. */
  const save = (person: Person, key: string | null, typed: Record<string, string>) => {
    const form = buildActivityTypeForm(translator('en-US'), defaultActivityTypes.find((t) => t.key === key) ?? null);
    return h.send.viewSubmission({
      teamId, userId: person.id, callbackId: ids.views.activityTypeForm, viewId: 'V0TYPEFORM', previousViewId: listViewId,
      privateMetadata: JSON.stringify({ key }), values: submittedState(form, typed),
    });
  };

  const openList = async (person: Person) => {
    await h.send.slashCommand({ teamId, userId: person.id, userName: person.name, command: '/pacer', text: 'types', channelId: 'C0SALES', responseUrl: h.slack.responseUrl() });
    await h.idle();
  };

  it('an admin sees every type and opens one in a form pushed over the list', async () => {
    await openList(people.mia);
    const opened = h.slack.callsTo('views.open').at(-1);
    expect(opened?.args.view).toMatchObject({ callback_id: ids.views.activityTypes });
    expect(replyText({ args: { blocks: (opened?.args.view as { blocks: unknown[] }).blocks } })).toContain('*Demos* · `demo` · counted · 4 points each');
    await h.send.blockAction({ teamId, userId: people.mia.id, actionId: ids.actions.editActivityType, value: 'demo', view: { id: listViewId, callback_id: ids.views.activityTypes } });
    await h.idle();
    const pushed = h.slack.callsTo('views.push').at(-1)?.args.view as { callback_id: string; private_metadata: string; blocks: { block_id?: string; element?: { initial_value?: string } }[] };
    expect(pushed).toMatchObject({ callback_id: ids.views.activityTypeForm, private_metadata: JSON.stringify({ key: 'demo' }) });
    expect(pushed.blocks.find((b) => b.block_id === ids.activityTypeForm.label.block)?.element?.initial_value).toBe('demo');
  });

  it('renaming a type changes how it is shown and typed, never the logs already made', async () => {
    await h.command(people.rita, '/log', 'demo Acme');
    const saved = await save(people.mia, 'demo', { label: 'Showcase', plural: 'Showcases', aliases: 'demos, presentation', points: '6', active: 'yes' });
    expect(saved.status).toBe(200);
    expect(saved.body).toBe('');
    await h.idle();
    const redrawn = h.slack.callsTo('views.update').at(-1);
    expect(redrawn?.args.view_id).toBe(listViewId);
    expect(JSON.stringify(redrawn?.args.view)).toContain('*Showcases* · `demo` · counted · 6 points each');
    const logged = await h.command(people.rita, '/log', 'showcase 2 Acme');
    expect(replyText(logged)).toContain('Logged *2 Showcases*');
    expect(replyText(logged)).toContain('Set one with `/goal showcase 40 weekly`');
    const rows = await h.database.prisma.activity.findMany({ where: { teamId }, orderBy: { createdAt: 'asc' } });
    expect(rows.map((r) => [r.typeKey, r.count, r.points])).toEqual([['demo', 1, 4], ['demo', 2, 12]]);
  });

  it('an admin adds a type reps can log at once; a switched-off type is no longer logged', async () => {
    await save(people.mia, null, { label: 'Site visit', plural: 'Site visits', aliases: 'visit, visits', unit: 'count', points: '3', active: 'yes' });
    await h.idle();
    expect(await typeRow('site-visit')).toMatchObject({ label: 'Site visit', aliases: ['visit', 'visits'], unit: 'count', points: 3, active: true });
    expect(replyText(await h.command(people.rita, '/log', 'visit 2 Acme'))).toContain('Logged *2 Site visits*');
    await save(people.mia, 'lost', { label: 'lost deal', plural: 'lost deals', aliases: 'loss', points: '0', active: 'no' });
    await h.idle();
    expect(replyText(await h.command(people.rita, '/log', 'lost Acme'))).toContain('I don’t know the activity “lost”');
  });

  it('an admin sets how many one log may count: past it, /log asks whether the number was an amount', async () => {
    const lost = { label: 'lost deal', plural: 'lost deals', aliases: 'loss, lose, lost-deal', points: '0', active: 'yes' };
    expect(replyText(await h.command(people.rita, '/log', 'lost 30 Acme'))).toContain('*30 lost deals*, or *one lost deal worth 30*?');
    expect(await h.database.prisma.activity.count()).toBe(0);
    await save(people.mia, 'lost', { ...lost, count_limit: '50' });
    await h.idle();
    expect(await typeRow('lost')).toMatchObject({ countLimit: 50 });
    expect(replyText(await h.command(people.rita, '/log', 'lost 30 Acme'))).toContain('Logged *30 lost deals*');
    expect(await h.database.prisma.activity.findMany({ where: { teamId } })).toMatchObject([{ typeKey: 'lost', count: 30, amount: null }]);
    const refused = await save(people.mia, 'lost', { ...lost, count_limit: '0' });
    expect(refused.json).toMatchObject({ errors: { [ids.activityTypeForm.countLimit.block]: expect.stringContaining('1 to 10,000') } });
    expect(await typeRow('lost')).toMatchObject({ countLimit: 50 });
  });

  it('a new type starts with the default limit; an amount type keeps its own, having no field for it', async () => {
    await save(people.mia, null, { label: 'Site visit', plural: 'Site visits', aliases: 'visit', unit: 'count', points: '3', active: 'yes' });
    await save(people.mia, 'deal', { label: 'deal', plural: 'deals', aliases: 'deals, won, win, sale, sales, close', points: '12', active: 'yes' });
    await h.idle();
    expect(await typeRow('site-visit')).toMatchObject({ countLimit: 100 });
    expect(await typeRow('deal')).toMatchObject({ points: 12, countLimit: 100 });
  });

  it('an admin caps a type’s daily points: shown in the list, kept by the form, lifted by emptying it; a bad cap writes nothing', async () => {
    await openList(people.mia);
    const list = JSON.stringify(h.slack.callsTo('views.open').at(-1)?.args.view);
    expect(list).not.toContain('a day');
    expect(await h.database.prisma.activityType.count({ where: { teamId, dailyPointsCap: { not: null } } })).toBe(0);

    const email = { label: 'email', plural: 'emails', aliases: 'emails, mail, mails, e-mail, e-mails', points: '1', active: 'yes' };
    await save(people.mia, 'email', { ...email, daily_points_cap: '20' });
    await h.idle();
    expect(await typeRow('email')).toMatchObject({ dailyPointsCap: 20, points: 1 });
    expect(JSON.stringify(h.slack.callsTo('views.update').at(-1)?.args.view)).toContain('*Emails* · `email` · counted · 1 point each · max 20 pts a day');

    await h.send.blockAction({ teamId, userId: people.mia.id, actionId: ids.actions.editActivityType, value: 'email', view: { id: listViewId, callback_id: ids.views.activityTypes } });
    await h.idle();
    const pushed = h.slack.callsTo('views.push').at(-1)?.args.view as { blocks: { block_id?: string; element?: { initial_value?: string } }[] };
    expect(pushed.blocks.find((b) => b.block_id === ids.activityTypeForm.dailyPointsCap.block)?.element?.initial_value).toBe('20');

    for (const cap of ['0', '1001', '2.5']) {
      const refused = await save(people.mia, 'email', { ...email, daily_points_cap: cap });
      expect(refused.json).toEqual({
        response_action: 'errors',
        errors: { [ids.activityTypeForm.dailyPointsCap.block]: 'Give the daily points cap as a whole number from 1 to 1,000, or leave it empty for no cap.' },
      });
    }
    expect(await typeRow('email')).toMatchObject({ dailyPointsCap: 20 });

    await save(people.mia, 'email', { ...email, daily_points_cap: '' });
    await h.idle();
    expect(await typeRow('email')).toMatchObject({ dailyPointsCap: null });
  });

  it('a word that names another type, or one the commands use, is shown under its field and nothing is written', async () => {
    const taken = await save(people.mia, null, { label: 'Cold call', aliases: 'calls, cold', unit: 'count', points: '1', active: 'yes' });
    expect(taken.json).toMatchObject({ response_action: 'errors', errors: { [ids.activityTypeForm.aliases.block]: expect.stringContaining('“calls” already names') } });
    const reserved = await save(people.mia, null, { label: 'Revenue', unit: 'money', points: '1', active: 'yes' });
    expect(reserved.json).toMatchObject({ errors: { [ids.activityTypeForm.label.block]: expect.stringContaining('“revenue” is a word Pacer’s commands use') } });
    const badPoints = await save(people.mia, 'call', { label: 'call', points: '500', active: 'yes' });
    expect(badPoints.json).toMatchObject({ errors: { [ids.activityTypeForm.points.block]: expect.stringContaining('0 to 100') } });
    const badAliases = await save(people.mia, 'call', { label: 'call', aliases: 'ring <script>', points: '1', active: 'yes' });
    expect(badAliases.json).toMatchObject({ errors: { [ids.activityTypeForm.aliases.block]: expect.any(String) } });
    expect(await h.database.prisma.activityType.count({ where: { teamId } })).toBe(9);
    expect(await typeRow('call')).toMatchObject({ label: null, points: 1 });
  });

  it('only admins: a rep is refused the list, and a forged form from a rep writes nothing', async () => {
    await openList(people.rita);
    expect(h.slack.callsTo('views.open')).toEqual([]);
    expect(replyText(h.slack.callsTo('response_url').at(-1) ?? { args: {} })).toContain('Only Pacer admins');
    await save(people.rita, 'call', { label: 'Ring', points: '50', active: 'yes' });
    await h.idle();
    expect(await typeRow('call')).toMatchObject({ label: null, points: 1 });
    const told = h.slack.callsTo('chat.postMessage').at(-1);
    expect(told?.args.channel).toBe(people.rita.id);
    expect(replyText(told ?? { args: {} })).toContain('Only Pacer admins');
  });
});
