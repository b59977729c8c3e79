import type { ActivityType } from './activity-types.js';
import type { Period } from './periods.js';

/** An activity type's key, or one of the derived metrics. */
export type Metric = string;
export const revenueMetric = 'revenue';
export const pointsMetric = 'points';

/** Whose goal: a rep's (owner = user id), a sales team's (owner = team id) or the whole company's. */
export type OwnerType = 'rep' | 'team' | 'company';
export const companyOwnerId = 'company';

export interface Goal {
  id: string;
  ownerType: OwnerType;
  ownerId: string;
  metric: Metric;
  target: number;
  period: Period;
  /** Empty when the goal counts every product line. */
  productLine: string;
  note: string | null;
  setBy: string;
}

export type GoalDraft = Omit<Goal, 'id'>;

/** Whose activity counts towards a goal: some people, or everyone in the workspace. */
export type Contributors = readonly string[] | 'everyone';

/** Totals of one user's activity in a span, one row per type and product line. */
export interface ActivityTotal {
  typeKey: string;
  productLine: string | null;
  count: number;
  amount: number;
  points: number;
}

/** How far activity totals carry a goal: revenue sums money, points sums points, a type sums its count. */
export function goalActual(
  goal: Pick<Goal, 'metric' | 'productLine'>,
  totals: readonly ActivityTotal[],
  types: readonly ActivityType[],
): number {
  const moneyTypes = new Set(types.filter((t) => t.unit === 'money').map((t) => t.key));
  return totals
    .filter((row) => goal.productLine === '' || row.productLine === goal.productLine)
    .reduce((sum, row) => {
      if (goal.metric === revenueMetric) return moneyTypes.has(row.typeKey) ? sum + row.amount : sum;
      if (goal.metric === pointsMetric) return sum + row.points;
      return row.typeKey === goal.metric ? sum + row.count : sum;
    }, 0);
}

/** Whether logging this activity moves the goal. */
export function goalMovedBy(
  goal: Pick<Goal, 'metric' | 'productLine'>,
  activity: { typeKey: string; productLine: string | null; points: number },
  types: readonly ActivityType[],
): boolean {
  if (goal.productLine !== '' && goal.productLine !== activity.productLine) return false;
  if (goal.metric === pointsMetric) return activity.points !== 0;
  if (goal.metric === revenueMetric) return types.some((t) => t.key === activity.typeKey && t.unit === 'money');
  return goal.metric === activity.typeKey;
}

/** The metrics a goal may track: every active type, revenue and points. */
export function goalMetrics(activeTypeKeys: readonly string[]): string[] {
  return [...activeTypeKeys, revenueMetric, pointsMetric];
}

/** Money metrics are shown as amounts; others as counts. */
export function isMoneyMetric(metric: Metric): boolean {
  return metric === revenueMetric;
}

/** Two goals are the same goal when owner, metric, period and product line match. */
export function sameGoal(a: Pick<Goal, 'ownerType' | 'ownerId' | 'metric' | 'period' | 'productLine'>, b: typeof a): boolean {
  return (
    a.ownerType === b.ownerType &&
    a.ownerId === b.ownerId &&
    a.metric === b.metric &&
    a.productLine === b.productLine &&
    a.period.kind === b.period.kind &&
    (a.period.kind !== 'custom' ||
      (b.period.kind === 'custom' && a.period.startsOn === b.period.startsOn && a.period.endsOn === b.period.endsOn))
  );
}
