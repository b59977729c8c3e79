import { ConsoleLogger, LogLevel } from '@slack/logger';
import { describe, expect, it } from 'vitest';
import { createDeps } from '../../src/app.js';
import { ids } from '../../src/slack/ids.js';
import type { PrismaClient } from '../../src/store/generated/client.js';
import { testDatabaseAvailable } from '../support/test-database.js';
import { people, teamId, usePacer } from '../support/pacer-harness.js';

describe.skipIf(!testDatabaseAvailable())('App Home', () => {
  const h = usePacer({ now: '2026-11-25T11:00:00Z' });

  const openHome = async (user: { id: string }) => {
    const sent = await h.send.event({ teamId, event: { type: 'app_home_opened', user: user.id, channel: 'D0HOME', tab: 'home' } });
    expect(sent.status).toBe(200);
    return h.slack.waitForCall('views.publish', (c) => c.args.user_id === user.id);
  };

  /** An open lead (or a closed one) with its follow-up date, written straight to the database. */
  const seedLead = (owner: { id: string }, name: string, nextFollowUpOn: string | null, stage = 'contacted') =>
    h.database.prisma.lead.create({
      data: {
        teamId, ownerId: owner.id, name, nameKey: name.toLowerCase(), account: name, accountKey: name.toLowerCase(), stage, createdBy: owner.id,
        lastTouchedAt: new Date('2026-11-18T09:00:00Z'), nextFollowUpOn: nextFollowUpOn === null ? null : new Date(`${nextFollowUpOn}T00:00:00Z`),
        ...(stage === 'won' || stage === 'lost' ? { closedAt: new Date('2026-11-19T09:00:00Z') } : {}),
      },
    });

  it('shows goals with bars and pace, this week’s activity, and the three buttons', async () => {
    await h.command(people.rita, '/goal', 'calls 40 weekly');
    await h.command(people.rita, '/log', 'call 8');
    await h.command(people.rita, '/log', 'deal 12000 Acme Corp');
    h.slack.reset();
    const published = await openHome(people.rita);
    const view = JSON.stringify(published.args.view);
    expect(view).toContain('*Calls this week:* 8 / 40 — behind pace (expected 20 by now)');
    expect(view).toContain('▰▰▱▱▱▱▱▱▱▱ 20%');
    expect(view).toContain('8 calls\\n1 deal · 12,000');
    expect(view).toContain('18 points this week');
    expect(view).toContain(ids.actions.openLogModal);
    expect(view).toContain(ids.actions.openGoalModal);
    expect(view).toContain(ids.actions.openLeadModal);
  });

  it('is redrawn after every log, so it stays live', async () => {
    await h.command(people.rita, '/log', 'call 2');
    const published = await h.slack.waitForCall('views.publish', (c) => c.args.user_id === people.rita.id);
    expect(JSON.stringify(published.args.view)).toContain('2 calls');
  });

  it('a burst of logs by one rep is all on the Home published after it', async () => {
    await h.command(people.rita, '/goal', 'calls 40 weekly');
    const urls = Array.from({ length: 5 }, () => h.slack.responseUrl());
    const sent = await Promise.all(urls.map((responseUrl) => h.send.slashCommand({ teamId, userId: people.rita.id, command: '/log', text: 'call 1', responseUrl })));
    expect(sent.map((s) => s.status)).toEqual([200, 200, 200, 200, 200]);
    await Promise.all(urls.map((url) => h.slack.waitForCall('response_url', (c) => c.url === url)));
    await h.idle();
    const homes = h.slack.callsTo('views.publish').filter((c) => c.args.user_id === people.rita.id).map((c) => JSON.stringify(c.args.view));
    expect(homes.some((view) => view.includes('*Calls this week:* 5 / 40'))).toBe(true);
  });

  it('Home reads asked for while one is under way share the next read, which sees every change made before it was asked for', async () => {
    await h.command(people.rita, '/goal', 'calls 40 weekly');
    let totalsRead = 0;
    const counted = h.database.prisma.$extends({
      query: { activity: { async groupBy({ args, query }) { totalsRead += 1; return query(args); } } },
    }) as unknown as PrismaClient;
    const logger = new ConsoleLogger();
    logger.setLevel(LogLevel.ERROR);
    const { homeDashboard, members, activityLog } = createDeps(counted, h.clock, logger);
    const rita = (await members.find(teamId, people.rita.id))!;

    totalsRead = 0;
    const burst = await Promise.all([1, 2, 3, 4].map(() => homeDashboard.snapshot(rita)));
    // The week's totals and the weekly goal's standing are one read: two snapshots read, four asked for.
    expect(totalsRead).toBe(2);
    expect(new Set(burst.slice(1)).size).toBe(1);

    const before = homeDashboard.snapshot(rita);
    await activityLog.log(rita, { typeKey: 'call', count: 3, amount: null, lead: null, productLine: null, note: null });
    const after = await homeDashboard.snapshot(rita);
    await before;
    expect(after.standings[0]!.pace.actual).toBe(3);
  });

  it('a newcomer sees an invitation instead of an empty page', async () => {
    const view = JSON.stringify((await openHome(people.bob)).args.view);
    expect(view).toContain('No goals yet.');
    expect(view).toContain('Nothing logged this week yet.');
    expect(view).toContain('No follow-ups due today.');
    expect(view).toContain(ids.actions.openLeadModal);
  });

  it('lists the rep’s open leads due today or overdue, overdue first and flagged', async () => {
    await seedLead(people.rita, 'Acme Corp', '2026-11-25');
    await seedLead(people.rita, 'Initech', '2026-11-20');
    await seedLead(people.rita, 'Globex', '2026-11-27');
    await seedLead(people.rita, 'No Plan', null);
    await seedLead(people.rita, 'Lost Cause', '2026-11-20', 'lost');
    await seedLead(people.bob, 'Umbrella', '2026-11-20');
    const view = JSON.stringify((await openHome(people.rita)).args.view);
    expect(view).toContain('Today’s follow-ups');
    expect(view).toContain(':warning: *Initech* · *overdue* since Nov 20 (5 days)\\n*Acme Corp* · due today"');
    for (const elsewhere of ['Globex', 'No Plan', 'Lost Cause', 'Umbrella', '/lead list']) expect(view).not.toContain(elsewhere);
    expect(view).toContain(`"action_id":"${ids.actions.openLeadModal}"`);
  });

  it('reads “today” in the rep’s own time zone', async () => {
    await seedLead(people.bob, 'Umbrella', '2026-11-25');
    // 22:00 on the 24th in New York.
    h.clock.set('2026-11-25T03:00:00Z');
    const lateEvening = JSON.stringify((await openHome(people.bob)).args.view);
    h.clock.set('2026-11-25T11:00:00Z');
    expect(lateEvening).toContain('No follow-ups due today.');
    h.slack.reset();
    expect(JSON.stringify((await openHome(people.bob)).args.view)).toContain('*Umbrella* · due today');
  });

  it('shows ten follow-ups and counts the rest', async () => {
    for (let i = 1; i <= 12; i++) await seedLead(people.rita, `Lead ${String(i).padStart(2, '0')}`, '2026-11-25');
    const view = JSON.stringify((await openHome(people.rita)).args.view);
    expect(view).toContain('*Lead 10* · due today"');
    expect(view).not.toContain('Lead 11');
    expect(view).toContain('and 2 more: `/lead list`');
  });

  it('its buttons open the log, goal and lead forms', async () => {
    for (const [actionId, callbackId] of [
      [ids.actions.openLogModal, ids.views.logModal],
      [ids.actions.openGoalModal, ids.views.goalModal],
      [ids.actions.openLeadModal, ids.views.leadModal],
    ] as const) {
      h.slack.reset();
      const sent = await h.send.blockAction({ teamId, userId: people.rita.id, actionId, view: { id: 'VHOME', type: 'home' }, triggerId: `t-${actionId}` });
      expect(sent.status).toBe(200);
      const opened = await h.slack.waitForCall('views.open');
      expect(opened.args).toMatchObject({ trigger_id: `t-${actionId}`, view: { callback_id: callbackId, private_metadata: '{"channelId":null}' } });
    }
  });

  it('a log from the form is confirmed in the rep’s DM when opened from Home', async () => {
    const values = {
      [ids.logModal.type.block]: { [ids.logModal.type.action]: { type: 'static_select', selected_option: { text: { type: 'plain_text' as const, text: 'Call' }, value: 'call' } } },
      [ids.logModal.count.block]: { [ids.logModal.count.action]: { type: 'number_input', value: '4' } },
      [ids.logModal.amount.block]: { [ids.logModal.amount.action]: { type: 'number_input', value: null } },
      [ids.logModal.lead.block]: { [ids.logModal.lead.action]: { type: 'plain_text_input', value: 'Acme Corp' } },
      [ids.logModal.product.block]: { [ids.logModal.product.action]: { type: 'plain_text_input', value: null } },
      [ids.logModal.note.block]: { [ids.logModal.note.action]: { type: 'plain_text_input', value: null } },
    };
    const answer = await h.send.viewSubmission({ teamId, userId: people.rita.id, callbackId: ids.views.logModal, privateMetadata: '{"channelId":null}', values });
    expect(answer.status).toBe(200);
    const dm = await h.slack.waitForCall('chat.postMessage', (c) => c.args.channel === people.rita.id);
    expect(JSON.stringify(dm.args.blocks)).toContain('Logged *4 calls* · lead: Acme Corp');

    const tooMany = { ...values, [ids.logModal.count.block]: { [ids.logModal.count.action]: { type: 'number_input', value: '20000' } } };
    const refused = await h.send.viewSubmission({ teamId, userId: people.rita.id, callbackId: ids.views.logModal, values: tooMany });
    expect(refused.json).toMatchObject({ response_action: 'errors', errors: { [ids.logModal.count.block]: expect.stringContaining('1 to 10,000') } });
    expect(await h.database.prisma.activity.count()).toBe(1);
  });
});
