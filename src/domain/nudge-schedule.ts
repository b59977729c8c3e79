import { FixedOffsetZone, Info, type Zone } from 'luxon';
import { PacerError } from '../errors.js';
import { readDateWords } from './date-words.js';
import { isIsoDate, mondayToFriday, type Weekday } from './periods.js';
import { weekdayNames } from './sales-teams.js';

export interface NudgePrefs {
  enabled: boolean;
  /** Local wall-clock time 'HH:MM' (24h). */
  at: string;
  /** ISO weekdays the rep works, 1 = Monday. */
  days: readonly Weekday[];
  /** Last day (YYYY-MM-DD, local) of an absence; no nudges on or before it. null: not away. */
  awayUntil: string | null;
}

export const defaultNudgePrefs: NudgePrefs = { enabled: true, at: '09:00', days: mondayToFriday, awayUntil: null };

/** A nudge is caught up the same local day until this local time at the latest (never in the small hours of the next day). */
export const nudgeCatchUpUntil = '20:00';

/** How far ahead `/pacer away until` may reach. */
export const maxAwayDays = 366;

export interface NudgeSlot {
  /** The rep's local date the run belongs to (YYYY-MM-DD): the key a run is claimed under. */
  localDate: string;
  /** 'HH:MM' as actually scheduled: after a spring-forward gap it is the end of the gap. */
  localTime: string;
  at: Date;
}

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
const week = 7 * day;
/** How far offsets are tabulated beyond a span: past the local days at its ends and the day either side that resolveWallTime samples. */
const margin = 3 * day;

/** The slot whose run should happen at `now`, or null when no nudge is due. */
export function dueNudgeSlot(prefs: NudgePrefs, timeZone: string, now: Date): NudgeSlot | null {
  if (!prefs.enabled || Number.isNaN(now.getTime())) return null;
  const offsetAt = offsetsAround(zoneOf(timeZone), now.getTime(), now.getTime());
  // The catch-up window never passes local midnight, so only today's slot can be due.
  const today = localDayOf(now.getTime(), offsetAt);
  const slot = slotOn(prefs, today, offsetAt);
  if (!slot || now < slot.at) return null;
  return now.getTime() < catchUpEndMs(slot, today, offsetAt) ? slot : null;
}

/** Every slot whose instant lies in [from, to), in order; empty when from ≥ to. */
export function nudgeSlots(prefs: NudgePrefs, timeZone: string, from: Date, to: Date): NudgeSlot[] {
  const start = from.getTime();
  const end = to.getTime();
  if (!prefs.enabled || !(start < end)) return [];
  const offsetAt = offsetsAround(zoneOf(timeZone), start, end);
  const slots: NudgeSlot[] = [];
  const lastDay = localDayOf(end, offsetAt);
  for (let dayMs = localDayOf(start, offsetAt); dayMs <= lastDay; dayMs += day) {
    const slot = slotOn(prefs, dayMs, offsetAt);
    if (!slot) continue;
    const at = slot.at.getTime();
    if (at >= end) break;
    if (at >= start) slots.push(slot);
  }
  return slots;
}

/**
 * The end of a slot's catch-up window: its local day at `nudgeCatchUpUntil`, or an hour
 * after the slot when the nudge time is that late, but never past local midnight.
 */
export function nudgeCatchUpEnd(slot: NudgeSlot, timeZone: string): Date {
  const offsetAt = offsetsAround(zoneOf(timeZone), slot.at.getTime(), slot.at.getTime());
  return new Date(catchUpEndMs(slot, Date.parse(`${slot.localDate}T00:00:00Z`), offsetAt));
}

export function isAway(prefs: NudgePrefs, localDate: string): boolean {
  return prefs.awayUntil !== null && localDate <= prefs.awayUntil;
}

/** Reads the words after `/pacer nudges`: `on`, `off`, `at <time>` or `days <days>`. */
export function parseNudgeChange(words: readonly string[]): Partial<NudgePrefs> {
  const [verb = '', ...rest] = words;
  switch (verb.toLowerCase()) {
    case 'on':
    case 'off':
      if (rest.length > 0) throw new PacerError('nudges_usage');
      return { enabled: verb.toLowerCase() === 'on' };
    case 'at': {
      if (rest.length === 0) throw new PacerError('nudges_usage');
      // Joined without spaces so that "8 am" and "8:30 pm" read like "8am".
      const at = readClockTime(rest.join(''));
      if (!at) throw new PacerError('nudges_time', { given: rest.join(' ') });
      return { at };
    }
    case 'days': {
      if (rest.length === 0) throw new PacerError('nudges_usage');
      const days = readDays(rest.join(' '));
      if (!days) throw new PacerError('nudges_days', { given: rest.join(' ') });
      return { days };
    }
    default:
      throw new PacerError('nudges_usage');
  }
}

/** The last day of an absence as typed after `/pacer away until` (`friday`, `10 Dec`, `2026-12-10`), read against the person's today. */
export function readAwayUntil(words: readonly string[], today: string): string {
  const read = readDateWords(words, { today, direction: 'future' });
  if (!read || read.used !== words.length) throw new PacerError('away_date', { given: words.join(' ') });
  return checkAwayUntil(read.date, today);
}

/** Checks the last day of an absence: today or later, and at most `maxAwayDays` ahead. */
export function checkAwayUntil(date: string, today: string): string {
  if (!isIsoDate(date)) throw new PacerError('away_date', { given: date });
  if (date < today) throw new PacerError('away_past', { date });
  const latest = new Date(Date.parse(`${today}T00:00:00Z`) + maxAwayDays * day).toISOString().slice(0, 10);
  if (date > latest) throw new PacerError('away_too_far', { max: maxAwayDays });
  return date;
}

type OffsetAt = (utcMs: number) => number;

/**
 * An unknown zone is read as UTC: profiles are validated when stored, and one bad row
 * must not stop the scheduler for everyone. 'local'/'system' would tie the answer to the
 * server's own zone, so they count as unknown too.
 */
function zoneOf(timeZone: string): Zone {
  const zone = Info.normalizeZone(timeZone);
  return zone.isValid && zone.type !== 'system' ? zone : FixedOffsetZone.utcInstance;
}

/**
 * The zone's offsets around [start, end], sampled a week apart and searched to the minute
 * where two samples differ: a year costs about 80 lookups instead of several a day, and
 * each lookup is an Intl formatToParts call of some microseconds. Two changes that cancel
 * out within one week would be missed; tzdata has none. Outside the span it asks the zone.
 */
function offsetsAround(zone: Zone, start: number, end: number): OffsetAt {
  const first = Math.floor((start - margin) / minute) * minute;
  const last = Math.ceil((end + margin) / minute) * minute;
  const offsetAt = (utcMs: number) => zone.offset(utcMs);
  let current = zone.offset(first);
  const changes = [{ from: first, offset: current }];
  for (let t = first; t < last; t += week) {
    const next = Math.min(t + week, last);
    const target = zone.offset(next);
    // Follow every change within the week until the offset is next's.
    for (let lo = t; current !== target; ) {
      lo = firstChange(offsetAt, lo, next);
      current = zone.offset(lo);
      changes.push({ from: lo, offset: current });
    }
  }
  return (utcMs) => {
    if (utcMs < first || utcMs > last) return zone.offset(utcMs);
    return changes.findLast((change) => change.from <= utcMs)?.offset ?? zone.offset(utcMs);
  };
}

/** A minute in (lo, hi] where the offset changes from lo's; hi's offset must differ from lo's. */
function firstChange(offsetAt: OffsetAt, lo: number, hi: number): number {
  const before = offsetAt(lo);
  while (hi - lo > minute) {
    const mid = lo + Math.max(1, Math.floor((hi - lo) / 2 / minute)) * minute;
    if (offsetAt(mid) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** The local calendar day of an instant, as the UTC midnight of the same date. */
function localDayOf(utcMs: number, offsetAt: OffsetAt): number {
  const wall = utcMs + offsetAt(utcMs) * minute;
  return wall - (((wall % day) + day) % day);
}

function slotOn(prefs: NudgePrefs, dayMs: number, offsetAt: OffsetAt): NudgeSlot | null {
  const date = new Date(dayMs);
  const weekday = (date.getUTCDay() || 7) as Weekday;
  const localDate = date.toISOString().slice(0, 10);
  if (!prefs.days.includes(weekday) || isAway(prefs, localDate)) return null;
  const { utcMs, wallMs } = resolveWallTime(dayMs + minutesOf(prefs.at) * minute, offsetAt);
  // A gap that swallows the rest of the day pushes the time onto the next date: that day had no such time.
  if (wallMs - dayMs >= day) return null;
  return { localDate, localTime: new Date(wallMs).toISOString().slice(11, 16), at: new Date(utcMs) };
}

function catchUpEndMs(slot: NudgeSlot, dayMs: number, offsetAt: OffsetAt): number {
  const at = slot.at.getTime();
  const latest = resolveWallTime(dayMs + minutesOf(nudgeCatchUpUntil) * minute, offsetAt).utcMs;
  const midnight = resolveWallTime(dayMs + day, offsetAt).utcMs;
  return Math.min(at < latest ? latest : at + hour, midnight);
}

/**
 * The instant a local wall time (written as UTC milliseconds) happens. Luxon's
 * `DateTime.fromObject` moves a time in a spring-forward gap by the gap's length
 * (02:30 → 03:30) and picks an occurrence of a repeated time by the offset at the
 * real current time, so the rules are applied here: a time in a gap moves to the
 * first valid instant after it; a repeated time takes its first occurrence.
 * Assumes at most one offset change within a day either side, as tzdata has had for decades.
 */
function resolveWallTime(wallMs: number, offsetAt: OffsetAt): { utcMs: number; wallMs: number } {
  const before = offsetAt(wallMs - day);
  const after = offsetAt(wallMs + day);
  if (before === after) return { utcMs: wallMs - before * minute, wallMs };
  const asBefore = wallMs - before * minute;
  const asAfter = wallMs - after * minute;
  const candidates = [asBefore, asAfter].filter((utcMs) => utcMs + offsetAt(utcMs) * minute === wallMs);
  if (candidates.length > 0) return { utcMs: Math.min(...candidates), wallMs };
  // In the gap: the slot moves to the instant the new offset starts.
  const utcMs = firstChange(offsetAt, Math.min(asBefore, asAfter), Math.max(asBefore, asAfter));
  return { utcMs, wallMs: utcMs + offsetAt(utcMs) * minute };
}

const storedTime = /^([01]\d|2[0-3]):([0-5]\d)$/;
const clockTime24 = /^(\d{1,2}):(\d{2})$/;
const clockTime12 = /^(\d{1,2})(?::(\d{2}))?([ap])m$/;

/** Minutes after midnight of a stored 'HH:MM'; an unreadable value falls back to the default, like an unknown zone. */
function minutesOf(at: string): number {
  const m = storedTime.exec(at);
  return m ? Number(m[1]) * 60 + Number(m[2]) : minutesOf(defaultNudgePrefs.at);
}

/** 'HH:MM' / 'H:MM' (24h) or '8am', '8:30pm', 'a.m.'; anything else is null. */
export function readClockTime(text: string): string | null {
  const t = text.toLowerCase().replaceAll('.', '');
  const m24 = clockTime24.exec(t);
  const m12 = clockTime12.exec(t);
  let hours: number;
  let minutes: number;
  if (m24) {
    hours = Number(m24[1]);
    minutes = Number(m24[2]);
    if (hours > 23) return null;
  } else if (m12) {
    hours = Number(m12[1]);
    minutes = Number(m12[2] ?? '0');
    if (hours < 1 || hours > 12) return null;
    hours = (hours % 12) + (m12[3] === 'p' ? 12 : 0);
  } else return null;
  if (minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

const everyDayWords = new Set(['every day', 'everyday', 'daily', 'all']);
const allDays: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 7];

/** 'mon-thu', 'mon,wed,fri', 'mon wed and fri', 'weekdays', 'every day'; ranges wrap ('sun-thu'). Null if any part is unknown. */
function readDays(text: string): Weekday[] | null {
  const t = text.toLowerCase().trim().replace(/\s*[-–—]\s*/g, '-');
  if (everyDayWords.has(t.replace(/\s+/g, ' '))) return [...allDays];
  const chosen = new Set<Weekday>();
  for (const item of t.split(/[\s,]+/)) {
    if (item === '' || item === 'and') continue;
    if (item === 'weekdays') {
      for (const d of mondayToFriday) chosen.add(d);
      continue;
    }
    const [first = '', last, ...extra] = item.split('-');
    const from = dayNamed(first);
    const to = last === undefined ? from : dayNamed(last);
    if (!from || !to || extra.length > 0) return null;
    for (let d = from; ; d = ((d % 7) + 1) as Weekday) {
      chosen.add(d);
      if (d === to) break;
    }
  }
  return chosen.size > 0 ? [...chosen].sort((a, b) => a - b) : null;
}

// weekdayNames is a plain object: without the own-property check 'constructor' would read as a day.
function dayNamed(word: string): Weekday | undefined {
  return Object.hasOwn(weekdayNames, word) ? weekdayNames[word] : undefined;
}
