import { describe, expect, it } from 'vitest';
import type { Goal } from '../../../src/domain/goals.js';
import { defaultLeadRules, type Lead, type LeadRules } from '../../../src/domain/leads.js';
import { computePipeline, monthlyRevenueTarget } from '../../../src/domain/pipeline.js';

const at = new Date('2026-11-25T11:00:00Z');
let next = 0;
function lead(changes: Partial<Lead>): Lead {
  next += 1;
  return {
    id: `L${next}`, teamId: 'T1', ownerId: 'U0RITA', name: `Lead ${next}`, account: `Lead ${next}`, value: null, productLine: null,
    source: 'own', stage: 'new', lostReason: null, wonAmount: null, closedAt: null, lastTouchedAt: at, nextFollowUpOn: null,
    checkedBackAt: null, satisfaction: null, complaint: null, createdAt: at, ...changes,
  };
}

const rules = (owner: string, r: LeadRules = defaultLeadRules) => new Map([[owner, r]]);

describe('computePipeline', () => {
  const open = [
    lead({ stage: 'new', value: 10_000 }),
    lead({ stage: 'new', value: null }),
    lead({ stage: 'qualified', value: 20_000 }),
    lead({ stage: 'negotiation', value: 5_000.5 }),
  ];

  it('sums open leads by stage, every stage shown, and weights them by their chance of closing', () => {
    const pipeline = computePipeline({
      owners: ['U0RITA'], open, wonThisMonth: [], rulesOf: rules('U0RITA'), quotas: new Map(), coverageRule: 3, fallbackRules: defaultLeadRules,
    });
    expect(pipeline.stages).toEqual([
      { stage: 'new', count: 2, value: 10_000 },
      { stage: 'contacted', count: 0, value: 0 },
      { stage: 'qualified', count: 1, value: 20_000 },
      { stage: 'estimate', count: 0, value: 0 },
      { stage: 'negotiation', count: 1, value: 5_000.5 },
    ]);
    expect(pipeline.open).toEqual({ count: 4, value: 35_000.5, unvalued: 1 });
    // 10,000 × 0.1 + 20,000 × 0.4 + 5,000.50 × 0.8
    expect(pipeline.weighted).toBe(13_000.4);
    expect(pipeline.quota).toBeNull();
    expect(pipeline.coverage).toBeNull();
    expect(pipeline.ownersWithoutQuota).toEqual(['U0RITA']);
  });

  it('weights each owner’s leads by their own rules, and leaves closed leads out', () => {
    const sure: LeadRules = { ...defaultLeadRules, winChance: { ...defaultLeadRules.winChance, new: 1 } };
    const pipeline = computePipeline({
      owners: ['U0RITA', 'U0BOB'],
      open: [lead({ value: 1000 }), lead({ ownerId: 'U0BOB', value: 1000 }), lead({ stage: 'won', value: 99_000 })],
      wonThisMonth: [],
      rulesOf: new Map([['U0RITA', sure], ['U0BOB', defaultLeadRules]]),
      quotas: new Map(),
      coverageRule: 3,
      fallbackRules: defaultLeadRules,
    });
    expect(pipeline.weighted).toBe(1100);
    expect(pipeline.open.count).toBe(2);
  });

  it('counts won deals at the amount won, and coverage against the summed quotas', () => {
    const pipeline = computePipeline({
      owners: ['U0RITA', 'U0BOB', 'U0NEW'],
      open: [lead({ value: 90_000 }), lead({ ownerId: 'U0BOB', value: 30_000 })],
      wonThisMonth: [lead({ stage: 'won', value: 10_000, wonAmount: 9_500 }), lead({ stage: 'won', value: 2_000 })],
      rulesOf: rules('U0RITA'),
      quotas: new Map([['U0RITA', 30_000], ['U0BOB', 10_000], ['U0NEW', null]]),
      coverageRule: 3,
      fallbackRules: defaultLeadRules,
    });
    expect(pipeline.wonThisMonth).toEqual({ count: 2, value: 11_500 });
    expect(pipeline.quota).toBe(40_000);
    expect(pipeline.coverage).toBe(3);
    expect(pipeline.ownersWithoutQuota).toEqual(['U0NEW']);
  });

  it('has nothing to weigh with no leads', () => {
    const pipeline = computePipeline({ owners: ['U0RITA'], open: [], wonThisMonth: [], rulesOf: new Map(), quotas: new Map([['U0RITA', 50_000]]), coverageRule: 2.5, fallbackRules: defaultLeadRules });
    expect(pipeline).toMatchObject({ open: { count: 0, value: 0, unvalued: 0 }, weighted: 0, quota: 50_000, coverage: 0, coverageRule: 2.5 });
  });
});

describe('monthlyRevenueTarget', () => {
  const goal = (changes: Partial<Goal>): Pick<Goal, 'metric' | 'period' | 'productLine' | 'target'> => ({ metric: 'revenue', period: { kind: 'month' }, productLine: '', target: 50_000, ...changes });

  it.each([
    ['the monthly revenue goal', [goal({}), goal({ productLine: 'widgets', target: 20_000 })], 50_000],
    ['else the product lines’ quotas summed', [goal({ productLine: 'widgets', target: 20_000 }), goal({ productLine: 'gadgets', target: 5_000 })], 25_000],
    ['nothing from weekly, quarterly or other goals', [goal({ period: { kind: 'week' } }), goal({ period: { kind: 'quarter' } }), goal({ metric: 'call' })], null],
    ['nothing without goals', [], null],
  ])('takes %s', (_what, goals, target) => {
    expect(monthlyRevenueTarget(goals)).toBe(target);
  });
});
