import { createHash } from 'node:crypto';
import type { ActivityType } from './activity-types.js';
import type { Period } from './periods.js';

/** An activity type's key, or one of the derived metrics. */
export type Metric = string;
export const revenueMetric = 'revenue';
export const pointsMetric = 'points';

const valuePrefix = 'value:';
/** The money logged on one type's activities, e.g. the worth of estimates sent. */
export function valueMetric(typeKey: string): Metric {
  return valuePrefix + typeKey;
}
/** The type whose logged money a value metric sums; null for other metrics. */
export function valueMetricType(metric: Metric): string | null {
  return metric.startsWith(valuePrefix) ? metric.slice(valuePrefix.length) : null;
}

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
  /** The quota this goal follows (an estimate goal derived from it); null for goals set by hand. */
  derivedFromId: string | null;
}

export type GoalDraft = Omit<Goal, 'id' | 'derivedFromId'> & { derivedFromId?: string | null };

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

/**
 * How far activity totals carry a goal: revenue sums money types' amounts, points sums points,
 * a value metric sums its type's amounts, a type sums its count.
 */
export function goalActual(
  goal: Pick<Goal, 'metric' | 'productLine'>,
  totals: readonly ActivityTotal[],
  types: readonly ActivityType[],
): number {
  const moneyTypes = new Set(types.filter((t) => t.unit === 'money').map((t) => t.key));
  const valued = valueMetricType(goal.metric);
  return totals
    .filter((row) => goal.productLine === '' || row.productLine === goal.productLine)
    .reduce((sum, row) => {
      if (goal.metric === revenueMetric) return moneyTypes.has(row.typeKey) ? sum + row.amount : sum;
      if (goal.metric === pointsMetric) return sum + row.points;
      if (valued !== null) return row.typeKey === valued ? sum + row.amount : sum;
      return row.typeKey === goal.metric ? sum + row.count : sum;
    }, 0);
}

/** Whether logging this activity moves the goal. */
export function goalMovedBy(
  goal: Pick<Goal, 'metric' | 'productLine'>,
  activity: { typeKey: string; productLine: string | null; points: number; amount: number | null },
  types: readonly ActivityType[],
): boolean {
  if (goal.productLine !== '' && goal.productLine !== activity.productLine) return false;
  if (goal.metric === pointsMetric) return activity.points !== 0;
  if (goal.metric === revenueMetric) return types.some((t) => t.key === activity.typeKey && t.unit === 'money');
  if (valueMetricType(goal.metric) !== null) return valueMetricType(goal.metric) === activity.typeKey && activity.amount !== null;
  return goal.metric === activity.typeKey;
}

/** The metrics a goal may track: every active type, revenue and points. */
export function goalMetrics(activeTypeKeys: readonly string[]): string[] {
  return [...activeTypeKeys, revenueMetric, pointsMetric];
}

/** Money metrics are shown as amounts; others as counts. */
export function isMoneyMetric(metric: Metric): boolean {
  return metric === revenueMetric || valueMetricType(metric) !== null;
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

/**
 * A goal's version, as an Undo button carries it: a digest of everything a change can alter. The
 * store keeps no counter, so an Undo applies only while the goal is still as its reply left it.
 */
export function goalVersion(goal: Pick<Goal, 'id' | 'target' | 'note' | 'setBy' | 'derivedFromId'>): string {
  const state = JSON.stringify([goal.id, goal.target, goal.note, goal.setBy, goal.derivedFromId]);
  return createHash('sha256').update(state).digest('base64url').slice(0, 22);
}
