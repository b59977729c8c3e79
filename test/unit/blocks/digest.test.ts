import { describe, expect, it } from 'vitest';
import { buildDigest, digestLimits, groupReps, repGroup } from '../../../blocks/digest.js';
import { limits } from '../../../blocks/text.js';
import { translator } from '../../../src/i18n/index.js';
import type { DigestGoal, DigestRep, TeamDigest } from '../../../src/services/team-digest.js';
import { violationsInEveryLanguage } from '../../support/block-kit-limits.js';

const tr = translator('en-US');

const weeklyCalls = (actual: number, change: Partial<DigestGoal> = {}): DigestGoal => ({
  metric: 'call', productLine: '', period: { kind: 'week' }, target: 40, actual, expected: 40, status: actual >= 40 ? 'done' : actual >= 30 ? 'at_risk' : 'behind', ...change,
});
const rep = (name: string, goal: DigestGoal | null, behindTwoWeeks = false): DigestRep => ({ userId: `U${name.toUpperCase()}`, name, goal, behindTwoWeeks });

const digest = (change: Partial<TeamDigest> = {}): TeamDigest => ({
  kind: 'weekly',
  team: { id: 's1', name: 'East' },
  timeZone: 'Europe/Warsaw',
  from: '2026-11-23',
  to: '2026-11-29',
  teamGoals: [{ metric: 'revenue', productLine: '', period: { kind: 'month' }, target: 50_000, actual: 12_000, expected: 40_000, status: 'behind' }],
  reps: [rep('Rita', weeklyCalls(10), true), rep('Bob', weeklyCalls(35)), rep('Ann', weeklyCalls(45)), rep('Zed', null)],
  leads: [{ userId: 'URITA', name: 'Rita', missed: 2, stale: 1, checkBacks: 0 }],
  checkIn: {
    week: '2026-11-27', expected: 4, answered: 2, skipped: 1,
    lowConfidence: [{ userId: 'URITA', name: 'Rita' }],
    help: [{ userId: 'UBOB', name: 'Bob', detail: 'pricing <approval> for Acme' }],
  },
  customers: { checkBacks: 2, satisfaction: 3.5, complaintCount: 1, complaints: [{ lead: 'Initech', name: 'Rita', complaint: 'late delivery' }] },
  ranking: { by: 'points' },
  top: [{ userId: 'UANN', name: 'Ann', rank: 1, score: 45 }, { userId: 'UBOB', name: 'Bob', rank: 2, score: 35 }],
  ...change,
});

const textOf = (d: TeamDigest) => JSON.stringify(buildDigest(tr, d).blocks);

describe('grouping reps', () => {
  it('behind, at risk, on track (reached, ahead, on pace, not begun) and no goal', () => {
    expect(repGroup(rep('a', weeklyCalls(5)))).toBe('behind');
    expect(repGroup(rep('a', weeklyCalls(35)))).toBe('at_risk');
    for (const status of ['done', 'ahead', 'on_pace', 'upcoming'] as const) expect(repGroup(rep('a', weeklyCalls(0, { status })))).toBe('on_track');
    expect(repGroup(rep('a', null))).toBe('no_goal');
  });

  it('the furthest behind first; on track by name', () => {
    const groups = groupReps([rep('b', weeklyCalls(20)), rep('a', weeklyCalls(5)), rep('z', weeklyCalls(40)), rep('c', weeklyCalls(41))]);
    expect(groups.behind.map((r) => r.name)).toEqual(['a', 'b']);
    expect(groups.on_track.map((r) => r.name)).toEqual(['c', 'z']);
  });
});

describe('the digest post', () => {
  it('shows team goals and pace, reps by group with counts, the two-week run, leads, check-in flags, customers and top performers', () => {
    const text = textOf(digest());
    expect(text).toContain('📋 East · weekly digest, Nov 23 – Nov 29');
    expect(text).toContain('*Revenue this month:* 12,000 / 50,000 — behind pace (expected 40,000 by now)');
    expect(text).toContain('🔴 Behind *1* · 🟠 At risk *1* · 🟢 On track *1* · No goal *1*');
    expect(text).toContain('*🔴 Behind (1)*\\nRita · 10 / 40 calls, weekly');
    expect(text).toContain('*🟠 At risk (1)*\\nBob · 35 / 40 calls, weekly');
    expect(text).toContain('*🟢 On track (1)* Ann');
    expect(text).toContain('*⏳ Behind pace two weeks running (1)*\\nRita');
    expect(text).toContain('Rita · 2 missed follow-ups · 1 stale lead');
    expect(text).toContain('*✅ Check-in of Nov 27:* 2 of 4 answered · 1 skipped · 1 missing');
    expect(text).toContain('⚠️ Low confidence (2 or less): Rita');
    expect(text).toContain('🙋 Help asked: Bob (“pricing &lt;approval&gt; for Acme”)');
    expect(text).toContain('2 check-backs · average satisfaction *3.5* / 5 · 1 complaint');
    expect(text).toContain('Initech (Rita): “late delivery”');
    expect(text).toContain('🥇 Ann · 45 pts · 🥈 Bob · 35 pts');
  });

  it('a daily digest says so; what is missing is said in a line, not left blank', () => {
    const text = textOf(digest({ kind: 'daily', from: '2026-12-01', to: '2026-12-01', teamGoals: [], leads: [], checkIn: null, customers: { checkBacks: 0, satisfaction: null, complaintCount: 0, complaints: [] }, top: [] }));
    expect(text).toContain('📋 East · daily digest, Dec 1');
    expect(text).toContain('today so far');
    expect(text).toContain('No team goals running.');
    expect(text).toContain('No missed follow-ups or stale leads.');
    expect(text).toContain('*✅ Check-in:* none in this period.');
    expect(text).toContain('no check-backs recorded');
    expect(text).toContain('nobody has logged anything yet');
  });

  it('a team of 300 with long names fits Block Kit: long lists cut with “and N more”', () => {
    const long = (n: number) => `Representative ${n} ${'with a very long display name '.repeat(3)}`;
    const statuses = ['behind', 'at_risk', 'on_pace'] as const;
    const reps = Array.from({ length: 300 }, (_, n) => ({
      userId: `U${n}`,
      name: long(n),
      goal: n % 10 === 9 ? null : weeklyCalls(n % 40, { metric: 'value:estimate', productLine: 'widgets-and-gadgets-premium', target: 1_000_000, status: statuses[n % 3] ?? 'behind' }),
      behindTwoWeeks: n % 3 === 0,
    }));
    const big = digest({
      team: { id: 's1', name: 'A team with a long name '.repeat(4) },
      teamGoals: Array.from({ length: 12 }, () => digest().teamGoals[0]!),
      reps,
      leads: reps.map((r, n) => ({ userId: r.userId, name: r.name, missed: n, stale: 50, checkBacks: 3 })),
      checkIn: {
        week: '2026-11-27', expected: 300, answered: 280, skipped: 5,
        lowConfidence: reps.slice(0, 60).map(({ userId, name }) => ({ userId, name })),
        help: reps.slice(0, 60).map(({ userId, name }) => ({ userId, name, detail: 'x'.repeat(2000) })),
      },
      customers: { checkBacks: 90, satisfaction: 4.25, complaintCount: 40, complaints: reps.slice(0, 5).map((r) => ({ lead: 'L'.repeat(300), name: r.name, complaint: 'c'.repeat(1000) })) },
      top: reps.slice(0, 5).map((r, i) => ({ userId: r.userId, name: r.name, rank: i + 1, score: 100 - i })),
    });
    const message = buildDigest(tr, big);
    expect(violationsInEveryLanguage((tr) => buildDigest(tr, big))).toEqual({});
    expect(message.blocks.length).toBeLessThanOrEqual(45);
    const text = JSON.stringify(message.blocks);
    expect(text.length).toBeLessThan(limits.messageCharacters);
    expect(text).toContain('*🔴 Behind (90)*');
    expect(text).toContain(`…and ${90 - digestLimits.behind} more`);
    expect(text).toContain(`…and ${90 - digestLimits.names} more`);
    expect(text).toContain('*⏳ Behind pace two weeks running (100)*');
    expect(text).toContain(`…and ${300 - digestLimits.leadReps} more reps`);
    expect(text).toContain(`…and ${12 - digestLimits.teamGoals} more`);
  });
});
