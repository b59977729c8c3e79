import { describe, expect, it } from 'vitest';
import { buildLeadModal } from '../../../blocks/lead-modal.js';
import {
  buildFollowUpSet,
  buildLeadAdded,
  buildLeadHandedOver,
  buildLeadList,
  buildLeadLost,
  buildLeadTouched,
  buildLeadWon,
  buildPipeline,
  followUpWhen,
  maxListedLeads,
} from '../../../blocks/lead-replies.js';
import { defaultActivityTypes } from '../../../src/domain/activity-types.js';
import type { Goal } from '../../../src/domain/goals.js';
import { leadRows } from '../../../src/domain/lead-list.js';
import { defaultLeadRules, type Lead } from '../../../src/domain/leads.js';
import { computePace } from '../../../src/domain/pace.js';
import { periodSpan } from '../../../src/domain/periods.js';
import { computePipeline } from '../../../src/domain/pipeline.js';
import { translator } from '../../../src/i18n/index.js';
import type { LogOutcome } from '../../../src/services/activity-log.js';
import { ids } from '../../../src/slack/ids.js';
import { violationsInEveryLanguage } from '../../support/block-kit-limits.js';

const tr = translator('en-US');
// Wednesday 25 Nov 2026, noon in Warsaw.
const now = new Date('2026-11-25T11:00:00Z');
const zone = 'Europe/Warsaw';
const today = '2026-11-25';
const allText = (value: unknown) => JSON.stringify(value);

function lead(changes: Partial<Lead> = {}): Lead {
  return {
    id: 'L1', teamId: 'T1', ownerId: 'U0RITA', name: 'Acme Corp', account: 'Acme Corp', value: 12_000, productLine: 'widgets',
    source: 'company', stage: 'new', lostReason: null, wonAmount: null, closedAt: null, lastTouchedAt: now, nextFollowUpOn: '2026-11-27',
    checkedBackAt: null, satisfaction: null, complaint: null, createdAt: now, ...changes,
  };
}

function outcome(typeKey: string, standings: number[]): LogOutcome {
  const goal: Goal = { id: 'G1', ownerType: 'rep', ownerId: 'U0RITA', metric: typeKey === 'deal' ? 'revenue' : typeKey, target: 40, period: { kind: 'week' }, productLine: '', note: null, setBy: 'U0RITA', derivedFromId: null };
  const span = periodSpan(goal.period, now, zone);
  return {
    activity: { id: 'A1', teamId: 'T1', userId: 'U0RITA', typeKey, count: 1, amount: typeKey === 'deal' ? 11_500 : null, points: 1, lead: 'Acme Corp', productLine: null, note: null, occurredAt: now },
    standings: standings.map((actual) => ({ goal, span, pace: computePace({ actual, target: goal.target, span, now, timeZone: zone }) })),
    types: [...defaultActivityTypes],
  };
}

describe('follow-up dates in words', () => {
  it.each([
    ['2026-11-25', 0, 'today'],
    ['2026-11-26', 1, 'tomorrow'],
    ['2026-11-27', 2, 'Friday, Nov 27'],
    ['2026-12-01', 6, 'Tuesday, Dec 1'],
    ['2026-12-02', 7, 'Dec 2'],
  ])('%s is "%s"', (date, inDays, words) => {
    expect(followUpWhen(tr, date, inDays)).toBe(words);
  });
});

describe('lead replies', () => {
  it('an added lead shows everything saved, and no Undo', () => {
    const reply = buildLeadAdded(tr, lead({ account: 'Acme Holdings' }), today);
    expect(reply.text).toBe('Saved your lead *Acme Corp*.');
    expect(allText(reply.blocks)).toContain('worth 12,000 · #widgets · account Acme Holdings · follow up Friday, Nov 27 · from the company');
    expect(allText(reply.blocks)).not.toContain('"button"');
    expect(allText(buildLeadAdded(tr, lead({ value: null, productLine: null, nextFollowUpOn: null, source: 'own' }), today).blocks)).toContain(
      'no value yet · no follow-up planned · your own prospecting',
    );
  });

  it('escapes what the rep typed', () => {
    const reply = buildLeadAdded(tr, lead({ name: 'Q&A <Partners>', account: 'Q&A <Partners>' }), today);
    expect(reply.text).toBe('Saved your lead *Q&amp;A &lt;Partners&gt;*.');
  });

  it('a touch says when it moved the lead on, and what it logged with the goals it moved', () => {
    const touched = buildLeadTouched(tr, lead(), lead({ stage: 'contacted' }), 'talked to the CFO', outcome('call', [9]));
    expect(touched.text).toBe('Touched *Acme Corp*; it is now *contacted*.');
    expect(allText(touched.blocks)).toContain('note: talked to the CFO');
    expect(allText(touched.blocks)).toContain('Also logged *1 call*.');
    expect(allText(touched.blocks)).toContain('*Calls this week:* 9 / 40');
    const quiet = buildLeadTouched(tr, lead({ stage: 'qualified' }), lead({ stage: 'qualified' }), null, outcome('call', []));
    expect(quiet.text).toBe('Touched *Acme Corp*.');
    expect(allText(quiet.blocks)).toContain('Set one with `/goal call 40 weekly`');
  });

  it('a win names repeat business from the second deal on', () => {
    const first = buildLeadWon(tr, { lead: lead({ stage: 'won', wonAmount: 11_500 }), logged: outcome('deal', [11_500]), accountWins: 1 });
    expect(first.text).toBe('Won *Acme Corp* for 11,500 :tada:');
    expect(allText(first.blocks)).not.toContain('Repeat business');
    const second = buildLeadWon(tr, { lead: lead({ stage: 'won', wonAmount: 11_500 }), logged: outcome('deal', []), accountWins: 2 });
    expect(allText(second.blocks)).toContain('Repeat business: 2nd deal from Acme Corp');
    expect(allText(second.blocks)).toContain('/goal revenue 50000 monthly');
    const third = buildLeadWon(tr, { lead: lead({ stage: 'won', wonAmount: 1 }), logged: null, accountWins: 3 });
    expect(allText(third.blocks)).toContain('3rd deal');
    expect(allText(third.blocks)).toContain('/pacer types');
  });

  it('a loss says the reason, or asks for one', () => {
    expect(buildLeadLost(tr, lead({ stage: 'lost', lostReason: 'price' })).text).toBe('Marked *Acme Corp* lost: price.');
    expect(allText(buildLeadLost(tr, lead({ stage: 'lost' })).blocks)).toContain('/lead lost Acme Corp price');
  });

  it('a follow-up and a hand-over say when', () => {
    expect(buildFollowUpSet(tr, lead({ nextFollowUpOn: '2026-11-26' }), today).text).toBe('Next follow-up for *Acme Corp*: tomorrow.');
    const handed = buildLeadHandedOver(tr, lead({ ownerId: 'U0BOB' }), 'U0MAX', today);
    expect(handed.text).toBe('<@U0MAX> handed you the lead *Acme Corp*.');
  });
});

describe('lead list', () => {
  const many = Array.from({ length: 47 }, (_, i) =>
    lead({ id: `L${i}`, name: `${'Long name '.repeat(25)}${i}`, nextFollowUpOn: i % 2 ? '2026-11-20' : '2026-12-10', value: 1_000_000 + i }),
  );

  it('shows each lead’s stage, value, follow-up (overdue flagged) and days since a touch', () => {
    const rows = leadRows([lead({ nextFollowUpOn: '2026-11-20', lastTouchedAt: new Date('2026-11-22T10:00:00Z'), stage: 'qualified' }), lead({ name: 'Beta', value: null, nextFollowUpOn: null })], now, zone);
    const list = buildLeadList(tr, rows, { type: 'self' }, 'U0RITA');
    expect(list.text).toBe('Your open leads (2)');
    const text = allText(list.blocks);
    expect(text).toContain('*Acme Corp* · qualified · 12,000 · :warning: *overdue* since Nov 20 (5 days) · touched 3 days ago');
    expect(text).toContain('*Beta* · new · no value yet · no follow-up planned · touched today');
  });

  it('names the owner in a team’s list, and whose list it is', () => {
    const list = buildLeadList(tr, leadRows([lead()], now, zone), { type: 'team', name: 'East' }, 'U0MAX');
    expect(list.text).toBe('Open leads of team East (1)');
    expect(allText(list.blocks)).toContain('· <@U0RITA>');
    expect(buildLeadList(tr, [], { type: 'rep', userId: 'U0BOB' }, 'U0MAX').text).toBe('<@U0BOB> has no open leads.');
  });

  it('invites the first lead when there are none', () => {
    expect(buildLeadList(tr, [], { type: 'self' }, 'U0RITA').text).toContain('/lead add Acme Corp 12000 follow up friday');
  });

  it('shows at most forty long leads within Block Kit’s limits, and counts the rest', () => {
    const list = buildLeadList(tr, leadRows(many, now, zone), { type: 'team', name: 'East' }, 'U0MAX');
    expect(violationsInEveryLanguage((tr) => buildLeadList(tr, leadRows(many, now, zone), { type: 'team', name: 'East' }, 'U0MAX'))).toEqual({});
    const shown = (allText(list.blocks).match(/<@U0RITA>/g) ?? []).length;
    expect(shown).toBe(maxListedLeads);
    expect(allText(list.blocks)).toContain('…and 7 more leads.');
  });

  it('stops before one message is full when every line is long, and counts the rest', () => {
    const risky = many.map((l) => ({ ...l, name: '&<>'.repeat(26), productLine: 'p'.repeat(50) }));
    const list = buildLeadList(tr, leadRows(risky, now, zone), { type: 'team', name: 'E'.repeat(40) }, 'U0MAX');
    expect(violationsInEveryLanguage((tr) => buildLeadList(tr, leadRows(risky, now, zone), { type: 'team', name: 'E'.repeat(40) }, 'U0MAX'))).toEqual({});
    const shown = (allText(list.blocks).match(/<@U0RITA>/g) ?? []).length;
    expect(shown).toBeGreaterThan(10);
    expect(allText(list.blocks)).toContain(`…and ${many.length - shown} more leads.`);
  });

  it('shows exactly forty short ones, then "and N more"', () => {
    const short = many.map((l, i) => ({ ...l, name: `Lead ${i}` }));
    const list = buildLeadList(tr, leadRows(short, now, zone), { type: 'self' }, 'U0RITA');
    expect(violationsInEveryLanguage((tr) => buildLeadList(tr, leadRows(short, now, zone), { type: 'self' }, 'U0RITA'))).toEqual({});
    expect((allText(list.blocks).match(/\*Lead \d+\*/g) ?? []).length).toBe(40);
    expect(allText(list.blocks)).toContain('…and 7 more leads.');
  });
});

describe('pipeline', () => {
  const report = (quota: number | null, open: Lead[]) => ({
    pipeline: computePipeline({
      owners: ['U0RITA'], open, wonThisMonth: [lead({ stage: 'won', wonAmount: 5_000 })], rulesOf: new Map([['U0RITA', defaultLeadRules]]),
      quotas: new Map([['U0RITA', quota]]), coverageRule: 3, fallbackRules: defaultLeadRules,
    }),
    owners: ['U0RITA'],
    team: null,
  });

  it('shows value by stage, forecast, won this month and coverage against the rule of thumb', () => {
    const reply = buildPipeline(tr, report(20_000, [lead({ value: 30_000, stage: 'qualified' }), lead({ value: null })]), { type: 'self' }, 'U0RITA');
    const text = allText(reply.blocks);
    expect(reply.text).toBe('Your pipeline');
    expect(text).toContain('*qualified:* 1 lead · 30,000');
    expect(text).toContain('*new:* 1 lead · 0');
    expect(text).toContain('*Open pipeline:* 30,000 in 2 leads');
    expect(text).toContain('1 open lead has no value yet');
    expect(text).toContain('*Weighted forecast:* 12,000');
    expect(text).toContain('*Won this month:* 5,000 in 1 deal');
    expect(text).toContain('*Coverage:* 1.5× the monthly quota of 20,000 (rule of thumb: 3× quota)');
    expect(text).toContain('about 30,000 more in the pipeline would reach 3×');
    expect(
      violationsInEveryLanguage((tr) => buildPipeline(tr, report(20_000, [lead({ value: 30_000, stage: 'qualified' }), lead({ value: null })]), { type: 'self' }, 'U0RITA')),
    ).toEqual({});
  });

  it('says how to set a quota when there is none', () => {
    const reply = buildPipeline(tr, report(null, [lead()]), { type: 'self' }, 'U0RITA');
    expect(allText(reply.blocks)).toContain('Set one with `/goal revenue 50000 monthly`');
  });

  it('says when the pipeline covers the quota', () => {
    const reply = buildPipeline(tr, report(1_000, [lead({ value: 3_000 })]), { type: 'rep', userId: 'U0RITA' }, 'U0MAX');
    expect(reply.text).toBe('Pipeline of <@U0RITA>');
    expect(allText(reply.blocks)).toContain('Enough pipeline to hit the quota');
  });
});

describe('lead form', () => {
  it('has every field of /lead add, and keeps to Block Kit’s limits', () => {
    const view = buildLeadModal(tr, { channelId: 'C0SALES' });
    expect(view.callback_id).toBe(ids.views.leadModal);
    expect(view.private_metadata).toBe(JSON.stringify({ channelId: 'C0SALES' }));
    expect(view.blocks.map((b) => b.block_id)).toEqual(Object.values(ids.leadModal).map((f) => f.block));
    expect(violationsInEveryLanguage((tr) => buildLeadModal(tr, { channelId: 'C0SALES' }))).toEqual({});
  });
});
