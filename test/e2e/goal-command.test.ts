import { describe, expect, it, onTestFinished } from 'vitest';
import { ids } from '../../src/slack/ids.js';
import { testDatabaseAvailable } from '../support/test-database.js';
import { buttonValue, mention, people, replyText, setUpEastAndWest, teamId, usePacer, type Person } from '../support/pacer-harness.js';

describe.skipIf(!testDatabaseAvailable())('/goal', () => {
  const h = usePacer({ now: '2026-11-25T11:00:00Z' });
  const goals = () => h.database.prisma.goal.findMany({ orderBy: { createdAt: 'asc' } });

  it('sets a SMART goal and shows its pace; setting it again changes the target', async () => {
    const first = await h.command(people.rita, '/goal', 'calls 40 weekly first calls to new leads');
    expect(replyText(first)).toContain('Goal set: *calls 40 weekly*');
    expect(replyText(first)).toContain('_first calls to new leads_');
    expect(replyText(first)).toContain('*Calls this week:* 0 / 40 — behind pace (expected 20 by now)');
    const second = await h.command(people.rita, '/goal', 'calls 50 weekly');
    expect(replyText(second)).toContain('Goal updated: *calls 50 weekly* (was 40)');
    expect(await goals()).toMatchObject([{ ownerId: people.rita.id, metric: 'call', period: 'week', setBy: people.rita.id }]);
    expect((await goals())[0]?.target.toNumber()).toBe(50);
  });

  it('the same goal set twice at once is one goal, with one of the two targets', async () => {
    await Promise.all([h.command(people.rita, '/goal', 'calls 40 weekly'), h.command(people.rita, '/goal', 'calls 50 weekly')]);
    const stored = await goals();
    expect(stored).toHaveLength(1);
    expect([40, 50]).toContain(stored[0]?.target.toNumber());
  });

  it('Undo puts a changed goal back, and removes a new one', async () => {
    const created = await h.command(people.rita, '/goal', 'demos 10 monthly');
    const changed = await h.command(people.rita, '/goal', 'demos 12 monthly');
    await h.click(people.rita, ids.actions.undoGoal, buttonValue(changed, ids.actions.undoGoal));
    expect((await goals())[0]?.target.toNumber()).toBe(10);
    const undone = await h.click(people.rita, ids.actions.undoGoal, buttonValue(created, ids.actions.undoGoal));
    expect(replyText(undone)).toContain('Undone: that goal is removed.');
    expect(await goals()).toEqual([]);
  });

  it('custom dates, product lines and revenue are understood', async () => {
    await h.command(people.rita, '/goal', 'revenue 50000 monthly #widgets');
    await h.command(people.rita, '/goal', 'demos 10 2026-12-01..2026-12-20');
    const list = await h.command(people.rita, '/goal', 'list');
    expect(replyText(list)).toContain('*Revenue #widgets this month:* 0 / 50,000');
    expect(replyText(list)).toContain('*Demos Dec 1 – Dec 20:* 0 / 10 — starts Dec 1');
  });

  it('reads a target the way the rep writes numbers: 12.000 is twelve thousand for a German Slack', async () => {
    const german = { ...people.rita, locale: 'de-DE' };
    h.slack.setUser(german);
    onTestFinished(() => h.slack.setUser(people.rita));
    await h.command(german, '/goal', 'revenue 12.000 monthly');
    expect((await goals())[0]?.target.toNumber()).toBe(12000);
  });

  it('the list removes a goal (after Slack’s confirm) and redraws itself', async () => {
    await h.command(people.rita, '/goal', 'calls 40 weekly');
    await h.command(people.rita, '/goal', 'emails 20 weekly');
    const list = await h.command(people.rita, '/goal', 'list');
    const redrawn = await h.click(people.rita, ids.actions.removeGoal, buttonValue(list, ids.actions.removeGoal));
    expect(redrawn.args.replace_original).toBe(true);
    expect(replyText(redrawn)).not.toContain('Calls this week');
    expect(replyText(redrawn)).toContain('Emails this week');
    expect(await goals()).toMatchObject([{ metric: 'email' }]);
  });

  it('/goal remove takes a goal away by its name', async () => {
    await h.command(people.rita, '/goal', 'calls 40 weekly');
    const reply = await h.command(people.rita, '/goal', 'remove calls weekly');
    expect(replyText(reply)).toContain('Goal removed: *calls 40 weekly*');
    const missing = await h.command(people.rita, '/goal', 'remove calls weekly');
    expect(replyText(missing)).toContain('There is no such goal.');
  });

  it('an admin sets a goal for a rep, who is told in a DM', async () => {
    const reply = await h.command(people.mia, '/goal', `${mention(people.rita)} calls 40 weekly`);
    expect(replyText(reply)).toContain('Goal set for <@U0RITA>: *calls 40 weekly*');
    const dm = await h.slack.waitForCall('chat.postMessage', (c) => c.args.channel === people.rita.id);
    expect(replyText(dm)).toContain('<@U0MIA> set you a goal: *calls 40 weekly*');
    expect(await goals()).toMatchObject([{ ownerId: people.rita.id, setBy: people.mia.id }]);
    const seen = await h.command(people.mia, '/goal', `list ${mention(people.rita)}`);
    expect(replyText(seen)).toContain('Goals of <@U0RITA>');
  });

  it('a rep may not set or read someone else’s goals, and is told why', async () => {
    const reply = await h.command(people.bob, '/goal', `${mention(people.rita)} calls 40 weekly`);
    expect(replyText(reply)).toContain('Only a rep’s team managers and admins can set their goals.');
    const list = await h.command(people.bob, '/goal', `list ${mention(people.rita)}`);
    expect(replyText(list)).toContain('Only a rep’s team managers and admins can see their goals.');
    expect(await goals()).toEqual([]);
  });

  it.each([
    ['dances 40 weekly', 'I can’t track “dances” as a goal. Metrics: call, email'],
    ['calls weekly', 'Give a target after the metric'],
    ['calls 40', 'Give the period'],
    ['calls 40 fortnightly', 'I don’t know the period “fortnightly”'],
    ['calls 0 weekly', 'The target must be a positive number'],
    ['calls 40 2026-12-20..2026-12-01', 'The period ends before it starts'],
    ['@rita calls 40 weekly', 'Pick the rep with an @-mention'],
    ['meetng 4 weekly', 'I can’t track “meetng” as a goal. Did you mean `meeting`?'],
    ['calls 40 weakly', 'Did you mean `weekly`?'],
    ['demos 10 2026-02-30..2026-03-05', 'There is no such date as “2026-02-30”'],
    ['demos 10 Dec 20', 'I can’t read “Dec 20” as a period'],
  ])('bad input "%s" is explained with the right form, and nothing is written', async (input, message) => {
    const reply = await h.command(people.rita, '/goal', input);
    expect(replyText(reply)).toContain(message);
    expect(replyText(reply)).toContain('/goal [@rep | team &lt;name&gt; | company] &lt;metric&gt; &lt;target&gt;');
    expect(await goals()).toEqual([]);
  });

  it('reads natural word orders, word dates and daily goals', async () => {
    await h.command(people.rita, '/goal', '40 calls per week');
    await h.command(people.rita, '/goal', 'emails 20/week');
    await h.command(people.rita, '/goal', 'demos 10 Dec 1..Dec 20');
    await h.command(people.rita, '/goal', 'meetings 4 1 Dec..20 Dec #widgets');
    // Noon on a Wednesday in Warsaw: half of the working day has passed.
    const daily = await h.command(people.rita, '/goal', '10 calls a day');
    expect(replyText(daily)).toContain('Goal set: *calls 10 daily*');
    expect(replyText(daily)).toContain('*Calls today:* 0 / 10 — behind pace (expected 5 by now)');
    expect((await goals()).map((g) => [g.metric, g.target.toNumber(), g.period, g.startsOn, g.endsOn, g.productLine])).toEqual([
      ['call', 40, 'week', '', '', ''],
      ['email', 20, 'week', '', '', ''],
      ['demo', 10, 'custom', '2026-12-01', '2026-12-20', ''],
      ['meeting', 4, 'custom', '2026-12-01', '2026-12-20', 'widgets'],
      ['call', 10, 'day', '', '', ''],
    ]);
    const list = await h.command(people.rita, '/goal', 'list');
    expect(replyText(list)).toContain('*Calls today:* 0 / 10');
    await h.command(people.rita, '/goal', 'remove calls per day');
    expect(await goals()).toHaveLength(4);
  });

  it('setting a goal again as it is changes nothing: no Undo, no second DM', async () => {
    await h.command(people.mia, '/goal', `${mention(people.rita)} calls 40 weekly first calls`);
    const again = await h.command(people.mia, '/goal', `${mention(people.rita)} calls 40 weekly first calls`);
    expect(replyText(again)).toContain('Nothing changed: <@U0RITA>’s goal is already *calls 40 weekly*.');
    expect(() => buttonValue(again, ids.actions.undoGoal)).toThrow();
    const own = await h.command(people.rita, '/goal', 'calls 40 weekly first calls');
    expect(replyText(own)).toContain('Nothing changed: that goal is already *calls 40 weekly*.');
    await h.idle();
    expect(h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === people.rita.id)).toHaveLength(1);
    expect(await goals()).toMatchObject([{ setBy: people.mia.id, note: 'first calls' }]);
    // Another note is a change: the admin's to make, not the rep's.
    const refused = await h.command(people.rita, '/goal', 'calls 40 weekly calls to new leads');
    expect(replyText(refused)).toContain('This goal was set for you by <@U0MIA>');
    const renoted = await h.command(people.mia, '/goal', `${mention(people.rita)} calls 40 weekly calls to new leads`);
    expect(replyText(renoted)).toContain('Goal updated for <@U0RITA>: *calls 40 weekly* (was 40)');
  });

  it('an old Undo does not overwrite a newer change, and a button without a version is refused as stale', async () => {
    await h.command(people.rita, '/goal', 'demos 10 monthly');
    const twelve = await h.command(people.rita, '/goal', 'demos 12 monthly');
    await h.command(people.rita, '/goal', 'demos 14 monthly');
    const refused = await h.click(people.rita, ids.actions.undoGoal, buttonValue(twelve, ids.actions.undoGoal));
    expect(replyText(refused)).toContain('That goal has changed since');
    expect((await goals())[0]?.target.toNumber()).toBe(14);
    const id = (await goals())[0]?.id ?? '';
    const old = await h.click(people.rita, ids.actions.undoGoal, JSON.stringify({ goalId: id, before: { target: 10, note: null, setBy: people.rita.id, derivedFromId: null } }));
    expect(replyText(old)).toContain('That button is out of date.');
    expect((await goals())[0]?.target.toNumber()).toBe(14);
  });

  it('/goal remove has Undo, which brings the goal back as it was, once', async () => {
    await h.command(people.mia, '/goal', `${mention(people.rita)} calls 40 weekly first calls to new leads`);
    const [before] = await goals();
    const removed = await h.command(people.mia, '/goal', `remove ${mention(people.rita)} calls weekly`);
    expect(await goals()).toEqual([]);
    const undone = await h.click(people.mia, ids.actions.undoGoal, buttonValue(removed, ids.actions.undoGoal));
    expect(replyText(undone)).toContain('Undone: *calls 40 weekly* is back.');
    expect(await goals()).toMatchObject([{ ownerId: people.rita.id, metric: 'call', period: 'week', note: 'first calls to new leads', setBy: people.mia.id, target: before?.target }]);
    const twice = await h.click(people.mia, ids.actions.undoGoal, buttonValue(removed, ids.actions.undoGoal));
    expect(replyText(twice)).toContain('That goal has changed since');
    expect(await goals()).toHaveLength(1);
  });

  it('the list’s Remove says what went, with Undo', async () => {
    await h.command(people.rita, '/goal', 'calls 40 weekly');
    const list = await h.command(people.rita, '/goal', 'list');
    const redrawn = await h.click(people.rita, ids.actions.removeGoal, buttonValue(list, ids.actions.removeGoal));
    expect(replyText(redrawn)).toContain('Goal removed: *calls 40 weekly*');
    expect(replyText(redrawn)).toContain('No goals yet.');
    await h.click(people.rita, ids.actions.undoGoal, buttonValue(redrawn, ids.actions.undoGoal));
    expect(await goals()).toMatchObject([{ metric: 'call', period: 'week', setBy: people.rita.id }]);
  });

  describe('a goal a manager set for a rep', () => {
    const rita = mention(people.rita);
    const everyone = [people.mia, people.max, people.wes, people.rita, people.bob];
    /** East (Max) with Rita, West (Wes); Max has set Rita calls 40 weekly. */
    async function quotaByMax() {
      await setUpEastAndWest(h, [people.rita]);
      await h.command(people.max, '/goal', `${rita} calls 40 weekly`);
    }
    const ritasCalls = async () => (await h.database.prisma.goal.findMany({ where: { teamId, ownerId: people.rita.id, metric: 'call' } })).map((g) => g.target.toNumber());
    // What each person types for Rita's goal: Rita speaks of her own, the others name her.
    const matrix: [string, (actor: Person) => string, Person[], number[]][] = [
      ['lower it', (a) => (a === people.rita ? 'calls 10 weekly' : `${rita} calls 10 weekly`), [people.mia, people.max], [10]],
      ['remove it', (a) => (a === people.rita ? 'remove calls weekly' : `remove ${rita} calls weekly`), [people.mia, people.max], []],
    ];
    describe.each(matrix)('%s', (_what, text, allowed, after) => {
      it.each(everyone.map((p) => [p.name, p] as const))('as %s', async (_name, actor) => {
        await quotaByMax();
        const reply = await h.command(actor, '/goal', text(actor));
        if (allowed.includes(actor)) {
          expect(replyText(reply)).not.toContain(':warning:');
          expect(await ritasCalls()).toEqual(after);
          return;
        }
        expect(replyText(reply)).toContain(
          actor === people.rita ? 'This goal was set for you by <@U0MAX>: only your team’s managers and admins can change or remove it.' : 'Only a rep’s team managers and admins',
        );
        expect(await ritasCalls()).toEqual([40]);
      });
    });

    it('the rep adds goals of her own, and changes those', async () => {
      await quotaByMax();
      expect(replyText(await h.command(people.rita, '/goal', 'emails 20 weekly'))).toContain('Goal set: *emails 20 weekly*');
      expect(replyText(await h.command(people.rita, '/goal', 'emails 15 weekly'))).toContain('Goal updated: *emails 15 weekly* (was 20)');
      const list = await h.command(people.rita, '/goal', 'list');
      // The list's first Remove is for Max's calls goal: refused for her, the goal stays.
      const refused = await h.click(people.rita, ids.actions.removeGoal, buttonValue(list, ids.actions.removeGoal));
      expect(replyText(refused)).toContain('This goal was set for you by <@U0MAX>');
      expect(await ritasCalls()).toEqual([40]);
    });

    it('a manager removed from the team is refused on an old Remove or Undo button', async () => {
      await setUpEastAndWest(h, [people.rita]);
      const set = await h.command(people.max, '/goal', `${rita} calls 40 weekly`);
      const list = await h.command(people.max, '/goal', `list ${rita}`);
      expect(replyText(await h.command(people.mia, '/pacer', `team East remove ${mention(people.max)}`))).toContain('<@U0MAX> removed from *East*.');
      const removed = await h.click(people.max, ids.actions.removeGoal, buttonValue(list, ids.actions.removeGoal));
      expect(replyText(removed)).toContain('Only a rep’s team managers and admins can change or remove their goals.');
      expect(removed.args.replace_original).toBe(false);
      const undone = await h.click(people.max, ids.actions.undoGoal, buttonValue(set, ids.actions.undoGoal));
      expect(replyText(undone)).toContain('Only a rep’s team managers and admins can change or remove their goals.');
      expect(await ritasCalls()).toEqual([40]);
      // Named a manager again, the same buttons work.
      await h.command(people.mia, '/pacer', `team East manager ${mention(people.max)}`);
      await h.click(people.max, ids.actions.removeGoal, buttonValue(list, ids.actions.removeGoal));
      expect(await ritasCalls()).toEqual([]);
    });

    it('a goal the rep set herself stays hers; an admin may change it too', async () => {
      await setUpEastAndWest(h, [people.rita]);
      await h.command(people.rita, '/goal', 'calls 40 weekly');
      expect(replyText(await h.command(people.rita, '/goal', 'calls 30 weekly'))).toContain('Goal updated: *calls 30 weekly* (was 40)');
      expect(replyText(await h.command(people.mia, '/goal', `${rita} calls 45 weekly`))).toContain('Goal updated for <@U0RITA>');
      // Now the admin's: the rep no longer lowers it.
      expect(replyText(await h.command(people.rita, '/goal', 'calls 20 weekly'))).toContain('This goal was set for you by <@U0MIA>');
      expect(await ritasCalls()).toEqual([45]);
    });
  });

  describe('the goal form', () => {
    const submit = (values: Record<string, string>) =>
      h.send.viewSubmission({
        teamId,
        userId: people.rita.id,
        callbackId: ids.views.goalModal,
        privateMetadata: JSON.stringify({ channelId: 'C0SALES' }),
        values: Object.fromEntries(
          Object.entries(ids.goalModal).map(([key, field]) => {
            const value = values[key];
            const kind = key === 'metric' || key === 'period' ? 'static_select' : key.endsWith('On') ? 'datepicker' : 'plain_text_input';
            const state =
              kind === 'static_select'
                ? { type: kind, selected_option: value ? { text: { type: 'plain_text' as const, text: value }, value } : null }
                : kind === 'datepicker'
                  ? { type: kind, selected_date: value ?? null }
                  : { type: kind, value: value ?? null };
            return [field.block, { [field.action]: state }];
          }),
        ),
      });

    it('bare /goal opens it', async () => {
      await h.send.slashCommand({ teamId, userId: people.rita.id, command: '/goal', text: '', channelId: 'C0SALES', responseUrl: h.slack.responseUrl(), triggerId: 'trigger-2' });
      const opened = await h.slack.waitForCall('views.open');
      expect(opened.args.view).toMatchObject({ callback_id: ids.views.goalModal, private_metadata: JSON.stringify({ channelId: 'C0SALES' }) });
    });

    it('shows mistakes under their fields and writes nothing', async () => {
      const answer = await submit({ metric: 'call', target: '0', period: 'week' });
      expect(answer.json).toMatchObject({ response_action: 'errors', errors: { [ids.goalModal.target.block]: expect.stringContaining('positive number') } });
      const custom = await submit({ metric: 'call', target: '5', period: 'custom', startsOn: '2026-12-10', endsOn: '2026-12-01' });
      expect(custom.json).toMatchObject({ errors: { [ids.goalModal.endsOn.block]: expect.stringContaining('ends before it starts') } });
      const forged = await submit({ metric: 'salaries', target: '5', period: 'week' });
      expect(forged.json).toMatchObject({ errors: { [ids.goalModal.metric.block]: expect.any(String) } });
      expect(await goals()).toEqual([]);
    });

    it('sets the goal and tells the rep where they opened it', async () => {
      const answer = await submit({ metric: 'revenue', target: '50000', period: 'month', product: '#Widgets', note: 'new logos only' });
      expect(answer.status).toBe(200);
      const told = await h.slack.waitForCall('chat.postEphemeral');
      expect(told.args).toMatchObject({ channel: 'C0SALES', user: people.rita.id });
      expect(replyText(told)).toContain('Goal set: *revenue 50,000 monthly for #widgets*');
      // A product line's revenue is a quota: the estimates that win it come with it.
      expect(await goals()).toMatchObject([
        { metric: 'revenue', productLine: 'widgets', note: 'new logos only' },
        { metric: 'value:estimate', productLine: 'widgets' },
      ]);
    });
  });
});
