import { describe, expect, it } from 'vitest';
import { leadNameKey } from '../../src/domain/leads.js';
import { ids } from '../../src/slack/ids.js';
import type { StandInCall } from '../../src/stand-in/slack-web-api.js';
import { testDatabaseAvailable } from '../support/test-database.js';
import { buttonValue, people, replyText, teamId, usePacer, type Harness, type Person } from '../support/pacer-harness.js';

const day = 24 * 60 * 60 * 1000;

interface SeedLead {
  owner: Person;
  name: string;
  stage?: string;
  followUp?: string;
  touchedDaysAgo?: number;
  wonDaysAgo?: number;
  value?: number;
}

async function seedLeads(h: Harness, leads: readonly SeedLead[]): Promise<Map<string, string>> {
  const now = h.clock.now().getTime();
  const ids = new Map<string, string>();
  for (const lead of leads) {
    const row = await h.database.prisma.lead.create({
      data: {
        teamId, ownerId: lead.owner.id, name: lead.name, nameKey: leadNameKey(lead.name), account: lead.name, accountKey: leadNameKey(lead.name),
        stage: lead.wonDaysAgo !== undefined ? 'won' : (lead.stage ?? 'contacted'),
        value: lead.value ?? null,
        closedAt: lead.wonDaysAgo !== undefined ? new Date(now - lead.wonDaysAgo * day) : null,
        wonAmount: lead.wonDaysAgo !== undefined ? (lead.value ?? 1000) : null,
        lastTouchedAt: new Date(now - (lead.touchedDaysAgo ?? 0) * day),
        nextFollowUpOn: lead.followUp ? new Date(`${lead.followUp}T00:00:00Z`) : null,
        createdBy: lead.owner.id,
      },
    });
    ids.set(lead.name, row.id);
  }
  return ids;
}

/** Each person has been seen by Pacer (their profile and time zone are kept). */
async function meet(h: Harness, ...who: Person[]) {
  for (const person of who) await h.command(person, '/goal', 'list');
}

const nudgesTo = (h: Harness, person: Person) => h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === person.id && c.response?.ok === true);

/** Clicks an element of a nudge as it sits in the rep's DM. */
async function clickInNudge(h: Harness, person: Person, nudge: StandInCall, input: { actionId: string; value?: string; blockId?: string; selectedOption?: { value: string }; selectedDate?: string }) {
  const responseUrl = h.slack.responseUrl();
  const container = { type: 'message' as const, message_ts: String(nudge.response?.ts), channel_id: String(nudge.response?.channel), is_ephemeral: false };
  const sent = await h.send.blockAction({ teamId, userId: person.id, responseUrl, container, ...input });
  expect(sent.status).toBe(200);
  await h.idle();
  return responseUrl;
}

describe.skipIf(!testDatabaseAvailable())('daily nudges', () => {
  // Monday 30 Nov 2026, 08:30 in Warsaw (Rita), 02:30 in New York (Bob).
  const h = usePacer({ now: '2026-11-30T07:30:00Z' });

  it('one DM at the rep’s own nudge time with missed follow-ups, check-backs and unchased leads; never twice', async () => {
    await meet(h, people.rita, people.bob);
    await seedLeads(h, [
      { owner: people.rita, name: 'Acme Corp', followUp: '2026-11-27', value: 12000 },
      { owner: people.rita, name: 'Globex', stage: 'qualified', touchedDaysAgo: 10 },
      { owner: people.rita, name: 'Initech', wonDaysAgo: 15 },
      { owner: people.rita, name: 'Fresh Lead', stage: 'new', touchedDaysAgo: 1 },
      { owner: people.bob, name: 'Umbrella', followUp: '2026-11-20' },
    ]);
    h.slack.reset();

    await h.scheduler.tick();
    expect(nudgesTo(h, people.rita)).toHaveLength(0);

    h.clock.set('2026-11-30T08:00:00Z'); // 09:00 in Warsaw
    await h.scheduler.tick();
    const [nudge, ...more] = nudgesTo(h, people.rita);
    expect(more).toHaveLength(0);
    const text = replyText(nudge!);
    expect(text).toContain('3 leads need you today');
    expect(text).toContain('*Acme Corp* — follow-up was due Nov 27');
    expect(text).toContain('*Initech* — won 15 days ago: check back');
    expect(text).toContain('*Globex* — no touch for 10 days');
    expect(text).not.toContain('Fresh Lead');
    expect(text.indexOf('Acme Corp')).toBeLessThan(text.indexOf('Initech'));
    expect(text.indexOf('Initech')).toBeLessThan(text.indexOf('Globex'));
    expect(nudgesTo(h, people.bob)).toHaveLength(0);

    h.clock.set('2026-11-30T09:00:00Z');
    await h.scheduler.tick();
    expect(nudgesTo(h, people.rita)).toHaveLength(1);

    h.clock.set('2026-11-30T14:05:00Z'); // 09:05 in New York
    await h.scheduler.tick();
    expect(replyText(nudgesTo(h, people.bob)[0]!)).toContain('*Umbrella* — follow-up was due Nov 20');
    expect(await h.database.prisma.jobRun.count()).toBe(2);
  });

  it('/pacer nudges shows and changes when the nudge comes; a bad time or date changes nothing', async () => {
    expect(replyText(await h.command(people.rita, '/pacer', 'nudges'))).toContain('at *09:00* on Mon, Tue, Wed, Thu, Fri (Europe/Warsaw)');
    expect(replyText(await h.command(people.rita, '/pacer', 'nudges at 8:30am'))).toContain('at *08:30*');
    expect(replyText(await h.command(people.rita, '/pacer', 'nudges days mon-thu'))).toContain('on Mon, Tue, Wed, Thu (');
    expect(replyText(await h.command(people.rita, '/pacer', 'nudges at 25:00'))).toContain('“25:00” is not a time');
    expect(replyText(await h.command(people.rita, '/pacer', 'away until soon'))).toContain('“soon” is not a date I can read');
    expect(replyText(await h.command(people.rita, '/pacer', 'away until friday'))).toContain('You are away until Dec 4');
    expect(await h.database.prisma.member.findFirst({ where: { userId: people.rita.id } })).toMatchObject({ nudgeAt: '08:30', nudgeDays: [1, 2, 3, 4], awayUntil: '2026-12-04' });
  });

  it('nothing to say: no DM; weekends, days off and absences: no run at all', async () => {
    await meet(h, people.rita);
    h.clock.set('2026-11-30T08:00:00Z');
    await h.scheduler.tick();
    expect(nudgesTo(h, people.rita)).toHaveLength(0);
    expect(await h.database.prisma.jobRun.findMany()).toMatchObject([{ subject: people.rita.id, outcome: 'nothing' }]);

    await seedLeads(h, [{ owner: people.rita, name: 'Acme Corp', followUp: '2026-11-27' }]);
    h.clock.set('2026-12-05T08:30:00Z'); // Saturday
    await h.scheduler.tick();
    await h.command(people.rita, '/pacer', 'away until 2026-12-08');
    h.clock.set('2026-12-07T08:30:00Z'); // Monday, away
    await h.scheduler.tick();
    expect(nudgesTo(h, people.rita)).toHaveLength(0);
    h.clock.set('2026-12-09T08:30:00Z'); // back
    await h.scheduler.tick();
    expect(nudgesTo(h, people.rita)).toHaveLength(1);
  });

  it('a run missed while Pacer was down is made up once the same day, and dropped once the day is over', async () => {
    await meet(h, people.rita);
    await seedLeads(h, [{ owner: people.rita, name: 'Acme Corp', followUp: '2026-11-27' }]);
    h.clock.set('2026-11-30T12:00:00Z'); // 13:00 in Warsaw: down all morning
    await h.scheduler.tick();
    await h.scheduler.tick();
    expect(nudgesTo(h, people.rita)).toHaveLength(1);

    h.clock.set('2026-12-01T22:30:00Z'); // Tuesday 23:30 in Warsaw: too late, the next morning's replaces it
    await h.scheduler.tick();
    expect(nudgesTo(h, people.rita)).toHaveLength(1);
    h.clock.set('2026-12-02T08:00:00Z');
    await h.scheduler.tick();
    expect(nudgesTo(h, people.rita)).toHaveLength(2);
  });

  it('Slack’s 429 and 500 delay the nudge but lose nothing; a permanent error is recorded and not retried', async () => {
    await meet(h, people.rita, people.bob);
    await seedLeads(h, [
      { owner: people.rita, name: 'Acme Corp', followUp: '2026-11-27' },
      { owner: people.bob, name: 'Umbrella', followUp: '2026-11-20' },
    ]);
    h.clock.set('2026-11-30T08:00:00Z');
    h.slack.queueFault('chat.postMessage', { status: 429, retryAfter: 30 });
    h.slack.queueFault('chat.postMessage', { status: 500 });
    await h.scheduler.tick();
    expect(nudgesTo(h, people.rita)).toHaveLength(0);
    expect(await h.database.prisma.outboxMessage.findFirst()).toMatchObject({ status: 'pending', attempts: 1, lastError: 'ratelimited' });

    h.clock.set('2026-11-30T08:00:31Z');
    await h.scheduler.tick();
    expect(nudgesTo(h, people.rita)).toHaveLength(0);
    expect(await h.database.prisma.outboxMessage.findFirst()).toMatchObject({ status: 'pending', attempts: 2, lastError: 'HTTP 500' });

    h.clock.set('2026-11-30T08:10:00Z');
    await h.scheduler.tick();
    await h.scheduler.tick();
    expect(nudgesTo(h, people.rita)).toHaveLength(1);

    h.slack.queueFault('chat.postMessage', { ok: false, error: 'account_inactive' });
    h.clock.set('2026-11-30T14:00:00Z');
    await h.scheduler.tick();
    h.clock.set('2026-11-30T15:00:00Z');
    await h.scheduler.tick();
    expect(nudgesTo(h, people.bob)).toHaveLength(0);
    expect(h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === people.bob.id)).toHaveLength(1);
    expect(await h.database.prisma.outboxMessage.findFirst({ where: { channel: people.bob.id } })).toMatchObject({ status: 'failed', lastError: 'account_inactive' });
  });

  it('a run killed between claiming and sending is sent exactly once after the restart', async () => {
    await meet(h, people.rita);
    await seedLeads(h, [{ owner: people.rita, name: 'Acme Corp', followUp: '2026-11-27' }]);
    h.clock.set('2026-11-30T08:00:00Z');
    // Claimed, then the process died mid-send: the row is left "sending" with a lease.
    h.slack.queueFault('chat.postMessage', { status: 500 });
    await h.scheduler.tick();
    await h.database.prisma.outboxMessage.updateMany({ data: { status: 'sending', leaseUntil: new Date('2026-11-30T08:01:00Z'), notBefore: new Date('2026-11-30T08:00:00Z') } });
    h.clock.set('2026-11-30T08:02:00Z');
    await h.scheduler.tick();
    await h.scheduler.tick();
    expect(nudgesTo(h, people.rita)).toHaveLength(1);
  });

  it('waits for Do Not Disturb to end, the same day', async () => {
    await meet(h, people.rita);
    await seedLeads(h, [{ owner: people.rita, name: 'Acme Corp', followUp: '2026-11-27' }]);
    const until = Date.parse('2026-11-30T09:30:00Z') / 1000;
    h.slack.setDnd(people.rita.id, { dnd_enabled: true, next_dnd_start_ts: until - 8 * 3600, next_dnd_end_ts: until });
    h.clock.set('2026-11-30T08:00:00Z');
    await h.scheduler.tick();
    expect(nudgesTo(h, people.rita)).toHaveLength(0);
    h.slack.setDnd(people.rita.id, null);
    h.clock.set('2026-11-30T09:31:00Z');
    await h.scheduler.tick();
    expect(nudgesTo(h, people.rita)).toHaveLength(1);
  });

  it('each button changes the lead as labelled and updates the DM in place', async () => {
    await meet(h, people.rita, people.bob);
    const leads = await seedLeads(h, [
      { owner: people.rita, name: 'Acme Corp', followUp: '2026-11-27' },
      { owner: people.rita, name: 'Globex', stage: 'qualified', touchedDaysAgo: 10 },
      { owner: people.rita, name: 'Hooli', stage: 'estimate', touchedDaysAgo: 9 },
      { owner: people.rita, name: 'Initech', wonDaysAgo: 15 },
      { owner: people.rita, name: 'Vandelay', stage: 'new', touchedDaysAgo: 3 },
    ]);
    h.clock.set('2026-11-30T08:00:00Z');
    await h.scheduler.tick();
    const nudge = nudgesTo(h, people.rita)[0]!;
    const acme = leads.get('Acme Corp')!;

    // Someone else's click changes nothing.
    const refusedAt = await clickInNudge(h, people.bob, nudge, { actionId: ids.actions.nudgeTouched, value: buttonValue(nudge, ids.actions.nudgeTouched) });
    expect(replyText(await h.slack.waitForCall('response_url', (c) => c.url === refusedAt))).toContain('belongs to <@U0RITA>');

    await clickInNudge(h, people.rita, nudge, { actionId: ids.actions.nudgeTouched, value: `v1:${acme}` });
    const touched = await h.database.prisma.lead.findUniqueOrThrow({ where: { id: acme } });
    expect(touched.lastTouchedAt.toISOString()).toBe('2026-11-30T08:00:00.000Z');
    const update = h.slack.callsTo('chat.update').at(-1)!;
    expect(update.args).toMatchObject({ channel: nudge.response?.channel, ts: nudge.response?.ts });
    expect(replyText(update)).toContain('Touched: Acme Corp counts as chased today.');
    expect(replyText(update)).toContain('Globex');

    await clickInNudge(h, people.rita, nudge, { actionId: ids.actions.nudgeSnooze, selectedOption: { value: `v1:${leads.get('Globex')}:3` } });
    expect(await h.database.prisma.lead.findUniqueOrThrow({ where: { id: leads.get('Globex')! } })).toMatchObject({ snoozedUntil: new Date('2026-12-03T00:00:00Z') });

    await clickInNudge(h, people.rita, nudge, { actionId: ids.actions.nudgeReschedule, blockId: `nudge.${leads.get('Hooli')}`, selectedDate: '2026-12-04' });
    expect(await h.database.prisma.lead.findUniqueOrThrow({ where: { id: leads.get('Hooli')! } })).toMatchObject({ nextFollowUpOn: new Date('2026-12-04T00:00:00Z') });

    await clickInNudge(h, people.rita, nudge, { actionId: ids.actions.nudgeLost, value: `v1:${leads.get('Vandelay')}` });
    expect(await h.database.prisma.lead.findUniqueOrThrow({ where: { id: leads.get('Vandelay')! } })).toMatchObject({ stage: 'lost' });

    // The latest copy of the DM carries every mark.
    const last = replyText(h.slack.callsTo('chat.update').at(-1)!);
    for (const done of ['Touched: Acme Corp', 'Snoozed: Globex comes back on Dec 3', 'Rescheduled: follow up Hooli on Dec 4', 'Marked lost: Vandelay']) expect(last).toContain(done);

    // A forged or stale value is refused and changes nothing.
    const staleAt = await clickInNudge(h, people.rita, nudge, { actionId: ids.actions.nudgeSnooze, selectedOption: { value: `v1:${acme}:30` } });
    expect(replyText(await h.slack.waitForCall('response_url', (c) => c.url === staleAt))).toContain('out of date');

    // The check-back: a form, then the satisfaction kept with the won lead.
    await clickInNudge(h, people.rita, nudge, { actionId: ids.actions.nudgeSatisfaction, value: `v1:${leads.get('Initech')}` });
    const opened = await h.slack.waitForCall('views.open');
    const view = opened.args.view as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe(ids.views.satisfaction);
    const values = (score: string | null, complaint: string) => ({
      [ids.satisfactionModal.score.block]: { [ids.satisfactionModal.score.action]: { type: 'static_select', selected_option: score === null ? null : { value: score, text: { type: 'plain_text' as const, text: score } } } },
      [ids.satisfactionModal.complaint.block]: { [ids.satisfactionModal.complaint.action]: { type: 'plain_text_input', value: complaint } },
    });
    const refused = await h.send.viewSubmission({ teamId, userId: people.rita.id, callbackId: view.callback_id, privateMetadata: view.private_metadata, values: values(null, '') });
    expect(refused.json).toMatchObject({ response_action: 'errors' });
    const saved = await h.send.viewSubmission({ teamId, userId: people.rita.id, callbackId: view.callback_id, privateMetadata: view.private_metadata, values: values('2', 'Delivery was late') });
    expect(saved.status).toBe(200);
    await h.idle();
    expect(await h.database.prisma.lead.findUniqueOrThrow({ where: { id: leads.get('Initech')! } })).toMatchObject({ satisfaction: 2, complaint: 'Delivery was late' });
    expect(replyText(h.slack.callsTo('chat.update').at(-1)!)).toContain('Checked back with Initech: satisfaction 2/5, complaint noted.');
  });
});
