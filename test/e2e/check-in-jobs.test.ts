import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { defaultCheckInQuestions } from '../../src/domain/check-ins.js';
import { startSlackStandIn, type SlackStandIn } from '../../src/stand-in/slack-web-api.js';
import { openDatabase } from '../../src/store/database.js';
import { runJobScript as run } from '../support/run-script.js';
import { createEmptyDatabaseUrl, testDatabaseAvailable } from '../support/test-database.js';

const teamId = 'T0PACER01';
const reps = [
  { id: 'U0RITA', name: 'rita', tz: 'Europe/Warsaw' },
  { id: 'U0BOB', name: 'bob', tz: 'America/New_York' },
];

describe.skipIf(!testDatabaseAvailable())('npm run job -- checkins and npm run schedule', () => {
  const postgres = inject('testDatabase').kind === 'postgres';
  let slack: SlackStandIn;
  let env: Record<string, string>;
  let databaseUrl: string;

  beforeAll(async () => {
    slack = await startSlackStandIn({ users: reps });
  });
  afterAll(() => slack.close());

  /** East: Max manages Rita (Warsaw) and Bob (New York); its check-in saved as the form opens, on Monday 30 Nov. */
  beforeEach(async () => {
    slack.reset();
    const database = await createEmptyDatabaseUrl();
    databaseUrl = database.url;
    const db = await openDatabase(database.url, { command: 'test' });
    try {
      const refreshedAt = new Date('2026-11-30T00:00:00Z');
      for (const rep of reps) await db.prisma.member.create({ data: { teamId, userId: rep.id, name: rep.name, timeZone: rep.tz, locale: 'en-US', refreshedAt } });
      const team = await db.prisma.salesTeam.create({ data: { teamId, name: 'East', nameKey: 'east', channelId: 'C0EAST', digestChannelId: 'C0MGRS', createdBy: 'U0MIA' } });
      await db.prisma.salesTeamMember.createMany({
        data: [
          { teamId, salesTeamId: team.id, userId: 'U0MAX', role: 'manager', addedBy: 'U0MIA' },
          ...reps.map((rep) => ({ teamId, salesTeamId: team.id, userId: rep.id, role: 'member', addedBy: 'U0MAX' })),
        ],
      });
      await db.prisma.checkInSetup.create({
        data: { teamId, salesTeamId: team.id, questions: defaultCheckInQuestions.map((q) => ({ ...q, label: q.id })), updatedBy: 'U0MAX', createdAt: refreshedAt, updatedAt: refreshedAt },
      });
    } finally {
      await db.close();
    }
    env = { SLACK_BOT_TOKEN: 'xoxb-job-test', SLACK_SIGNING_SECRET: 'job-test-secret', SLACK_API_URL: slack.url, DATABASE_URL: database.url };
    return () => database.dispose();
  });

  const dms = (userId: string) => slack.callsTo('chat.postMessage').filter((c) => c.args.channel === userId);

  it('the dry run shows each rep’s next check-in at their local time', async () => {
    const result = await run('schedule', ['--from', '2026-12-01T00:00:00Z', '--to', '2026-12-08T00:00:00Z', '--job', 'checkins'], { DATABASE_URL: databaseUrl });
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toEqual([
      'checkins\tT0PACER01\tEast/C0MGRS\t2026-12-04 15:00 Europe/Warsaw\t2026-12-04T14:00:00Z',
      'checkins\tT0PACER01\tEast/U0RITA\t2026-12-04 15:00 Europe/Warsaw\t2026-12-04T14:00:00Z',
      'checkins\tT0PACER01\tEast/U0BOB\t2026-12-04 15:00 America/New_York\t2026-12-04T20:00:00Z',
    ]);
    expect(slack.calls).toHaveLength(0);
  });

  it('asks at that instant once, however often it runs', async () => {
    const first = await run('run-job', ['checkins', '--now', '2026-12-04T14:00:00Z'], env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('queued the check-in of U0RITA of East in T0PACER01 (2026-12-04, Europe/Warsaw)');
    expect(first.stdout).toContain('sent checkin-ask to U0RITA');
    expect(first.stdout).toContain('sent checkin-summary to C0MGRS');
    const again = await run('run-job', ['checkins', '--now', '2026-12-04T14:30:00Z'], env);
    expect(again.stdout).toContain('queued 0, nothing to say 0, already done 2; sent 0');
    expect(dms('U0RITA')).toHaveLength(1);
  });

  it('reminds once, in the rep’s daytime on a working day, however often it runs', async () => {
    await run('run-job', ['checkins', '--now', '2026-12-04T14:00:00Z'], env);
    // Friday 15:00 + 24 hours is Saturday: Monday 09:00 in Warsaw.
    const reminders = () => dms('U0RITA').filter((c) => String(c.args.text).startsWith('Reminder: your check-in')).length;
    const seen: number[] = [];
    // Each run is a process of its own (seconds on the embedded database): weekends and the daytime edge are tested in check-ins.test.ts.
    for (const now of ['2026-12-07T08:00:00Z', '2026-12-07T16:00:00Z']) {
      expect((await run('run-job', ['checkins', '--now', now], env)).code).toBe(0);
      seen.push(reminders());
    }
    expect(seen).toEqual([1, 1]);
  });

  it.runIf(postgres)('two job processes on one PostgreSQL database at the same instant ask each rep once', async () => {
    const both = await Promise.all([1, 2].map(() => run('run-job', ['checkins', '--now', '2026-12-04T20:00:00Z'], env)));
    expect(both.map((r) => r.code)).toEqual([0, 0]);
    expect(dms('U0RITA')).toHaveLength(1);
    expect(dms('U0BOB')).toHaveLength(1);
    expect(slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C0MGRS')).toHaveLength(1);
  });
});
