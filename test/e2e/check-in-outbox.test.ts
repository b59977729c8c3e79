import { describe, expect, it } from 'vitest';
import type { StandInCall } from '../../src/stand-in/slack-web-api.js';
import { testDatabaseAvailable } from '../support/test-database.js';
import { people, replyText, usePacer, type Harness } from '../support/pacer-harness.js';
import { dmsTo, fine, inManagersChannel, managersChannel, openForm, openFromDm, setUpCheckIn, submit, wednesday } from '../support/check-in-steps.js';

const topLevel = (h: Harness) => inManagersChannel(h).filter((c) => c.args.thread_ts === undefined && c.status === 200);
const repliesUnder = (h: Harness, summary: StandInCall) => inManagersChannel(h).filter((c) => c.args.thread_ts === summary.response?.ts && c.status === 200);
const updatesLanded = (h: Harness) => h.slack.callsTo('chat.update').filter((c) => c.status === 200);
const outboxOf = (h: Harness, kind: string) => h.database.prisma.outboxMessage.findMany({ where: { kind }, orderBy: { createdAt: 'asc' } });

async function tickAt(h: Harness, ...instants: string[]) {
  for (const at of instants) {
    h.clock.set(at);
    await h.scheduler.tick();
  }
}

/** The next chat.postMessage after the one `when` picks (the rep's own confirmation) meets `fault`. */
function faultAfter(h: Harness, when: (call: StandInCall) => boolean, fault: Parameters<Harness['slack']['queueFault']>[1]) {
  const stop = h.slack.onCall((call) => {
    if (!when(call)) return;
    stop();
    h.slack.queueFault('chat.postMessage', fault);
  });
}

const confirmationTo = (person: { id: string }) => (call: StandInCall) => call.method === 'chat.postMessage' && call.args.channel === person.id && replyText(call).includes('is in');

describe.skipIf(!testDatabaseAvailable())('check-in posts through the outbox', () => {
  const h = usePacer({ now: wednesday });

  it('an answer given while Slack answers 500, then 429, goes into the summary’s thread once, after the retries', async () => {
    await setUpCheckIn(h);
    await tickAt(h, '2026-12-04T14:00:00Z');
    const [summary] = topLevel(h);
    const form = await openFromDm(h, people.rita, dmsTo(h, people.rita)[0]!);

    faultAfter(h, confirmationTo(people.rita), { status: 500 });
    await submit(h, people.rita, form, fine);
    expect(replyText(dmsTo(h, people.rita).at(-1)!)).toContain('your check-in for team *East* is in');
    expect(repliesUnder(h, summary!)).toHaveLength(0);
    expect(await outboxOf(h, 'checkin-answer')).toMatchObject([{ status: 'pending', attempts: 1, lastError: 'HTTP 500' }]);
    // The redraw does not wait for the reply: the summary already counts the answer.
    expect(replyText(updatesLanded(h).at(-1)!)).toContain('*1 / 2* answered');

    h.slack.queueFault('chat.postMessage', { status: 429, retryAfter: 30 });
    await tickAt(h, '2026-12-04T14:00:10Z');
    expect(repliesUnder(h, summary!)).toHaveLength(0);
    expect(await outboxOf(h, 'checkin-answer')).toMatchObject([{ status: 'pending', attempts: 2, lastError: 'ratelimited' }]);

    await tickAt(h, '2026-12-04T14:00:41Z', '2026-12-04T14:01:00Z', '2026-12-04T20:00:00Z');
    const [reply, ...more] = repliesUnder(h, summary!);
    expect(more).toHaveLength(0);
    expect(reply!.args.channel).toBe(managersChannel);
    expect(replyText(reply!)).toContain('Signed Acme');
    expect(topLevel(h)).toHaveLength(1);
    expect(await outboxOf(h, 'checkin-answer')).toMatchObject([{ status: 'sent', sentTs: reply!.response?.ts }]);
  });

  it('an answer changed before its reply could be sent goes into the thread once, as changed', async () => {
    await setUpCheckIn(h);
    await tickAt(h, '2026-12-04T14:00:00Z');
    const [summary] = topLevel(h);
    const dm = dmsTo(h, people.rita)[0]!;
    faultAfter(h, confirmationTo(people.rita), { status: 500 });
    await submit(h, people.rita, await openFromDm(h, people.rita, dm), fine);
    expect(await outboxOf(h, 'checkin-answer')).toMatchObject([{ status: 'pending', lastError: 'HTTP 500' }]);

    h.clock.set('2026-12-04T14:05:00Z');
    await submit(h, people.rita, await openFromDm(h, people.rita, dm), { ...fine, a_wins: 'Signed Beta' });
    await tickAt(h, '2026-12-04T14:10:00Z', '2026-12-04T20:00:00Z');
    const replies = repliesUnder(h, summary!);
    expect(replies).toHaveLength(1);
    expect(replyText(replies[0]!)).toContain('Signed Beta');
    expect(await outboxOf(h, 'checkin-answer')).toMatchObject([
      { status: 'dropped', lastError: 'a later answer of the rep replaces it' },
      { status: 'sent', sentTs: replies[0]!.response?.ts },
    ]);
  });

  it('an answer whose summary is not sent yet waits for it, then goes into its thread', async () => {
    await setUpCheckIn(h);
    // Rita's ask and the managers' summary both meet a 500.
    h.slack.queueFault('chat.postMessage', { status: 500 });
    h.slack.queueFault('chat.postMessage', { status: 500 });
    await tickAt(h, '2026-12-04T14:00:00Z');
    expect(topLevel(h)).toHaveLength(0);

    await submit(h, people.rita, await openForm(h, people.rita, '/checkin', ''), fine);
    expect(await outboxOf(h, 'checkin-answer')).toMatchObject([{ status: 'pending', lastError: 'waiting for the message it goes with to be sent' }]);
    expect(inManagersChannel(h).filter((c) => c.status === 200)).toHaveLength(0);

    await tickAt(h, '2026-12-04T14:01:00Z', '2026-12-04T14:02:00Z');
    const [summary, ...moreSummaries] = topLevel(h);
    expect(moreSummaries).toHaveLength(0);
    // Drawn as it is sent: the summary already counts the answer, so no redraw is needed.
    expect(replyText(summary!)).toContain('*1 / 2* answered');
    expect(repliesUnder(h, summary!)).toHaveLength(1);
    expect(updatesLanded(h)).toHaveLength(0);
  });

  it('a redraw while Slack is down is retried and lands; redraws of one summary coalesce and never post', async () => {
    await setUpCheckIn(h);
    await tickAt(h, '2026-12-04T20:00:00Z');
    const [summary] = topLevel(h);
    h.slack.queueFault('chat.update', { status: 500 });
    await submit(h, people.rita, await openFromDm(h, people.rita, dmsTo(h, people.rita)[0]!), fine);
    expect(repliesUnder(h, summary!)).toHaveLength(1);
    expect(updatesLanded(h)).toHaveLength(0);
    expect(await outboxOf(h, 'checkin-summary-update')).toMatchObject([{ status: 'pending', lastError: 'HTTP 500' }]);

    // Bob answers while the redraw waits: it is not queued twice, and shows both when it lands.
    h.slack.queueFault('chat.update', { status: 500 });
    await submit(h, people.bob, await openFromDm(h, people.bob, dmsTo(h, people.bob)[0]!), fine);
    expect(await outboxOf(h, 'checkin-summary-update')).toHaveLength(1);
    expect(repliesUnder(h, summary!)).toHaveLength(2);

    await tickAt(h, '2026-12-04T20:01:00Z');
    expect(updatesLanded(h)).toHaveLength(0);
    await tickAt(h, '2026-12-04T20:05:00Z', '2026-12-04T20:06:00Z');
    const [update, ...moreUpdates] = updatesLanded(h);
    expect(moreUpdates).toHaveLength(0);
    expect(update!.args).toMatchObject({ channel: managersChannel, ts: summary!.response?.ts });
    expect(replyText(update!)).toContain('*2 / 2* answered');
    expect(topLevel(h)).toHaveLength(1);
  });

  it('a redraw of a summary that is gone fails for good and posts nothing in its place', async () => {
    await setUpCheckIn(h);
    await tickAt(h, '2026-12-04T20:00:00Z');
    h.slack.queueFault('chat.update', { ok: false, error: 'message_not_found' });
    await submit(h, people.rita, await openFromDm(h, people.rita, dmsTo(h, people.rita)[0]!), fine);
    await tickAt(h, '2026-12-04T20:10:00Z', '2026-12-04T21:00:00Z');
    expect(await outboxOf(h, 'checkin-summary-update')).toMatchObject([{ status: 'failed', lastError: 'message_not_found' }]);
    expect(h.slack.callsTo('chat.update')).toHaveLength(1);
    expect(topLevel(h)).toHaveLength(1);
  });

  it('an answer given the evening before goes into the thread with the summary; reruns post nothing twice', async () => {
    await setUpCheckIn(h);
    h.clock.set('2026-12-03T18:00:00Z'); // Thursday 19:00 in Warsaw
    await submit(h, people.rita, await openForm(h, people.rita, '/checkin', ''), fine);
    expect(await outboxOf(h, 'checkin-answer')).toHaveLength(0);

    await tickAt(h, '2026-12-04T14:00:00Z', '2026-12-04T14:01:00Z', '2026-12-04T20:00:00Z');
    const again = await h.scheduler.runJob('checkins', new Date('2026-12-04T20:00:00Z'));
    expect(again.delivery.sent).toBe(0);
    const [summary, ...moreSummaries] = topLevel(h);
    expect(moreSummaries).toHaveLength(0);
    expect(repliesUnder(h, summary!)).toHaveLength(1);
    expect(dmsTo(h, people.rita).filter((c) => replyText(c).includes('Start check-in'))).toHaveLength(0);
    expect(await h.database.prisma.jobRun.count({ where: { key: { startsWith: 'checkin-answer:' } } })).toBe(1);
  });
});
