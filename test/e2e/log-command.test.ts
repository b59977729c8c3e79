import { describe, expect, it, onTestFinished } from 'vitest';
import { buildLogModal } from '../../blocks/modals.js';
import { translator } from '../../src/i18n/index.js';
import { ids } from '../../src/slack/ids.js';
import { submittedState } from '../../src/stand-in/view-state.js';
import { testDatabaseAvailable } from '../support/test-database.js';
import { buttonValue, mention, people, replyText, teamId, usePacer } from '../support/pacer-harness.js';

const undoValue = (call: { args: Record<string, unknown> }) => {
  const blocks = call.args.blocks as { type: string; elements?: { action_id: string; value: string }[] }[];
  const button = blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === ids.actions.undoLog);
  if (!button) throw new Error('no Undo button');
  return button.value;
};

describe.skipIf(!testDatabaseAvailable())('/log', () => {
  // Wednesday 25 Nov 2026, 12:00 in Warsaw (Rita), 06:00 in New York (Bob).
  const h = usePacer({ now: '2026-11-25T11:00:00Z' });

  it('records the activity and tells the rep where each goal stands', async () => {
    await h.command(people.rita, '/goal', 'calls 40 weekly');
    await h.command(people.rita, '/log', 'call 5');
    const reply = await h.command(people.rita, '/log', 'calls 3 Acme Corp called CFO');
    expect(reply.args.response_type).toBe('ephemeral');
    expect(replyText(reply)).toContain('Logged *3 calls* · lead: Acme Corp · note: called CFO');
    expect(replyText(reply)).toContain('*Calls this week:* 8 / 40 — behind pace (expected 20 by now)');
    const rows = await h.database.prisma.activity.findMany({ where: { teamId, userId: people.rita.id }, orderBy: { createdAt: 'asc' } });
    expect(rows.map((r) => [r.typeKey, r.count, r.points, r.lead, r.note])).toEqual([
      ['call', 5, 5, null, null],
      ['call', 3, 3, 'Acme Corp', 'called CFO'],
    ]);
  });

  it('speaks and reads the rep’s language: a Russian Slack logs /log сделка 12 000 as one deal worth 12 000, in Russian with its plurals', async () => {
    const russian = { ...people.rita, locale: 'ru-RU' };
    h.slack.setUser(russian);
    onTestFinished(() => h.slack.setUser(people.rita));
    expect(replyText(await h.command(russian, '/log', 'сделка 12 000 Acme Corp'))).toMatch(/Записано: \*1 сделка · 12\s000\*/);
    expect(replyText(await h.command(russian, '/log', 'звонок 5'))).toContain('Записано: *5 звонков*');
    expect(replyText(await h.command(russian, '/log', 'call 2'))).toContain('Записано: *2 звонка*');
    const rows = await h.database.prisma.activity.findMany({ where: { teamId, userId: people.rita.id }, orderBy: { createdAt: 'asc' } });
    expect(rows.map((r) => [r.typeKey, r.count, r.amount?.toNumber() ?? null, r.lead])).toEqual([
      ['deal', 1, 12000, 'Acme Corp'],
      ['call', 5, null, null],
      ['call', 2, null, null],
    ]);
  });

  describe('with the rep’s own leads', () => {
    const addLead = async (person: typeof people.rita, name: string) => {
      h.clock.set('2026-11-23T09:00:00Z');
      await h.command(person, '/lead', `add ${name}`);
      h.clock.set('2026-11-25T11:00:00Z');
    };
    const leadNamed = (name: string) => h.database.prisma.lead.findFirstOrThrow({ where: { teamId, name } });

    it('names a lead by the start of its name, logs once and touches the lead', async () => {
      await addLead(people.rita, 'Acme Corp');
      const before = await leadNamed('Acme Corp');
      const reply = await h.command(people.rita, '/log', 'call 5 acme spoke with the CFO');
      expect(replyText(reply)).toContain('Logged *5 calls* · lead: Acme Corp · note: spoke with the CFO');
      const after = await leadNamed('Acme Corp');
      expect(after.lastTouchedAt).toEqual(new Date('2026-11-25T11:00:00Z'));
      expect(after.lastTouchedAt.getTime()).toBeGreaterThan(before.lastTouchedAt.getTime());
      expect(after.stage).toBe('contacted');
      expect(await h.database.prisma.activity.findMany({ where: { teamId } })).toMatchObject([
        { userId: people.rita.id, typeKey: 'call', count: 5, lead: 'Acme Corp', note: 'spoke with the CFO', leadId: after.id },
      ]);
      const events = await h.database.prisma.leadEvent.findMany({ where: { leadId: after.id }, orderBy: { at: 'asc' } });
      expect(events.map((e) => [e.kind, e.by, e.at.toISOString()])).toEqual([
        ['created', people.rita.id, '2026-11-23T09:00:00.000Z'],
        ['touch', people.rita.id, '2026-11-25T11:00:00.000Z'],
      ]);
    });

    it('asks which lead when the words start more than one, and writes nothing', async () => {
      await addLead(people.rita, 'Acme Corp');
      await addLead(people.rita, 'Acme Industries');
      const reply = await h.command(people.rita, '/log', 'call acme called them');
      expect(replyText(reply)).toContain('“acme” could be more than one lead: Acme Corp, Acme Industries.');
      expect(await h.database.prisma.activity.count()).toBe(0);
      expect(await h.database.prisma.leadEvent.count({ where: { kind: 'touch' } })).toBe(0);
    });

    it('leaves other reps’ leads alone and keeps a plain note a note', async () => {
      await addLead(people.bob, 'Globex');
      await addLead(people.rita, 'Sentinel Ltd');
      const globex = await leadNamed('Globex');
      expect(globex.ownerId).toBe(people.bob.id);
      await h.command(people.rita, '/log', 'call Globex left a voicemail');
      await h.command(people.rita, '/log', 'email 2 sent pricing');
      const rows = await h.database.prisma.activity.findMany({ where: { teamId }, orderBy: { createdAt: 'asc' } });
      expect(rows.map((r) => [r.lead, r.note, r.leadId])).toEqual([
        ['Globex', 'left a voicemail', null],
        [null, 'sent pricing', null],
      ]);
      expect(await h.database.prisma.leadEvent.count({ where: { kind: 'touch' } })).toBe(0);
      expect((await leadNamed('Globex')).lastTouchedAt).toEqual(globex.lastTouchedAt);
    });
  });

  it('pace follows the rep’s own time zone', async () => {
    await h.command(people.bob, '/goal', 'calls 40 weekly');
    const reply = await h.command(people.bob, '/log', 'call 5');
    // 06:00 Wednesday in New York: 2.25 of 5 working days have passed.
    expect(replyText(reply)).toContain('*Calls this week:* 5 / 40 — behind pace (expected 18 by now)');
  });

  it('a won deal counts towards revenue, points and a product line', async () => {
    await h.command(people.rita, '/goal', 'revenue 50000 monthly #widgets');
    await h.command(people.rita, '/goal', 'points 100 weekly');
    await h.command(people.rita, '/goal', 'revenue 10000 monthly #gadgets');
    const reply = await h.command(people.rita, '/log', 'deal 12000 Acme Corp #widgets');
    expect(replyText(reply)).toContain('*Revenue #widgets this month:* 12,000 / 50,000');
    expect(replyText(reply)).toContain('*Points this week:* 10 / 100');
    expect(replyText(reply)).not.toContain('gadgets');
  });

  it('Undo removes exactly that log, and only for its author', async () => {
    await h.command(people.rita, '/goal', 'calls 40 weekly');
    await h.command(people.rita, '/log', 'call 5');
    const second = await h.command(people.rita, '/log', 'call 3');
    const refused = await h.click(people.bob, ids.actions.undoLog, undoValue(second));
    expect(replyText(refused)).toContain('Only <@U0RITA> can undo this log.');
    expect(refused.args.replace_original).toBe(false);
    expect(await h.database.prisma.activity.count()).toBe(2);

    const undone = await h.click(people.rita, ids.actions.undoLog, undoValue(second));
    expect(undone.args.replace_original).toBe(true);
    expect(replyText(undone)).toContain('Undone: 3 calls is no longer counted.');
    expect(replyText(undone)).toContain('*Calls this week:* 5 / 40');
    expect(await h.database.prisma.activity.findMany()).toMatchObject([{ count: 5 }]);

    const again = await h.click(people.rita, ids.actions.undoLog, undoValue(second));
    expect(replyText(again)).toContain('That log was already undone.');
    expect(await h.database.prisma.activity.count()).toBe(1);
  });

  it.each([
    ['dance 5', 'I don’t know the activity “dance”. Choose one of: call, email, meeting'],
    ['call 0', 'The count must be a whole number from 1 to 10,000'],
    ['call -2', 'The count must be a whole number from 1 to 10,000'],
    ['call 10001', 'The count must be a whole number from 1 to 10,000'],
    ['deal Acme Corp', 'A deal needs its amount'],
    ['call 5 #one #two', 'One product line at a time'],
  ])('bad input "%s" is explained, with the right form, and nothing is written', async (input, message) => {
    const reply = await h.command(people.rita, '/log', input);
    expect(reply.args.response_type).toBe('ephemeral');
    expect(replyText(reply)).toContain(message);
    expect(replyText(reply)).toContain('/log &lt;type&gt; [count] [amount] [lead] [#product] [note]');
    expect(await h.database.prisma.activity.count()).toBe(0);
  });

  it('a forged Undo value is refused without touching anything', async () => {
    await h.command(people.rita, '/log', 'call 5');
    const reply = await h.click(people.rita, ids.actions.undoLog, "'; DROP TABLE activities; --");
    expect(replyText(reply)).toContain('That button is out of date.');
    expect(await h.database.prisma.activity.count()).toBe(1);
  });

  it('bare /log opens the form with the workspace’s types', async () => {
    await h.send.slashCommand({ teamId, userId: people.rita.id, command: '/log', text: '', responseUrl: h.slack.responseUrl(), triggerId: 'trigger-1' });
    const opened = await h.slack.waitForCall('views.open');
    expect(opened.args.trigger_id).toBe('trigger-1');
    expect(JSON.stringify(opened.args.view)).toContain('"value":"estimate"');
  });

  it('/log help lists the types', async () => {
    const reply = await h.command(people.rita, '/log', 'help');
    expect(replyText(reply)).toContain('Types: call, email, meeting, demo, estimate, proposal, deal, lost, referral.');
  });
});

describe.skipIf(!testDatabaseAvailable())('/log never saves a misread silently (issue 9)', () => {
  // Wednesday 2 Dec 2026, 12:00 in Warsaw (Rita). Friday 27 Nov was last week, and last month.
  const h = usePacer({ now: '2026-12-02T11:00:00Z' });
  const rows = () => h.database.prisma.activity.findMany({ where: { teamId }, orderBy: { createdAt: 'asc' } });
  const shape = async () => (await rows()).map((r) => ({ typeKey: r.typeKey, count: r.count, amount: r.amount?.toNumber() ?? null, lead: r.lead, note: r.note }));

  describe('money read as a count is asked about, and nothing is written until answered', () => {
    it('`/log lost 5000 Acme`: one lost deal worth 5,000, once the rep says so', async () => {
      const question = await h.command(people.rita, '/log', 'lost 5000 Acme');
      expect(question.args.response_type).toBe('ephemeral');
      expect(replyText(question)).toContain('*5,000 lost deals*, or *one lost deal worth 5,000*?');
      expect(await h.database.prisma.activity.count()).toBe(0);

      const answered = await h.click(people.rita, ids.actions.logAsAmount, buttonValue(question, ids.actions.logAsAmount));
      expect(answered.args.replace_original).toBe(true);
      expect(replyText(answered)).toContain('Logged *1 lost deal · 5,000* · lead: Acme');
      expect(buttonValue(answered, ids.actions.undoLog)).toMatch(/^[0-9a-f-]{36}$/);
      expect(await shape()).toEqual([{ typeKey: 'lost', count: 1, amount: 5000, lead: 'Acme', note: null }]);
    });

    it('`/log estimate 5000 Acme #widgets` does not reach the estimates goal; 5,000 estimates only when chosen', async () => {
      await h.command(people.rita, '/goal', 'estimates 40 monthly #widgets');
      const question = await h.command(people.rita, '/log', 'estimate 5000 Acme #widgets');
      expect(replyText(question)).toContain('*5,000 estimates*, or *one estimate worth 5,000*?');
      expect(await h.database.prisma.activity.count()).toBe(0);
      const chosen = await h.click(people.rita, ids.actions.logAsCount, buttonValue(question, ids.actions.logAsCount));
      expect(replyText(chosen)).toContain('Logged *5,000 estimates* · lead: Acme · #widgets');
      expect(await shape()).toEqual([{ typeKey: 'estimate', count: 5000, amount: null, lead: 'Acme', note: null }]);
    });

    it('`/log proposal 8000 Acme` earns no points before the answer', async () => {
      const question = await h.command(people.rita, '/log', 'proposal 8000 Acme');
      expect(replyText(question)).toContain('*8,000 proposals*, or *one proposal worth 8,000*?');
      expect(await h.database.prisma.activity.count()).toBe(0);
      await h.click(people.rita, ids.actions.logAsAmount, buttonValue(question, ids.actions.logAsAmount));
      expect(await rows()).toMatchObject([{ typeKey: 'proposal', count: 1, points: 5 }]);
    });

    it('money written as money is the amount at once; a plausible count is a count', async () => {
      await h.command(people.rita, '/log', 'lost 5,000 Acme');
      await h.command(people.rita, '/log', 'lost $2k Initech');
      await h.command(people.rita, '/log', 'call 200');
      expect(await shape()).toEqual([
        { typeKey: 'lost', count: 1, amount: 5000, lead: 'Acme', note: null },
        { typeKey: 'lost', count: 1, amount: 2000, lead: 'Initech', note: null },
        { typeKey: 'call', count: 200, amount: null, lead: null, note: null },
      ]);
    });

    it('a forged or stale answer is refused without writing', async () => {
      const refused = await h.click(people.rita, ids.actions.logAsCount, JSON.stringify({ v: 1, draft: { typeKey: 'call', count: 99999, amount: null, lead: null, productLine: null, note: null, on: '2026-12-02' } }));
      expect(replyText(refused)).toContain('That button is out of date.');
      const tooOld = await h.click(people.rita, ids.actions.logAsCount, JSON.stringify({ v: 1, draft: { typeKey: 'call', count: 5, amount: null, lead: null, productLine: null, note: null, on: '2026-01-02' } }));
      expect(replyText(tooOld)).toContain('more than 90 days back');
      expect(await h.database.prisma.activity.count()).toBe(0);
    });
  });

  describe('a day is a day, counted in its own period', () => {
    it('`/log call yesterday 5 Acme`: five calls yesterday, lead Acme', async () => {
      await h.command(people.rita, '/goal', 'calls 40 weekly');
      const reply = await h.command(people.rita, '/log', 'call yesterday 5 Acme');
      expect(replyText(reply)).toContain('Logged *5 calls* on Tue, Dec 1 · lead: Acme');
      expect(replyText(reply)).toContain('*Calls this week:* 5 / 40');
      expect(replyText(reply)).not.toContain('earlier period');
      expect(await rows()).toMatchObject([{ typeKey: 'call', count: 5, lead: 'Acme', note: null, occurredAt: new Date('2026-12-01T11:00:00Z') }]);
    });

    it('`/log call 3 Acme 2026-11-27`: counted on Friday, in last week and November, not in this week', async () => {
      await h.command(people.rita, '/goal', 'calls 40 weekly');
      await h.command(people.rita, '/log', 'call 2');
      const reply = await h.command(people.rita, '/log', 'call 3 Acme 2026-11-27');
      expect(replyText(reply)).toContain('Logged *3 calls* on Fri, Nov 27 · lead: Acme');
      expect(replyText(reply)).toContain('*Calls this week:* 2 / 40');
      expect(replyText(reply)).toContain('Fri, Nov 27 is in an earlier period than some goals below');
      expect(await rows()).toMatchObject([
        { count: 2, lead: null, occurredAt: new Date('2026-12-02T11:00:00Z') },
        { count: 3, lead: 'Acme', note: null, occurredAt: new Date('2026-11-27T11:00:00Z') },
      ]);
    });

    it.each([
      ['call 5 on friday', '2026-11-27T11:00:00Z'],
      ['call 5 27.11', '2026-11-27T11:00:00Z'],
      ['5 calls yesterday', '2026-12-01T11:00:00Z'],
    ])('`/log %s` is dated', async (text, at) => {
      await h.command(people.rita, '/log', text);
      expect(await rows()).toMatchObject([{ typeKey: 'call', count: 5, lead: null, note: null, occurredAt: new Date(at) }]);
    });

    it('a day is noon in the rep’s own zone', async () => {
      // 06:00 on Wednesday in New York: yesterday is Tuesday 1 Dec, its noon 17:00 UTC.
      await h.command(people.bob, '/log', 'call 5 yesterday');
      expect(await rows()).toMatchObject([{ userId: people.bob.id, occurredAt: new Date('2026-12-01T17:00:00Z') }]);
    });

    it.each([
      ['call 5 tomorrow', 'is still ahead'],
      ['call 5 2026-08-01', 'more than 90 days back'],
      ['call 5 yesterday friday', 'One day per log'],
    ])('`/log %s` is refused and nothing is written', async (text, message) => {
      expect(replyText(await h.command(people.rita, '/log', text))).toContain(message);
      expect(await h.database.prisma.activity.count()).toBe(0);
    });

    it('the form takes a day, today unless changed, and refuses one out of reach under its field', async () => {
      const form = buildLogModal(translator('en-US'), ['call'], { channelId: null }, '2026-12-02');
      const submit = (typed: Record<string, string>) =>
        h.send.viewSubmission({ teamId, userId: people.rita.id, callbackId: ids.views.logModal, privateMetadata: '{"channelId":null}', values: submittedState(form, typed) });
      await h.command(people.rita, '/log', 'help');
      expect((await submit({ type: 'call', count: '4', on: '2026-11-27' })).status).toBe(200);
      const dm = await h.slack.waitForCall('chat.postMessage', (c) => c.args.channel === people.rita.id);
      expect(replyText(dm)).toContain('Logged *4 calls* on Fri, Nov 27');
      const refused = await submit({ type: 'call', count: '4', on: '2026-12-03' });
      expect(refused.json).toMatchObject({ response_action: 'errors', errors: { [ids.logModal.on.block]: expect.stringContaining('is still ahead') } });
      expect(await h.database.prisma.activity.findMany({ where: { count: 4 } })).toMatchObject([{ occurredAt: new Date('2026-11-27T11:00:00Z') }]);
    });
  });

  describe('what is not a count, a day or a mention is refused, not kept as text', () => {
    it.each([
      ['calls five', 'I read counts as digits: `/log call 5`'],
      ['call 1e9', '“1e9” is not a number I can read'],
      ['call Acme 5', 'I didn’t use “5”'],
      ['call 5 Acme with @bob', 'Pick the person from Slack’s list'],
      ['meetng Acme', 'Did you mean `meeting`?'],
      ['called Acme', 'Did you mean `call`?'],
    ])('`/log %s`', async (text, message) => {
      const reply = await h.command(people.rita, '/log', text);
      expect(replyText(reply)).toContain(message);
      expect(await h.database.prisma.activity.count()).toBe(0);
    });

    it('a mention in a note is shown as a mention', async () => {
      const reply = await h.command(people.rita, '/log', `call 5 Acme with ${mention(people.bob)}`);
      expect(replyText(reply)).toContain('note: with <@U0BOB>');
      expect(await shape()).toEqual([{ typeKey: 'call', count: 5, amount: null, lead: 'Acme', note: 'with <@U0BOB>' }]);
    });
  });

  describe('leads end where a sentence does, and natural orders read', () => {
    it('`/log call 5 Acme Corp. Spoke with the CFO`', async () => {
      const reply = await h.command(people.rita, '/log', 'call 5 Acme Corp. Spoke with the CFO');
      expect(replyText(reply)).toContain('lead: Acme Corp · note: Spoke with the CFO');
      expect(await shape()).toEqual([{ typeKey: 'call', count: 5, amount: null, lead: 'Acme Corp', note: 'Spoke with the CFO' }]);
    });

    it('`/log 5 calls` and `/log 2 demos Acme`', async () => {
      await h.command(people.rita, '/log', '5 calls');
      await h.command(people.rita, '/log', '2 demos Acme');
      expect(await shape()).toEqual([
        { typeKey: 'call', count: 5, amount: null, lead: null, note: null },
        { typeKey: 'demo', count: 2, amount: null, lead: 'Acme', note: null },
      ]);
    });
  });
});
