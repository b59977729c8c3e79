import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { leadNameKey } from '../../src/domain/leads.js';
import { startSlackStandIn, type SlackStandIn } from '../../src/stand-in/slack-web-api.js';
import { openDatabase } from '../../src/store/database.js';
import { runJobScript } from '../support/run-script.js';
import { createEmptyDatabaseUrl, testDatabaseAvailable } from '../support/test-database.js';

const rita = { id: 'U0RITA', name: 'rita', tz: 'Europe/Warsaw' };
const teamId = 'T0PACER01';
const run = runJobScript;

describe.skipIf(!testDatabaseAvailable())('npm run job and npm run schedule', () => {
  const postgres = inject('testDatabase').kind === 'postgres';
  let slack: SlackStandIn;
  let database: Awaited<ReturnType<typeof createEmptyDatabaseUrl>>;
  let env: Record<string, string>;

  beforeAll(async () => {
    slack = await startSlackStandIn({ users: [rita] });
  });
  afterAll(() => slack.close());

  beforeEach(async () => {
    slack.reset();
    database = await createEmptyDatabaseUrl();
    const db = await openDatabase(database.url, { command: 'test' });
    try {
      await db.prisma.member.create({ data: { teamId, userId: rita.id, name: 'Rita', timeZone: rita.tz, locale: 'en-US', refreshedAt: new Date('2026-11-30T00:00:00Z') } });
      await db.prisma.lead.create({
        data: {
          teamId, ownerId: rita.id, name: 'Acme Corp', nameKey: leadNameKey('Acme Corp'), account: 'Acme Corp', accountKey: leadNameKey('Acme Corp'),
          stage: 'contacted', lastTouchedAt: new Date('2026-11-30T08:00:00Z'), nextFollowUpOn: new Date('2026-11-30T00:00:00Z'), createdBy: rita.id,
        },
      });
    } finally {
      await db.close();
    }
    env = { SLACK_BOT_TOKEN: 'xoxb-job-test', SLACK_SIGNING_SECRET: 'job-test-secret', SLACK_API_URL: slack.url, DATABASE_URL: database.url };
    return () => database.dispose();
  });

  it('runs the nudge job once as of an instant, prints what it sent, and does nothing the second time', async () => {
    const first = await run('run-job', ['nudges', '--now', '2026-12-01T08:05:00Z'], env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('queued a nudge for U0RITA in T0PACER01 (2026-12-01 09:00 Europe/Warsaw): 1 item');
    expect(first.stdout).toContain('sent nudge to U0RITA');
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);

    const second = await run('run-job', ['nudges', '--now', '2026-12-01T09:00:00Z'], env);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('queued 0, nothing to say 0, already done 1; sent 0');
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('a 429 delays the run but loses nothing', async () => {
    slack.queueFault('chat.postMessage', { status: 429, retryAfter: 1 });
    const result = await run('run-job', ['nudges', '--now', '2026-12-01T08:05:00Z'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('retrying nudge to U0RITA');
    expect(result.stdout).toContain('sent nudge to U0RITA');
    expect(slack.callsTo('chat.postMessage').filter((c) => c.response?.ok === true)).toHaveLength(1);
  });

  it.runIf(postgres)('two job processes on one PostgreSQL database at the same instant send one DM', async () => {
    const both = await Promise.all([1, 2].map(() => run('run-job', ['nudges', '--now', '2026-12-01T08:05:00Z'], env)));
    expect(both.map((r) => r.code)).toEqual([0, 0]);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
    expect(both.map((r) => r.stdout).join('\n')).toContain('already done 1');
  });

  it('a dry run over a year lands every nudge at the rep’s local time on working days, across both DST changes, never twice', async () => {
    const result = await run('schedule', ['--from', '2026-01-01T00:00:00Z', '--to', '2027-01-01T00:00:00Z', '--json'], { DATABASE_URL: database.url });
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.stdout) as { job: string; subject: string; local: string; utc: string }[];
    expect(rows).toHaveLength(261);
    expect(new Set(rows.map((r) => r.local.slice(0, 10))).size).toBe(261);
    expect(rows.every((r) => r.local.endsWith('09:00 Europe/Warsaw'))).toBe(true);
    const utcHours = new Set(rows.map((r) => r.utc.slice(11, 16)));
    expect(utcHours).toEqual(new Set(['08:00', '07:00']));
    const weekdays = rows.map((r) => new Date(`${r.local.slice(0, 10)}T12:00:00Z`).getUTCDay());
    expect(weekdays.some((d) => d === 0 || d === 6)).toBe(false);
    expect(slack.calls).toHaveLength(0);
  });

  it('a dry run without a window lists the coming seven days', async () => {
    const result = await run('schedule', ['--job', 'nudges', '--json'], { DATABASE_URL: database.url });
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.stdout) as { utc: string }[];
    const now = Date.now();
    expect(rows.length).toBeGreaterThanOrEqual(4);
    expect(rows.length).toBeLessThanOrEqual(6);
    expect(rows.every((r) => Date.parse(r.utc) >= now - 60_000 && Date.parse(r.utc) <= now + 7 * 24 * 60 * 60 * 1000)).toBe(true);
  });
});
