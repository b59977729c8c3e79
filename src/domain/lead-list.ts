import { DateTime } from 'luxon';
import type { Lead } from './leads.js';
import { localDate } from './periods.js';

/** An open lead as a list shows it: when it is next followed up, and how long it has waited. */
export interface LeadRow {
  lead: Lead;
  /** Days from today to the next follow-up (negative: overdue); null when none is planned. */
  followUpInDays: number | null;
  overdue: boolean;
  /** Whole local days since the lead was last touched (0: today). */
  daysSinceTouch: number;
}

/** Whole days from one YYYY-MM-DD date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round(DateTime.fromISO(to, { zone: 'UTC' }).diff(DateTime.fromISO(from, { zone: 'UTC' }), 'days').days);
}

/**
 * The rows of a lead list, most pressing first: overdue and upcoming follow-ups by date, then
 * leads with none planned, longest untouched first; ties by name. Days are the reader's (`timeZone`).
 */
export function leadRows(leads: readonly Lead[], now: Date, timeZone: string): LeadRow[] {
  const today = localDate(now, timeZone);
  const rows = leads.map((lead) => {
    const followUpInDays = lead.nextFollowUpOn === null ? null : daysBetween(today, lead.nextFollowUpOn);
    return {
      lead,
      followUpInDays,
      overdue: followUpInDays !== null && followUpInDays < 0,
      daysSinceTouch: Math.max(0, daysBetween(localDate(lead.lastTouchedAt, timeZone), today)),
    };
  });
  return rows.sort(
    (a, b) =>
      (a.followUpInDays ?? Number.POSITIVE_INFINITY) - (b.followUpInDays ?? Number.POSITIVE_INFINITY) ||
      b.daysSinceTouch - a.daysSinceTouch ||
      a.lead.name.localeCompare(b.lead.name, 'en', { sensitivity: 'base' }),
  );
}
