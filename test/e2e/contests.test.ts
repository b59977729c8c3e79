import { beforeEach, describe, expect, it } from 'vitest';
import { mention, people, replyText, usePacer, type Harness, type Person } from '../support/pacer-harness.js';
import { testDatabaseAvailable } from '../support/test-database.js';

const channels = { East: 'C0EAST', West: 'C0WEST' } as const;

/** What the contests job posted (and Slack took) in a channel. */
const contestPosts = (h: Harness, channel: string, kind: 'kick-off' | 'results') =>
  h.slack
    .callsTo('chat.postMessage')
    .filter((c) => c.args.channel === channel && c.response?.ok === true)
    .filter((c) => replyText(c).includes(kind === 'kick-off' ? '🏁 Contest:' : ': the results'));

/** East (Warsaw time, Max manages, Rita sells) and West (Chicago time, Wes manages, Bob sells). */
async function eastAndWest(h: Harness) {
  await h.command(people.mia, '/pacer', `team create East <#${channels.East}|sales-east>`);
  await h.command(people.mia, '/pacer', `team create West <#${channels.West}|sales-west>`);
  await h.command(people.mia, '/pacer', 'team East timezone Europe/Warsaw');
  await h.command(people.mia, '/pacer', 'team West timezone America/Chicago');
  await h.command(people.mia, '/pacer', `team East manager ${mention(people.max)}`);
  await h.command(people.mia, '/pacer', `team West manager ${mention(people.wes)}`);
  await h.command(people.max, '/pacer', `team East add ${mention(people.rita)}`);
  await h.command(people.wes, '/pacer', `team West add ${mention(people.bob)}`);
}

async function say(h: Harness, person: Person, command: string, text: string): Promise<string> {
  return replyText(await h.command(person, command, text));
}

async function logAt(h: Harness, at: string, person: Person, text: string) {
  h.clock.set(at);
  expect(await say(h, person, '/log', text)).not.toContain(':warning:');
}

describe.skipIf(!testDatabaseAvailable())('contests', () => {
  // Wednesday 25 Nov 2026, 12:00 in Warsaw.
  const h = usePacer({ now: '2026-11-25T11:00:00Z' });
  const contests = () => h.database.prisma.contest.findMany({ orderBy: { name: 'asc' } });
  // The clock is the harness's, kept between tests: each starts on the same Wednesday.
  beforeEach(() => h.clock.set('2026-11-25T11:00:00Z'));

  it('a manager creates one for their teams; a rep is refused; bad dates, metric or name are answered kindly and write nothing', async () => {
    await eastAndWest(h);
    const created = await say(h, people.max, '/pacer', 'contest "December demo blitz" demos 2026-12-01..2026-12-15 prize "team dinner"');
    expect(created).toContain('Contest *December demo blitz* is set');
    expect(created).toContain('09:00 (Europe/Warsaw)');
    expect(await contests()).toMatchObject([
      { name: 'December demo blitz', metric: 'demo', startsOn: '2026-12-01', endsOn: '2026-12-15', timeZone: 'Europe/Warsaw', mode: 'reps', prize: 'team dinner', createdBy: people.max.id },
    ]);

    const refusals: [Person, string, string][] = [
      [people.rita, 'contest "Rita cup" calls 2026-12-01..2026-12-02', 'Contests are run by team managers'],
      [people.max, 'contest "Backwards" demos 2026-12-15..2026-12-01', 'the last day comes before the first'],
      [people.max, 'contest "Too long" demos 2026-12-01..2027-06-01', 'at most 92 days'],
      [people.max, 'contest "Over" demos 2026-11-01..2026-11-10', 'would be over already'],
      [people.max, 'contest "Hugs" hugs 2026-12-01..2026-12-15', '“hugs” is not something a contest can count'],
      [people.max, 'contest "december DEMO blitz" calls 2026-12-01..2026-12-02', 'already a contest called'],
      [people.max, 'contest "Versus" calls 2026-12-01..2026-12-02 teams', 'at least two teams'],
      [people.max, 'contest "West too" calls 2026-12-01..2026-12-02 team West', 'You don’t manage team West'],
      [people.mia, 'contest "Admin cup" calls 2026-12-01..2026-12-02', 'name the team(s)'],
    ];
    for (const [person, text, said] of refusals) {
      const reply = await say(h, person, '/pacer', text);
      expect(reply, text).toContain(':warning:');
      expect(reply, text).toContain(said);
    }
    expect(await contests()).toHaveLength(1);

    const list = await say(h, people.rita, '/pacer', 'contest list');
    expect(list).toContain('December demo blitz');
    expect(list).toContain('starts in 6 days');
  });

  it('/board contest shows the live standing: the metric counted from the first day, ties as ties, days left, the prize; team against team sums each team', async () => {
    await eastAndWest(h);
    await h.command(people.mia, '/pacer', `team West add ${mention(people.rita)}`);
    await logAt(h, '2026-11-22T10:00:00Z', people.rita, 'demo 5'); // before the contest: not counted
    h.clock.set('2026-11-23T08:00:00Z');
    expect(await say(h, people.mia, '/pacer', 'contest "Demo week" demos 2026-11-23..2026-11-29 prize "team dinner" team East team West')).toContain('is set');
    expect(await say(h, people.mia, '/pacer', 'contest "East v West" points 2026-11-23..2026-12-06 teams team East team West')).toContain('is set');
    await logAt(h, '2026-11-24T09:00:00Z', people.rita, 'demo 2');
    await logAt(h, '2026-11-24T15:00:00Z', people.bob, 'demo 2');
    await logAt(h, '2026-11-25T09:00:00Z', people.bob, 'call 3');

    h.clock.set('2026-11-26T11:00:00Z');
    const standing = await say(h, people.rita, '/board', 'contest');
    expect(standing).toContain('Demo week · standing');
    expect(standing).toContain('🥇=1. <@U0BOB> · *2 demos*');
    expect(standing).toContain('🥇=1. <@U0RITA> · *2 demos*');
    expect(standing).toContain('4 days left');
    expect(standing).toContain('Prize: team dinner');
    expect(standing).toContain('Also running: East v West');

    // Rita sells in both teams: her points count for each.
    const teams = await say(h, people.bob, '/board', 'contest east v west');
    expect(teams).toContain('Team against team');
    expect(teams).toMatch(/🥇1\. West · \*19 pts\*.*🥈2\. East · \*8 pts\*/);
  });

  it('posts the kick-off once in each team channel at 09:00 on the first day and the results once the day after the last, naming the winner', async () => {
    await eastAndWest(h);
    expect(await say(h, people.mia, '/pacer', 'contest "Demo dash" demos 2026-12-01..2026-12-03 prize "team dinner" team East team West')).toContain('is set');

    h.clock.set('2026-12-01T07:59:00Z'); // 08:59 in Warsaw
    await h.scheduler.tick();
    expect(contestPosts(h, channels.East, 'kick-off')).toHaveLength(0);
    h.clock.set('2026-12-01T08:00:00Z');
    await h.scheduler.tick();
    await h.scheduler.runJob('contests', new Date('2026-12-01T08:00:00Z'));
    await h.scheduler.runJob('contests', new Date('2026-12-01T12:00:00Z'));
    for (const channel of [channels.East, channels.West]) expect(contestPosts(h, channel, 'kick-off')).toHaveLength(1);
    const kickOff = replyText(contestPosts(h, channels.East, 'kick-off')[0]!);
    expect(kickOff).toContain('Rep against rep: the most demos wins');
    expect(kickOff).toContain('Dec 1 to Dec 3');
    expect(kickOff).toContain('*Prize:* team dinner');

    await logAt(h, '2026-12-02T09:00:00Z', people.rita, 'demo 3');
    await logAt(h, '2026-12-03T15:00:00Z', people.bob, 'demo 1');
    await logAt(h, '2026-12-04T07:00:00Z', people.bob, 'demo 5'); // after the end: not counted

    h.clock.set('2026-12-04T08:00:00Z');
    await h.scheduler.tick();
    await h.scheduler.tick();
    await h.scheduler.runJob('contests', new Date('2026-12-05T08:00:00Z'));
    for (const channel of [channels.East, channels.West]) expect(contestPosts(h, channel, 'results')).toHaveLength(1);
    const results = replyText(contestPosts(h, channels.West, 'results')[0]!);
    expect(results).toContain('The winner: <@U0RITA> with *3 demos*');
    expect(results).toContain('*Prize:* team dinner');
    expect(results).toMatch(/🥈2\. Bob Rep · \*1 demo\*/);
    expect(await h.database.prisma.jobRun.count({ where: { job: 'contests' } })).toBe(4);
  });

  it('a contest created after its first day kicks off at once; the schedule lists its posts', async () => {
    await eastAndWest(h);
    h.clock.set('2026-12-02T13:00:00Z');
    expect(await say(h, people.max, '/pacer', 'contest "Late start" calls 2026-12-01..2026-12-10')).toContain('is set');
    await h.scheduler.tick();
    expect(contestPosts(h, channels.East, 'kick-off')).toHaveLength(1);
    expect(contestPosts(h, channels.West, 'kick-off')).toHaveLength(0);
    const runs = await h.scheduler.runsBetween(new Date('2026-12-01T00:00:00Z'), new Date('2026-12-20T00:00:00Z'), 'contests');
    expect(runs.map((r) => [r.subject, r.localDate, r.localTime])).toEqual([
      [channels.East, '2026-12-02', '14:00'],
      [channels.East, '2026-12-11', '09:00'],
    ]);
  });

  it('a cancelled contest posts nothing more, even a post already queued; only its creator, its teams’ managers or an admin cancel it', async () => {
    await eastAndWest(h);
    expect(await say(h, people.mia, '/pacer', 'contest "Calls cup" calls 2026-12-01..2026-12-02 team East team West')).toContain('is set');
    expect(await say(h, people.max, '/pacer', 'contest "Demo cup" demos 2026-12-01..2026-12-02')).toContain('is set');

    expect(await say(h, people.rita, '/pacer', 'contest cancel "Calls cup"')).toContain('Only the person who started');
    expect(await say(h, people.wes, '/pacer', 'contest cancel "Demo cup"')).toContain('Only the person who started');
    expect(await say(h, people.max, '/pacer', 'contest cancel "calls cup"')).toContain('*Calls cup* is cancelled');
    expect(await say(h, people.max, '/pacer', 'contest cancel "Nope"')).toContain('no contest called');

    // Demo cup's kick-off is claimed but Slack fails it; cancelled before the retry, it is never sent.
    h.clock.set('2026-12-01T08:00:00Z');
    h.slack.queueFault('chat.postMessage', { status: 500 });
    await h.scheduler.tick();
    expect(await h.database.prisma.outboxMessage.findMany({ where: { kind: 'contest-start' } })).toMatchObject([{ status: 'pending', lastError: 'HTTP 500' }]);
    expect(await say(h, people.max, '/pacer', 'contest cancel Demo cup')).toContain('is cancelled');
    for (const at of ['2026-12-01T09:00:00Z', '2026-12-03T08:00:00Z']) {
      h.clock.set(at);
      await h.scheduler.tick();
    }
    for (const channel of [channels.East, channels.West]) {
      expect(contestPosts(h, channel, 'kick-off')).toHaveLength(0);
      expect(contestPosts(h, channel, 'results')).toHaveLength(0);
    }
    expect(await contests()).toEqual([]);
    expect(await h.database.prisma.outboxMessage.findMany({ where: { kind: 'contest-start' } })).toMatchObject([{ status: 'dropped', lastError: 'contest cancelled' }]);
  });
});
