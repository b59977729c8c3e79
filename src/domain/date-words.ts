import { DateTime } from 'luxon';
import { PacerError } from '../errors.js';
import { isIsoDate, type Weekday } from './periods.js';
import { weekdayNames } from './sales-teams.js';

/** Which side of today a date without a year or a bare weekday falls on. */
export type DateDirection = 'future' | 'past';

export interface DateWordsOptions {
  /** YYYY-MM-DD: the person's local date. */
  today: string;
  direction: DateDirection;
}

export interface DateWords {
  /** YYYY-MM-DD. */
  date: string;
  /** How many of the words the date took, a leading `on` included. */
  used: number;
}

export const maxDaysAhead = 365;
export const maxWeeksAhead = 52;

const monthNames: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10,
  november: 11, nov: 11, december: 12, dec: 12,
};
const relativeDays: Record<string, number> = { today: 0, tomorrow: 1, yesterday: -1 };
const countWords: Record<string, number> = { a: 1, an: 1, one: 1 };
const unitWords: Record<string, 'days' | 'weeks'> = { day: 'days', days: 'days', week: 'weeks', weeks: 'weeks' };
/** A leap year, to tell "29 Feb" (possible some years) from "30 Feb" (never). */
const leapYear = 2024;
/** How far to look for the year of a yearless 29 Feb. */
const yearsToSearch = 8;

type Found = { date: DateTime; used: number } | null;

/**
 * Reads a date written in words at the start of `words`, case-insensitive; null when they do not start with one.
 * Forms, each optionally after `on`: `today`, `tomorrow`, `yesterday`; `friday`/`fri` (future: the next one
 * strictly after today; past: the latest strictly before); `next friday` (the Friday of the following
 * Monday-based week, so on a Wednesday it is nine days away); `last friday` (the latest Friday strictly before
 * today); `in N days|weeks` and `N days|weeks ago` (N 1–365 days or 1–52 weeks; `a`/`one` for 1);
 * `2026-12-01`; `1 Dec`, `Dec 1`, `1st December` (with an optional year `1 Dec 2026`); `1.12`, `1.12.2026`, `01.12.26`.
 * `1/12` is refused: US and European readings differ. Only bare weekdays and yearless dates depend on the
 * direction; a yearless date takes the year that puts it on that side of today (today included).
 * Whether the date suits the caller (a follow-up in the past…) is the caller's to check.
 * @throws PacerError `date_impossible` for a date that does not exist (`2026-02-30`, `31.11`), rather than moving it.
 */
export function readDateWords(words: readonly string[], options: DateWordsOptions): DateWords | null {
  if (!isIsoDate(options.today)) throw new Error(`readDateWords needs today as YYYY-MM-DD, got "${options.today}"`);
  const today = DateTime.fromISO(options.today, { zone: 'UTC' });
  const skip = words[0]?.toLowerCase() === 'on' ? 1 : 0;
  const found = readForm(words.slice(skip), today, options.direction);
  return found && { date: isoOf(found.date), used: found.used + skip };
}

function readForm(words: readonly string[], today: DateTime, direction: DateDirection): Found {
  const [w0 = '', w1 = '', w2 = ''] = words.map((w) => w.toLowerCase());
  const relative = lookup(relativeDays, w0);
  if (relative !== undefined) return { date: today.plus({ days: relative }), used: 1 };

  const weekday = lookup(weekdayNames, w0);
  if (weekday) return { date: direction === 'future' ? after(today, weekday) : before(today, weekday), used: 1 };
  const namedWeekday = lookup(weekdayNames, w1);
  if (w0 === 'next' && namedWeekday) return { date: today.startOf('week').plus({ weeks: 1, days: namedWeekday - 1 }), used: 2 };
  if (w0 === 'last' && namedWeekday) return { date: before(today, namedWeekday), used: 2 };

  if (w0 === 'in') {
    const span = spanOf(w1, w2);
    return span && { date: today.plus(span), used: 3 };
  }
  if (w2 === 'ago') {
    const span = spanOf(w0, w1);
    return span && { date: today.minus(span), used: 3 };
  }

  const given = (used: number) => words.slice(0, used).join(' ');
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(w0);
  if (iso) return { date: exactDate(Number(iso[1]), Number(iso[2]), Number(iso[3]), given(1)), used: 1 };

  const dotted = /^(\d{1,2})\.(\d{1,2})(?:\.(\d{4}|\d{2}))?\.?$/.exec(w0);
  if (dotted) {
    const [day, month] = [Number(dotted[1]), Number(dotted[2])];
    // Out of these bounds it is more likely a number (3.75) than a date.
    if (day < 1 || day > 31 || month < 1 || month > 12) return null;
    const year = dotted[3] === undefined ? undefined : fullYear(dotted[3]);
    return { date: resolveDate(day, month, year, today, direction, given(1)), used: 1 };
  }

  const dayFirst = dayOf(w0);
  const monthSecond = monthOf(w1);
  if (dayFirst !== undefined && monthSecond !== undefined) {
    const year = yearOf(w2);
    const used = year === undefined ? 2 : 3;
    return { date: resolveDate(dayFirst, monthSecond, year, today, direction, given(used)), used };
  }
  const monthFirst = monthOf(w0);
  const daySecond = dayOf(w1);
  if (monthFirst !== undefined && daySecond !== undefined) {
    const year = yearOf(w2);
    const used = year === undefined ? 2 : 3;
    return { date: resolveDate(daySecond, monthFirst, year, today, direction, given(used)), used };
  }
  return null;
}

function after(today: DateTime, weekday: Weekday): DateTime {
  return today.plus({ days: (weekday - today.weekday + 7) % 7 || 7 });
}

function before(today: DateTime, weekday: Weekday): DateTime {
  return today.minus({ days: (today.weekday - weekday + 7) % 7 || 7 });
}

/** `3 days`, `a week`: the span, or null when out of range or not a span. */
function spanOf(countWord: string, unitWord: string): { days: number } | { weeks: number } | null {
  const unit = lookup(unitWords, unitWord);
  const count = /^\d{1,3}$/.test(countWord) ? Number(countWord) : lookup(countWords, countWord);
  if (!unit || count === undefined || count < 1) return null;
  if (unit === 'days') return count <= maxDaysAhead ? { days: count } : null;
  return count <= maxWeeksAhead ? { weeks: count } : null;
}

/** `1`, `01`, `1st`, `1,` (as in `Dec 1, 2026`). */
function dayOf(word: string): number | undefined {
  const m = /^(\d{1,2})(?:st|nd|rd|th)?,?$/.exec(word);
  return m ? Number(m[1]) : undefined;
}

function monthOf(word: string): number | undefined {
  return lookup(monthNames, word.replace(/\.$/, ''));
}

/** Only years of this and the last century, so an amount after a date (`1 Dec 5000`) is not taken for one. */
function yearOf(word: string): number | undefined {
  return /^(19|20)\d{2}$/.test(word) ? Number(word) : undefined;
}

function fullYear(digits: string): number {
  return digits.length === 2 ? 2000 + Number(digits) : Number(digits);
}

function exactDate(year: number, month: number, day: number, given: string): DateTime {
  const date = DateTime.fromObject({ year, month, day }, { zone: 'UTC' });
  if (!date.isValid) throw new PacerError('date_impossible', { given });
  return date;
}

/** With a year, that date; without, the first on the direction's side of today (today included). */
function resolveDate(day: number, month: number, year: number | undefined, today: DateTime, direction: DateDirection, given: string): DateTime {
  if (year !== undefined) return exactDate(year, month, day, given);
  exactDate(leapYear, month, day, given);
  const step = direction === 'future' ? 1 : -1;
  for (let i = 0; i <= yearsToSearch; i += 1) {
    const date = DateTime.fromObject({ year: today.year + i * step, month, day }, { zone: 'UTC' });
    if (date.isValid && (direction === 'future' ? date >= today : date <= today)) return date;
  }
  throw new PacerError('date_impossible', { given });
}

/** Own keys only: a word like "constructor" must not find Object.prototype's. */
function lookup<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function isoOf(date: DateTime): string {
  const iso = date.toISODate();
  if (iso === null) throw new Error('readDateWords produced an invalid date');
  return iso;
}
