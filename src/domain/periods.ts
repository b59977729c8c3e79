import { DateTime } from 'luxon';

/** Every recurring period, shortest first. */
export const recurringPeriods = ['day', 'week', 'month', 'quarter'] as const;
export type RecurringPeriod = (typeof recurringPeriods)[number];
export type PeriodKind = RecurringPeriod | 'custom';

/** A goal's period: recurring ones restart each time; custom ones run between two ISO dates, both inclusive. */
export type Period =
  | { kind: RecurringPeriod }
  | { kind: 'custom'; startsOn: string; endsOn: string };

/** ISO weekdays, 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export const mondayToFriday: readonly Weekday[] = [1, 2, 3, 4, 5];

/** A half-open span of time [start, end). */
export interface Span {
  start: Date;
  end: Date;
}

/**
 * The instance of `period` that contains `now`, with day boundaries in `timeZone`.
 * A day is the whole local day, so a daily goal's pace is the share of it elapsed (by elapsedWorkingShare).
 */
export function periodSpan(period: Period, now: Date, timeZone: string): Span {
  if (period.kind === 'custom') {
    const start = DateTime.fromISO(period.startsOn, { zone: timeZone }).startOf('day');
    const end = DateTime.fromISO(period.endsOn, { zone: timeZone }).plus({ days: 1 }).startOf('day');
    return { start: start.toJSDate(), end: end.toJSDate() };
  }
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  const start = local.startOf(period.kind, { useLocaleWeeks: false });
  return { start: start.toJSDate(), end: start.plus({ [`${period.kind}s`]: 1 }).toJSDate() };
}

/** The span of the current week (Monday-based), used for "this week's activity". */
export function weekSpan(now: Date, timeZone: string): Span {
  return periodSpan({ kind: 'week' }, now, timeZone);
}

/**
 * The share of the span's working time that has passed at `now`, between 0 and 1.
 * Each working day weighs the same; the current day counts by the share of its own
 * length that has passed, so a 23- or 25-hour DST day still weighs one day.
 * A span with no working days at all counts every day instead.
 */
export function elapsedWorkingShare(
  span: Span,
  now: Date,
  timeZone: string,
  workingDays: readonly Weekday[] = mondayToFriday,
): number {
  const days = daysOf(span, timeZone);
  const working = days.filter((d) => workingDays.includes(d.start.weekday as Weekday));
  const counted = working.length > 0 ? working : days;
  if (counted.length === 0) return 0;
  const at = DateTime.fromJSDate(now, { zone: timeZone });
  let elapsed = 0;
  for (const day of counted) {
    if (at >= day.end) elapsed += 1;
    else if (at > day.start) elapsed += at.diff(day.start).toMillis() / day.end.diff(day.start).toMillis();
  }
  return elapsed / counted.length;
}

interface Day {
  start: DateTime;
  end: DateTime;
}

function daysOf(span: Span, timeZone: string): Day[] {
  const days: Day[] = [];
  const last = DateTime.fromJSDate(span.end, { zone: timeZone });
  let day = DateTime.fromJSDate(span.start, { zone: timeZone }).startOf('day');
  while (day < last) {
    const next = day.plus({ days: 1 }).startOf('day');
    days.push({ start: day, end: next });
    day = next;
  }
  return days;
}

/** True when the string is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && DateTime.fromISO(text).isValid;
}

/** Today's date (YYYY-MM-DD) in a time zone. */
export function localDate(now: Date, timeZone: string): string {
  return DateTime.fromJSDate(now, { zone: timeZone }).toISODate() ?? '';
}

export function isValidTimeZone(timeZone: string): boolean {
  return DateTime.local({ zone: timeZone }).isValid;
}
