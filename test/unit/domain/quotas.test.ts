import { describe, expect, it } from 'vitest';
import { defaultActivityTypes } from '../../../src/domain/activity-types.js';
import { goalActual, goalMovedBy, valueMetric } from '../../../src/domain/goals.js';
import { estimateGoalFor, estimatesPerUnitFor, isQuota } from '../../../src/domain/quotas.js';

const types = defaultActivityTypes;
const monthly = { kind: 'month' } as const;

describe('quotas', () => {
  it.each([
    [{ metric: 'deal', productLine: 'widgets', derivedFromId: null }, true],
    [{ metric: 'revenue', productLine: 'widgets', derivedFromId: null }, true],
    [{ metric: 'deal', productLine: '', derivedFromId: null }, false],
    [{ metric: 'call', productLine: 'widgets', derivedFromId: null }, false],
    [{ metric: 'deal', productLine: 'widgets', derivedFromId: '00000000-0000-4000-8000-000000000001' }, false],
  ])('%o is a quota: %s', (goal, expected) => {
    expect(isQuota(goal, types)).toBe(expected);
  });

  it('a deals quota derives three estimates per deal, rounding up to whole estimates', () => {
    expect(estimateGoalFor({ metric: 'deal', target: 10, period: monthly, productLine: 'widgets' }, 3, types)).toEqual({
      metric: 'estimate', target: 30, period: monthly, productLine: 'widgets',
    });
    expect(estimateGoalFor({ metric: 'deal', target: 5, period: monthly, productLine: 'widgets' }, 2.5, types)?.target).toBe(13);
  });

  it('a revenue quota derives estimates worth the amount times the rule', () => {
    expect(estimateGoalFor({ metric: 'revenue', target: 30000, period: monthly, productLine: 'widgets' }, 3, types)).toEqual({
      metric: valueMetric('estimate'), target: 90000, period: monthly, productLine: 'widgets',
    });
  });

  it('derives nothing when the workspace switched estimates off', () => {
    const without = types.map((t) => (t.key === 'estimate' ? { ...t, active: false } : t));
    expect(estimateGoalFor({ metric: 'deal', target: 10, period: monthly, productLine: 'widgets' }, 3, without)).toBeNull();
  });

  it('takes the rule of the rep’s first team by name, or the standard three', () => {
    expect(estimatesPerUnitFor([])).toBe(3);
    expect(estimatesPerUnitFor([{ name: 'West', estimatesPerQuotaUnit: 2 }, { name: 'East', estimatesPerQuotaUnit: 4 }])).toBe(4);
  });

  it('an estimate value goal sums the amounts on estimates of its product line only', () => {
    const goal = { metric: valueMetric('estimate'), productLine: 'widgets' };
    const totals = [
      { typeKey: 'estimate', productLine: 'widgets', count: 2, amount: 60000, points: 4 },
      { typeKey: 'estimate', productLine: 'gadgets', count: 1, amount: 5000, points: 2 },
      { typeKey: 'deal', productLine: 'widgets', count: 1, amount: 12000, points: 10 },
    ];
    expect(goalActual(goal, totals, types)).toBe(60000);
    expect(goalMovedBy(goal, { typeKey: 'estimate', productLine: 'widgets', points: 2, amount: 30000 }, types)).toBe(true);
    expect(goalMovedBy(goal, { typeKey: 'estimate', productLine: 'widgets', points: 2, amount: null }, types)).toBe(false);
  });
});
