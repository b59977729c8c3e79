import { describe, expect, it } from 'vitest';
import { ids } from '../../src/slack/ids.js';
import { testDatabaseAvailable } from '../support/test-database.js';
import { people, replyText, teamId, usePacer } from '../support/pacer-harness.js';

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
