import { PacerError } from '../errors.js';
import { dueNudgeSlot, nudgeCatchUpEnd, nudgeSlots, readClockTime, type NudgePrefs, type NudgeSlot } from './nudge-schedule.js';
import type { Weekday } from './periods.js';
import { weekdayNames } from './sales-teams.js';

/** A team's weekly post (the board, the weekly digest): a weekday and a local time in the team's zone. */
export interface WeeklySlot {
  enabled: boolean;
  weekday: Weekday;
  /** 'HH:MM', 24h. */
  at: string;
}

/** The managers' digest: weekly, and optionally every working day. */
export interface DigestSchedule {
  weekly: WeeklySlot;
  /** 'HH:MM' on Monday to Friday; null: no daily digest. */
  dailyAt: string | null;
}

export const defaultBoardSchedule: WeeklySlot = { enabled: true, weekday: 1, at: '09:00' };
export const defaultDigestSchedule: DigestSchedule = { weekly: { enabled: true, weekday: 1, at: '08:30' }, dailyAt: null };

/** A team's slot uses the scheduling rules of the rep's nudge: same gaps, repeats and same-day catch-up. */
const asPrefs = (slot: WeeklySlot): NudgePrefs => ({ enabled: slot.enabled, at: slot.at, days: [slot.weekday], awayUntil: null });
const dailyPrefs = (at: string): NudgePrefs => ({ enabled: true, at, days: [1, 2, 3, 4, 5], awayUntil: null });

/** The slot due at `now`, caught up later the same local day after downtime; null when none is due. */
export function dueWeeklySlot(slot: WeeklySlot, timeZone: string, now: Date): NudgeSlot | null {
  return dueNudgeSlot(asPrefs(slot), timeZone, now);
}

/** Every weekly slot whose instant lies in [from, to). */
export function weeklySlots(slot: WeeklySlot, timeZone: string, from: Date, to: Date): NudgeSlot[] {
  return nudgeSlots(asPrefs(slot), timeZone, from, to);
}

export function dueDailySlot(at: string, timeZone: string, now: Date): NudgeSlot | null {
  return dueNudgeSlot(dailyPrefs(at), timeZone, now);
}

export function dailySlots(at: string, timeZone: string, from: Date, to: Date): NudgeSlot[] {
  return nudgeSlots(dailyPrefs(at), timeZone, from, to);
}

/** Past this, a team post still queued is not worth sending (the same day's evening). */
export function slotCatchUpEnd(slot: NudgeSlot, timeZone: string): Date {
  return nudgeCatchUpEnd(slot, timeZone);
}

/** `monday 09:00`, `mon 9am`, `on`, `off`: the words after `board` or `digest weekly`. */
export function parseWeeklySlotChange(words: readonly string[], code: string): Partial<WeeklySlot> {
  const [first = '', ...rest] = words.map((w) => w.toLowerCase());
  if ((first === 'on' || first === 'off') && rest.length === 0) return { enabled: first === 'on' };
  const weekday = Object.hasOwn(weekdayNames, first) ? weekdayNames[first] : undefined;
  const at = readClockTime(rest.join(''));
  if (!weekday || !at) throw new PacerError(code, { given: words.join(' ') });
  return { enabled: true, weekday, at };
}

export interface DigestChange {
  weekly?: Partial<WeeklySlot>;
  dailyAt?: string | null;
}

/** `weekly monday 08:30`, `weekly off`, `daily 17:00`, `daily off`, `off` (both). */
export function parseDigestChange(words: readonly string[]): DigestChange {
  const [first = '', ...rest] = words.map((w) => w.toLowerCase());
  if (first === 'off' && rest.length === 0) return { weekly: { enabled: false }, dailyAt: null };
  if (first === 'weekly') {
    try {
      return { weekly: parseWeeklySlotChange(rest, 'pacer_digest_schedule') };
    } catch {
      throw new PacerError('pacer_digest_schedule', { given: words.join(' ') });
    }
  }
  if (first === 'daily') {
    if (rest.length === 1 && rest[0] === 'off') return { dailyAt: null };
    const at = readClockTime(rest.join(''));
    if (!at) throw new PacerError('pacer_digest_schedule', { given: words.join(' ') });
    return { dailyAt: at };
  }
  throw new PacerError('pacer_digest_schedule', { given: words.join(' ') });
}
