import type { ActivityType } from './activity-types.js';
import { revenueMetric, valueMetric, type Goal } from './goals.js';
import { defaultEstimatesPerQuotaUnit, type SalesTeam } from './sales-teams.js';

/** The activity type whose logs are estimates (quotes) sent to leads. */
export const estimateTypeKey = 'estimate';

/**
 * A quota is a product-line target for won business: a count of a money type's logs
 * ("deals 10 monthly #widgets") or revenue ("revenue 30000 monthly #widgets").
 */
export function isQuota(goal: Pick<Goal, 'metric' | 'productLine' | 'derivedFromId'>, types: readonly ActivityType[]): boolean {
  if (goal.productLine === '' || goal.derivedFromId !== null) return false;
  return goal.metric === revenueMetric || types.some((t) => t.key === goal.metric && t.unit === 'money');
}

/** The estimate goal a quota implies: so many estimates per deal, or estimates worth so much per unit of revenue. */
export type EstimateGoal = Pick<Goal, 'metric' | 'target' | 'period' | 'productLine'>;

export function estimateGoalFor(
  quota: Pick<Goal, 'metric' | 'target' | 'period' | 'productLine'>,
  perUnit: number,
  types: readonly ActivityType[],
): EstimateGoal | null {
  if (!types.some((t) => t.key === estimateTypeKey && t.active)) return null;
  const byValue = quota.metric === revenueMetric;
  const target = byValue ? Math.round(quota.target * perUnit * 100) / 100 : Math.ceil(quota.target * perUnit - 1e-9);
  return {
    metric: byValue ? valueMetric(estimateTypeKey) : estimateTypeKey,
    target: Math.max(target, byValue ? 0.01 : 1),
    period: quota.period,
    productLine: quota.productLine,
  };
}

/**
 * How many estimates per unit of quota apply to an owner: a team's own setting; for a rep,
 * the setting of their first team by name (a rep is seldom in two teams with different rules);
 * otherwise the standard three.
 */
export function estimatesPerUnitFor(teams: readonly Pick<SalesTeam, 'name' | 'estimatesPerQuotaUnit'>[]): number {
  const [first] = [...teams].sort((a, b) => a.name.localeCompare(b.name));
  return first?.estimatesPerQuotaUnit ?? defaultEstimatesPerQuotaUnit;
}
