import type { Goal } from '../src/domain/goals.js';
import { isMoneyMetric, valueMetricType } from '../src/domain/goals.js';
import type { RecurringPeriod } from '../src/domain/periods.js';
import type { Translator } from '../src/i18n/index.js';
import type { OwnerLabel } from '../src/services/goal-owners.js';
import type { GoalStanding } from '../src/services/standings.js';
import { capitalise } from './text.js';

/**
 * "calls", "revenue", "lost deals": a metric as a noun, by the name the workspace gave it, else the
 * catalogue's. Named for many by default: five picks the plural a heading uses in every language
 * (two would pick the Russian and Polish "few" form: «Звонка за неделю»).
 */
export function metricName(tr: Translator, metric: string, count?: number): string {
  const valued = valueMetricType(metric);
  if (valued !== null) return tr.t('types.valueOf', { type: metricName(tr, valued, 1) });
  const named = tr.typeLabels.get(metric);
  if (named) return count === 1 ? named.one : named.other;
  const counted = (n: number) => tr.t(`types.${metric}`, { count: n, defaultValue: metric });
  // Alone, as a heading or a menu names it, a metric takes its dictionary plural (звонки), not a counted form (5 звонков).
  if (count === undefined) return tr.t(`metricNames.${metric}`, { defaultValue: counted(5) });
  return counted(count);
}

export function amountOf(tr: Translator, metric: string, value: number): string {
  return isMoneyMetric(metric) ? tr.money(value) : tr.number(value);
}

/** How a recurring goal is typed: "daily", "weekly"… */
const everyKey: Record<RecurringPeriod, string> = { day: 'period.daily', week: 'period.weekly', month: 'period.monthly', quarter: 'period.quarterly' };

/** "today", "this week", or "Dec 1 – Dec 20" for a custom period. */
export function periodName(tr: Translator, goal: Pick<Goal, 'period'>): string {
  const { period } = goal;
  return period.kind === 'custom'
    ? tr.t('period.custom', { from: tr.date(period.startsOn), to: tr.date(period.endsOn) })
    : tr.t(`period.${period.kind}`);
}

/** "calls 40 weekly for #widgets": a goal as the rep would type it. */
export function goalSummary(tr: Translator, goal: Pick<Goal, 'metric' | 'target' | 'period' | 'productLine'>): string {
  const period = goal.period.kind === 'custom' ? periodName(tr, goal) : tr.t(everyKey[goal.period.kind]);
  const summary = tr.t('goal.summary', {
    metric: metricName(tr, goal.metric),
    target: amountOf(tr, goal.metric, goal.target),
    period,
  });
  return goal.productLine ? summary + tr.t('goal.product', { product: goal.productLine }) : summary;
}

/** Who a goal belongs to, as replies name them; null when it is the reader's own. */
export function ownerPhrase(tr: Translator, owner: OwnerLabel, readerId: string): string | null {
  switch (owner.type) {
    case 'rep':
      return owner.userId === readerId ? null : tr.t('goal.ownerRep', { userId: owner.userId });
    case 'team':
      return tr.t('goal.ownerTeam', { name: owner.name });
    case 'company':
      return tr.t('goal.ownerCompany');
  }
}

/** "*Calls this week:* 8 / 40 — behind pace (expected 14 by now)". */
export function standingLine(tr: Translator, standing: GoalStanding): string {
  const { goal, pace, sharedBy } = standing;
  const product = goal.productLine ? ` #${goal.productLine}` : '';
  const whose = sharedBy ? `${capitalise(ownerPhrase(tr, sharedBy, '') ?? '', tr.locale)} · ` : '';
  return whose + tr.t('pace.line', {
    metric: capitalise(metricName(tr, goal.metric), tr.locale) + product,
    period: periodName(tr, goal),
    actual: amountOf(tr, goal.metric, pace.actual),
    target: amountOf(tr, goal.metric, pace.target),
    status: tr.t(`pace.${pace.status}`, {
      expected: amountOf(tr, goal.metric, Math.round(pace.expected)),
      date: goal.period.kind === 'custom' ? tr.date(goal.period.startsOn) : '',
    }),
  });
}
