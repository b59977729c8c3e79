import { beforeEach, describe, expect, inject, it } from 'vitest';
import { ids } from '../../src/slack/ids.js';
import { buttonValue, people, replyText, teamId, usePacer, type Harness, type Person } from '../support/pacer-harness.js';
import { runJobScript, useSeededJobProcess } from '../support/run-script.js';
import { testDatabaseAvailable } from '../support/test-database.js';

const eastChannel = 'C0EAST';
const boardPosts = (h: Harness) => h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === eastChannel && c.response?.ok === true);
const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Team East (Warsaw time): Rita and Bob sell, Max manages. */
async function teamEast(h: Harness) {
  await h.command(people.mia, '/pacer', `team create East <#${eastChannel}|sales-east>`);
  await h.command(people.mia, '/pacer', 'team East add <@U0RITA> <@U0BOB>');
  await h.command(people.mia, '/pacer', 'team East manager <@U0MAX>');
  await h.command(people.mia, '/pacer', 'team East timezone Europe/Warsaw');
}

async function logAt(h: Harness, at: string, person: Person, text: string) {
  h.clock.set(at);
  const reply = replyText(await h.command(person, '/log', text));
  expect(reply).not.toContain(':warning:');
}

describe.skipIf(!testDatabaseAvailable())('the weekly board', () => {
  // Tuesday 24 Nov 2026, 10:00 in Warsaw: last week, as the board of Monday 30 Nov sees it.
  const h = usePacer({ now: '2026-11-24T09:00:00Z' });

  it('posts last week’s board once on Monday 09:00 team time: ranks, key numbers, shout-outs, badges and a PNG chart', async () => {
    await teamEast(h);
    await logAt(h, '2026-11-24T09:00:00Z', people.rita, 'call 10');
    await logAt(h, '2026-11-25T09:00:00Z', people.rita, 'deal 5000 Acme Corp');
    await logAt(h, '2026-11-26T15:00:00Z', people.bob, 'call 4');
    await logAt(h, '2026-11-27T15:00:00Z', people.bob, 'demo 1');
    await h.database.prisma.kudos.create({
      data: { teamId, giverId: people.rita.id, receiverId: people.bob.id, reason: 'the demo', channelId: eastChannel, givenAt: new Date('2026-11-27T16:00:00Z'), givenOn: '2026-11-27' },
    });
    h.slack.reset();

    h.clock.set('2026-11-30T07:30:00Z'); // 08:30 in Warsaw: not yet
    await h.scheduler.tick();
    expect(boardPosts(h)).toHaveLength(0);

    h.clock.set('2026-11-30T08:00:00Z'); // 09:00 in Warsaw
    await h.scheduler.tick();
    const [post, ...more] = boardPosts(h);
    expect(more).toHaveLength(0);
    const text = replyText(post!);
    expect(text).toContain('East · last week’s board (Nov 23 to Nov 29)');
    expect(text).toMatch(/🥇1\. Rita Rep · \*20 pts\* · 10 calls · 1 deal · 5,000/);
    expect(text).toMatch(/🥈2\. Bob Rep · \*8 pts\* · 4 calls · 1 demo/);
    expect(text).not.toContain('Max Manager');
    expect(text).toContain('Top revenue: <@U0RITA> (5,000)');
    expect(text).toContain('Most kudos: <@U0BOB> (1)');
    expect(text).toContain('First deal · <@U0RITA>');
    expect(text).toContain('Top of the week · <@U0RITA>');

    const chart = h.slack.uploads.find((u) => u.channelId === eastChannel);
    expect(chart?.filename).toBe('board.png');
    expect(chart?.bytes.subarray(0, 8).equals(pngSignature)).toBe(true);

    await h.scheduler.tick();
    h.clock.set('2026-11-30T12:00:00Z');
    await h.scheduler.tick();
    expect(boardPosts(h)).toHaveLength(1);
    expect(h.slack.uploads.filter((u) => u.channelId === eastChannel)).toHaveLength(1);
    expect(await h.database.prisma.badge.findMany({ orderBy: { badge: 'asc' }, select: { userId: true, badge: true } })).toEqual([
      { userId: people.rita.id, badge: 'first-deal' },
      { userId: people.rita.id, badge: 'top-of-week' },
    ]);
  });

  it('a board post Slack refuses for now is retried, and its chart waits for it', async () => {
    await teamEast(h);
    await logAt(h, '2026-11-24T09:00:00Z', people.rita, 'call 10');
    h.slack.reset();
    h.slack.queueFault('chat.postMessage', { status: 500 });
    h.clock.set('2026-11-30T08:00:00Z');
    await h.scheduler.tick();
    expect(boardPosts(h)).toHaveLength(0);
    expect(h.slack.uploads).toHaveLength(0);
    expect(await h.database.prisma.outboxMessage.findMany({ where: { kind: { in: ['board', 'board-chart'] } }, orderBy: { createdAt: 'asc' }, select: { kind: true, status: true } })).toEqual([
      { kind: 'board', status: 'pending' },
      { kind: 'board-chart', status: 'pending' },
    ]);

    h.clock.set('2026-11-30T08:10:00Z');
    await h.scheduler.tick();
    const [post] = boardPosts(h).filter((c) => c.status === 200);
    const chart = h.slack.calls.find((c) => c.method === 'files.completeUploadExternal');
    expect(post).toBeDefined();
    expect(chart).toBeDefined();
    expect(h.slack.calls.indexOf(chart!)).toBeGreaterThan(h.slack.calls.indexOf(post!));
  });

  it('a week nobody logged posts nothing; a team with its board off gets no run', async () => {
    await teamEast(h);
    h.clock.set('2026-11-30T08:00:00Z');
    await h.scheduler.tick();
    expect(boardPosts(h)).toHaveLength(0);
    expect(await h.database.prisma.jobRun.findMany({ where: { job: 'board' } })).toMatchObject([{ outcome: 'nothing', period: '2026-11-30' }]);

    await h.command(people.max, '/pacer', 'team East board off');
    await logAt(h, '2026-12-01T09:00:00Z', people.rita, 'call 3');
    h.clock.set('2026-12-07T08:00:00Z');
    await h.scheduler.tick();
    expect(await h.database.prisma.jobRun.count({ where: { job: 'board' } })).toBe(1);
  });

  it('ties are ranked fairly and shown as ties', async () => {
    await teamEast(h);
    await logAt(h, '2026-11-24T09:00:00Z', people.rita, 'call 5');
    await logAt(h, '2026-11-24T15:00:00Z', people.bob, 'call 5');
    h.clock.set('2026-11-30T08:00:00Z');
    await h.scheduler.tick();
    const text = replyText(boardPosts(h)[0]!);
    expect(text).toContain('=1. Bob Rep · *5 pts*');
    expect(text).toContain('=1. Rita Rep · *5 pts*');
  });

  it('a daily points cap keeps padding off the board', async () => {
    await teamEast(h);
    await h.database.prisma.activityType.updateMany({ where: { teamId, key: 'email' }, data: { dailyPointsCap: 20 } });
    await logAt(h, '2026-11-24T09:00:00Z', people.rita, 'email 150');
    await logAt(h, '2026-11-25T09:00:00Z', people.rita, 'email 10');
    await logAt(h, '2026-11-25T10:00:00Z', people.bob, 'proposal 5');
    h.clock.set('2026-11-30T08:00:00Z');
    await h.scheduler.tick();
    const text = replyText(boardPosts(h)[0]!);
    expect(text).toMatch(/🥇1\. Rita Rep · \*30 pts\* · 160 emails/);
    expect(text).toMatch(/🥈2\. Bob Rep · \*25 pts\*/);
  });
});

describe.skipIf(!testDatabaseAvailable())('/board', () => {
  // Thursday 26 Nov 2026, 10:00 in Warsaw.
  const h = usePacer({ now: '2026-11-26T09:00:00Z' });

  beforeEach(async () => {
    await teamEast(h);
    await logAt(h, '2026-11-02T09:00:00Z', people.rita, 'call 30');
    await logAt(h, '2026-11-24T09:00:00Z', people.rita, 'call 2');
    await logAt(h, '2026-11-25T09:00:00Z', people.bob, 'demo 2');
    h.clock.set('2026-11-26T09:00:00Z');
  });

  it('shows this week so far, ranked, with a Share button that posts it in the channel', async () => {
    const reply = await h.command(people.rita, '/board', '');
    const text = replyText(reply);
    expect(text).toContain('Board · week of Nov 23');
    expect(text).toContain('Team *East*');
    expect(text).toMatch(/🥇1\. <@U0BOB> · \*8 pts\* · 2 demos/);
    expect(text).toMatch(/🥈2\. <@U0RITA> · \*2 pts\* · 2 calls/);

    const shared = await h.click(people.rita, ids.board.share, buttonValue(reply, ids.board.share));
    expect(shared.args.response_type).toBe('in_channel');
    expect(replyText(shared)).toContain('<@U0RITA> shared the board');
    expect(replyText(shared)).toContain('Bob Rep');
  });

  it('a board shared in a workspace that posts in German is in German, whatever the sharer reads', async () => {
    await h.command(people.mia, '/pacer', 'language de');
    const reply = await h.command(people.rita, '/board', '');
    expect(replyText(reply)).toContain('Board · week of Nov 23');
    const shared = await h.click(people.rita, ids.board.share, buttonValue(reply, ids.board.share));
    expect(replyText(shared)).toContain('<@U0RITA> hat das Leaderboard geteilt');
  });

  it('a month, one metric, since a day (history is kept), another team', async () => {
    expect(replyText(await h.command(people.rita, '/board', 'month'))).toMatch(/🥇1\. <@U0RITA> · \*32 pts\*/);
    expect(replyText(await h.command(people.rita, '/board', 'week calls'))).toMatch(/Ranked by calls[\s\S]*1\. <@U0RITA> · \*2 calls\*/);
    expect(replyText(await h.command(people.bob, '/board', 'since 2026-11-01'))).toMatch(/Board · Nov 1 to Nov 26[\s\S]*🥇1\. <@U0RITA> · \*32 pts\*/);
    await h.command(people.mia, '/pacer', 'team create West <#C0WEST|sales-west>');
    expect(replyText(await h.command(people.rita, '/board', 'team West'))).toContain('Nobody has logged anything');
  });

  it('a mistake gets the right form and nothing else', async () => {
    expect(replyText(await h.command(people.rita, '/board', 'karma'))).toContain('“karma” is not a ranking');
    expect(replyText(await h.command(people.rita, '/board', 'week month'))).toContain('“month” is not a board window');
    expect(replyText(await h.command(people.rita, '/board', 'since someday'))).toContain('is not a board window');
    expect(replyText(await h.command(people.rita, '/board', 'since 2027-01-05'))).toContain('cannot start in the future');
    expect(replyText(await h.command(people.rita, '/board', 'team Nowhere'))).toContain('Nowhere');
    expect(replyText(await h.command(people.rita, '/board', 'help'))).toContain('/board month');
  });

  it('a forged Share button is refused', async () => {
    const refused = await h.click(people.rita, ids.board.share, '{"v":1,"window":"year"}');
    expect(replyText(refused)).toContain('That button is out of date');
  });

  it('the App Home shows the rep’s rank, streak and badges', async () => {
    await h.database.prisma.badge.create({ data: { teamId, userId: people.rita.id, badge: 'first-deal', earnedFor: '2026-11-16', awardedAt: new Date() } });
    h.slack.reset();
    await h.command(people.rita, '/log', 'call 1');
    const home = h.slack.callsTo('views.publish').filter((c) => c.args.user_id === people.rita.id).at(-1);
    const text = JSON.stringify(home?.args.view);
    expect(text).toContain('Rank *2* of 2 this week in East');
    expect(text).toContain('Streak: *1* working day');
    expect(text).toContain('First deal');
  });
});

describe.skipIf(!testDatabaseAvailable())('npm run job -- board', () => {
  const postgres = inject('testDatabase').kind === 'postgres';
  const job = useSeededJobProcess({ teamId, channelId: eastChannel, createdBy: people.mia.id, ritaId: people.rita.id });

  it('posts the board once as of an instant; a rerun posts nothing', async () => {
    const first = await runJobScript('run-job', ['board', '--now', '2026-11-30T08:05:00Z'], job.env);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('queued the board of East in T0PACER01 (2026-11-30 09:00 Europe/Warsaw): 1 reps');
    expect(job.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === eastChannel)).toHaveLength(1);
    const second = await runJobScript('run-job', ['board', '--now', '2026-11-30T09:00:00Z'], job.env);
    expect(second.stdout, second.stderr).toContain('already done 1');
    expect(job.slack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it.runIf(postgres)('two job processes at the same instant post one board', async () => {
    const both = await Promise.all([1, 2].map(() => runJobScript('run-job', ['board', '--now', '2026-11-30T08:05:00Z'], job.env)));
    expect(both.map((r) => r.code)).toEqual([0, 0]);
    expect(job.slack.callsTo('chat.postMessage')).toHaveLength(1);
    expect(job.slack.uploads).toHaveLength(1);
  });
});
