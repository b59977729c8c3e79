import { describe, expect, inject, it } from 'vitest';
import { defaultCheckInQuestions } from '../../src/domain/check-ins.js';
import { leadNameKey } from '../../src/domain/leads.js';
import { mention, people, replyText, teamId, usePacer, type Harness, type Person } from '../support/pacer-harness.js';
import { runJobScript, useSeededJobProcess } from '../support/run-script.js';
import { testDatabaseAvailable } from '../support/test-database.js';

const managersChannel = 'C0EASTMGR';
const day = 24 * 60 * 60 * 1000;
const digests = (h: Harness) => h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === managersChannel && c.response?.ok === true);

async function at(h: Harness, iso: string, person: Person, command: string, text: string) {
  h.clock.set(iso);
  expect(replyText(await h.command(person, command, text))).not.toContain(':warning:');
}

/**
 * Team East (Warsaw time) from Friday 13 Nov: Rita and Bob sell with weekly call goals, Max
 * manages with a monthly revenue goal for the team. Rita stays far behind two weeks running;
 * Bob is behind, then at risk.
 */
async function teamEast(h: Harness, options: { digestChannel: boolean }) {
  h.clock.set('2026-11-13T09:00:00Z');
  await h.command(people.mia, '/pacer', 'team create East <#C0EAST|sales-east>');
  await h.command(people.mia, '/pacer', `team East add ${mention(people.rita)} ${mention(people.bob)}`);
  await h.command(people.mia, '/pacer', `team East manager ${mention(people.max)}`);
  await h.command(people.mia, '/pacer', 'team East timezone Europe/Warsaw');
  if (options.digestChannel) await h.command(people.max, '/pacer', `team East digest <#${managersChannel}|east-managers>`);
  await h.command(people.max, '/goal', `${mention(people.rita)} calls 40 weekly`);
  await h.command(people.max, '/goal', `${mention(people.bob)} calls 40 weekly`);
  await h.command(people.max, '/goal', 'team East revenue 50000 monthly');
  await at(h, '2026-11-17T09:00:00Z', people.rita, '/log', 'call 10');
  await at(h, '2026-11-17T15:00:00Z', people.bob, '/log', 'call 5');
  await at(h, '2026-11-24T09:00:00Z', people.rita, '/log', 'call 10');
  await at(h, '2026-11-25T09:00:00Z', people.rita, '/log', 'deal 5000 Acme Corp');
  await at(h, '2026-11-26T15:00:00Z', people.bob, '/log', 'call 35');
}

/** Rita missed a follow-up and let a qualified lead go stale; Bob missed one too. */
async function seedLeads(h: Harness) {
  const now = new Date('2026-11-30T07:00:00Z').getTime();
  const leads = [
    { owner: people.rita, name: 'Globex', stage: 'contacted', followUp: '2026-11-25', touchedDaysAgo: 1 },
    { owner: people.rita, name: 'Initech', stage: 'qualified', followUp: null, touchedDaysAgo: 10 },
    { owner: people.bob, name: 'Umbrella', stage: 'contacted', followUp: '2026-11-20', touchedDaysAgo: 1 },
  ];
  for (const lead of leads) {
    await h.database.prisma.lead.create({
      data: {
        teamId, ownerId: lead.owner.id, name: lead.name, nameKey: leadNameKey(lead.name), account: lead.name, accountKey: leadNameKey(lead.name), stage: lead.stage,
        lastTouchedAt: new Date(now - lead.touchedDaysAgo * day), nextFollowUpOn: lead.followUp ? new Date(`${lead.followUp}T00:00:00Z`) : null, createdBy: lead.owner.id,
      },
    });
  }
  // A customer Bob won on 10 Nov and checked back on last week: so-so, with a complaint.
  await h.database.prisma.lead.create({
    data: {
      teamId, ownerId: people.bob.id, name: 'Initrode', nameKey: 'initrode', account: 'Initrode', accountKey: 'initrode', stage: 'won', wonAmount: 3000,
      closedAt: new Date('2026-11-10T10:00:00Z'), lastTouchedAt: new Date('2026-11-26T10:00:00Z'), checkedBackAt: new Date('2026-11-26T10:00:00Z'),
      satisfaction: 3, complaint: 'late delivery', createdBy: people.bob.id,
    },
  });
}

/** Last Friday's check-in, closed: Rita answered with confidence 2 and asked for help, Bob did not answer. */
async function seedCheckIn(h: Harness) {
  const team = await h.database.prisma.salesTeam.findFirstOrThrow({ where: { teamId, name: 'East' } });
  const questions = defaultCheckInQuestions.map((q) => ({ ...q, label: q.id }));
  const week = '2026-11-27';
  await h.database.prisma.checkInRound.create({
    data: {
      teamId, salesTeamId: team.id, week, questions, expected: [people.rita.id, people.bob.id], away: [],
      openedAt: new Date('2026-11-27T14:00:00Z'), closesAt: new Date('2026-11-30T17:00:00Z'), closedAt: new Date('2026-11-29T17:00:00Z'),
    },
  });
  await h.database.prisma.checkInAnswer.create({
    data: {
      teamId, salesTeamId: team.id, week, userId: people.rita.id, flagged: true, submittedAt: new Date('2026-11-27T15:00:00Z'),
      answers: { wins: 'a demo', blockers: 'pricing', confidence: 2, help: { yes: true, detail: 'pricing approval for Globex' }, commitment: 'two demos' },
    },
  });
}

describe.skipIf(!testDatabaseAvailable())('the managers’ digest', () => {
  const h = usePacer({ now: '2026-11-13T09:00:00Z' });

  it('posts one weekly digest on Monday 08:30 team time: team goal and pace, reps behind and at risk, stale leads, check-in flags', async () => {
    await teamEast(h, { digestChannel: true });
    await seedLeads(h);
    await seedCheckIn(h);
    h.slack.reset();

    h.clock.set('2026-11-30T07:00:00Z'); // 08:00 in Warsaw: not yet
    await h.scheduler.tick();
    expect(digests(h)).toHaveLength(0);

    h.clock.set('2026-11-30T07:30:00Z'); // 08:30 in Warsaw
    await h.scheduler.tick();
    const [digest, ...more] = digests(h);
    expect(more).toHaveLength(0);
    const text = replyText(digest!);
    expect(text).toContain('📋 East · weekly digest, Nov 23 – Nov 29');
    expect(text).toMatch(/\*Revenue this month:\* 5,000 \/ 50,000 — behind pace \(expected 48,\d{3} by now\)/);
    expect(text).toContain('🔴 Behind *1* · 🟠 At risk *1* · 🟢 On track *0* · No goal *0*');
    expect(text).toContain('*🔴 Behind (1)*\\nRita Rep · 10 / 40 calls, weekly');
    expect(text).toContain('*🟠 At risk (1)*\\nBob Rep · 35 / 40 calls, weekly');
    expect(text).toContain('*⏳ Behind pace two weeks running (1)*\\nRita Rep');
    expect(text).toContain('Rita Rep · 1 missed follow-up · 1 stale lead');
    expect(text).toContain('Bob Rep · 1 missed follow-up');
    expect(text).toContain('*✅ Check-in of Nov 27:* 1 of 2 answered · 1 missing');
    expect(text).toContain('⚠️ Low confidence (2 or less): Rita Rep');
    expect(text).toContain('🙋 Help asked: Rita Rep (“pricing approval for Globex”)');
    expect(text).toContain('*😊 Customers:* 1 check-back · average satisfaction *3* / 5 · 1 complaint\\n• Initrode (Bob Rep): “late delivery”');
    expect(text).toContain('🥇 Bob Rep · 35 pts · 🥈 Rita Rep · 20 pts');

    await h.scheduler.tick();
    h.clock.set('2026-11-30T12:00:00Z');
    await h.scheduler.tick();
    expect(digests(h)).toHaveLength(1);
    expect(await h.database.prisma.jobRun.findMany({ where: { job: 'digest' }, select: { key: true, subject: true } })).toEqual([
      { key: expect.stringMatching(/^digest:T0PACER01:[0-9a-f-]{36}:weekly:2026-11-30$/), subject: managersChannel },
    ]);
  });

  it('counts every missed follow-up, stale lead and check-back however many; a customer won long ago counts when checked back in the window', async () => {
    await teamEast(h, { digestChannel: true });
    const now = new Date('2026-11-30T07:00:00Z').getTime();
    const lead = (owner: Person, name: string, data: { stage: string; lastTouchedAt: Date } & Record<string, unknown>) => ({
      teamId, ownerId: owner.id, name, nameKey: leadNameKey(name), account: name, accountKey: leadNameKey(name), createdBy: owner.id, ...data,
    });
    const customer = (name: string, wonOn: string, checkedBackOn: string, satisfaction: number, complaint: string | null) =>
      lead(people.bob, name, { stage: 'won', wonAmount: 1000, closedAt: new Date(`${wonOn}T10:00:00Z`), lastTouchedAt: new Date(`${checkedBackOn}T10:00:00Z`), checkedBackAt: new Date(`${checkedBackOn}T10:00:00Z`), satisfaction, complaint });
    await h.database.prisma.lead.createMany({
      data: [
        ...Array.from({ length: 60 }, (_, i) => lead(people.rita, `Missed ${i}`, { stage: 'contacted', lastTouchedAt: new Date(now - day), nextFollowUpOn: new Date('2026-11-20T00:00:00Z') })),
        ...Array.from({ length: 3 }, (_, i) => lead(people.rita, `Stale ${i}`, { stage: 'qualified', lastTouchedAt: new Date(now - 30 * day) })),
        // Checked back last week: one customer won over a year ago, happy; five others unhappy, each with a complaint.
        customer('Old Faithful', '2025-10-01', '2026-11-24', 5, null),
        ...Array.from({ length: 5 }, (_, i) => customer(`Customer ${i}`, '2026-11-02', `2026-11-2${5 + (i % 3)}`, 2, `complaint ${i}`)),
        // Checked back the week before: not this digest's.
        customer('Earlier', '2026-10-01', '2026-11-20', 1, 'old news'),
      ],
    });
    h.slack.reset();

    h.clock.set('2026-11-30T07:30:00Z');
    await h.scheduler.tick();
    const text = replyText(digests(h)[0]!);
    expect(text).toContain('Rita Rep · 60 missed follow-ups · 3 stale leads');
    expect(text).toContain('*😊 Customers:* 6 check-backs · average satisfaction *2.5* / 5 · 5 complaints');
    expect(text).toContain('…and 2 more');
    expect(text).not.toContain('old news');
  });

  it('a daily digest at its time covers today so far; the weekly one off posts nothing on Monday', async () => {
    await teamEast(h, { digestChannel: true });
    await h.command(people.max, '/pacer', 'team East digest daily 17:00');
    await h.command(people.max, '/pacer', 'team East digest weekly off');
    h.slack.reset();

    h.clock.set('2026-11-30T07:30:00Z'); // Monday 08:30 in Warsaw: no weekly digest
    await h.scheduler.tick();
    h.clock.set('2026-11-30T16:00:00Z'); // Monday 17:00: the daily one
    await h.scheduler.tick();
    expect(digests(h).map((c) => replyText(c))).toEqual([expect.stringContaining('📋 East · daily digest, Nov 30')]);

    await at(h, '2026-12-01T09:00:00Z', people.bob, '/log', 'call 12');
    h.clock.set('2026-12-01T16:00:00Z'); // Tuesday 17:00
    await h.scheduler.tick();
    await h.scheduler.tick();
    const posted = digests(h);
    expect(posted).toHaveLength(2);
    const text = replyText(posted[1]!);
    expect(text).toContain('📋 East · daily digest, Dec 1');
    expect(text).toContain('Reps against their main goal today so far');
    expect(text).toContain('*🟠 At risk (1)*\\nBob Rep · 12 / 40 calls, weekly (expected 14)');
    expect(text).toContain('🥇 Bob Rep · 12 pts');
  });

  it('a team without a digest channel gets no run and no post', async () => {
    await teamEast(h, { digestChannel: false });
    h.slack.reset();
    h.clock.set('2026-11-30T07:30:00Z');
    await h.scheduler.tick();
    expect(digests(h)).toHaveLength(0);
    expect(await h.database.prisma.jobRun.count({ where: { job: 'digest' } })).toBe(0);
  });
});

describe.skipIf(!testDatabaseAvailable())('npm run job -- digest', () => {
  const postgres = inject('testDatabase').kind === 'postgres';
  const job = useSeededJobProcess({ teamId, channelId: 'C0EAST', digestChannelId: managersChannel, createdBy: people.mia.id, ritaId: people.rita.id });

  it('posts the digest once as of an instant; a rerun posts nothing; the dry run lists its runs', async () => {
    const first = await runJobScript('run-job', ['digest', '--now', '2026-11-30T07:35:00Z'], job.env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(`queued the weekly digest of East in T0PACER01 (2026-11-30 08:30 Europe/Warsaw) to ${managersChannel}: 1 reps`);
    expect(job.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === managersChannel)).toHaveLength(1);
    const second = await runJobScript('run-job', ['digest', '--now', '2026-11-30T09:00:00Z'], job.env);
    expect(second.stdout, second.stderr).toContain('already done 1');
    expect(job.slack.callsTo('chat.postMessage')).toHaveLength(1);

    const schedule = await runJobScript('schedule', ['--from', '2026-11-30T00:00:00Z', '--to', '2026-12-14T00:00:00Z', '--job', 'digest'], job.env);
    expect(schedule.code, schedule.stderr).toBe(0);
    expect(schedule.stdout.trim().split('\n')).toEqual([
      `digest\tT0PACER01\t${managersChannel}\t2026-11-30 08:30 Europe/Warsaw\t2026-11-30T07:30:00Z`,
      `digest\tT0PACER01\t${managersChannel}\t2026-12-07 08:30 Europe/Warsaw\t2026-12-07T07:30:00Z`,
    ]);
  });

  it.runIf(postgres)('two job processes at the same instant post one digest', async () => {
    const both = await Promise.all([1, 2].map(() => runJobScript('run-job', ['digest', '--now', '2026-11-30T07:35:00Z'], job.env)));
    expect(both.map((r) => r.code)).toEqual([0, 0]);
    expect(job.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === managersChannel)).toHaveLength(1);
    expect(both.map((r) => r.stdout).join('\n')).toMatch(/already done 1/);
  });
});
