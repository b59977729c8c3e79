import { DateTime } from 'luxon';
import { PacerError } from '../errors.js';
import type { CheckInAnswer, CheckInQuestion, CoachingNote } from './check-ins.js';
import type { Goal } from './goals.js';
import type { Lead } from './leads.js';
import { isIsoDate, localDate, type Span } from './periods.js';
import type { Roles } from './roles.js';

export type ExportKind = 'activities' | 'goals' | 'leads' | 'checkins';

/** `/pacer export …` as typed: dates are checked for form here, resolved against the clock later. */
export interface ExportRequest {
  kind: ExportKind;
  from: string | null;
  to: string | null;
  team: string | null;
}

/**
 * Spreadsheets run a cell that starts with = + - @ as a formula, also after leading spaces, tabs
 * or line breaks, and take the full-width ＝＋－＠ for the same signs; a cell that starts with a
 * tab or carriage return is guarded whatever follows. A leading quote makes them show it as text.
 * https://owasp.org/www-community/attacks/CSV_Injection
 */
export function guardFormula(cell: string): string {
  return /^(?:[\t\r]|[\s\u3000]*[=+\-@＝＋－＠])/u.test(cell) ? `'${cell}` : cell;
}

/**
 * The dates an export covers, both inclusive, as a span in the requester's time zone; by default
 * this month to today. One file covers at most a year (from a date to the day before it a year on).
 */
export function exportSpan(request: Pick<ExportRequest, 'from' | 'to'>, now: Date, timeZone: string): { from: string; to: string; span: Span } {
  const today = localDate(now, timeZone);
  const from = request.from ?? `${today.slice(0, 8)}01`;
  const to = request.to ?? today;
  if (to < from) throw new PacerError('pacer_export_dates_reversed', { from, to });
  const yearOn = DateTime.fromISO(from, { zone: 'utc' }).plus({ years: 1 });
  if (to >= (yearOn.toISODate() ?? to)) {
    throw new PacerError('pacer_export_too_long', { from, to, firstEnd: yearOn.minus({ days: 1 }).toISODate() ?? to, nextStart: yearOn.toISODate() ?? to });
  }
  const start = DateTime.fromISO(from, { zone: timeZone }).startOf('day');
  const end = DateTime.fromISO(to, { zone: timeZone }).plus({ days: 1 }).startOf('day');
  return { from, to, span: { start: start.toJSDate(), end: end.toJSDate() } };
}

/** Reads the optional `[from] [to]` dates of an export. */
export function readExportDates(words: readonly string[]): Pick<ExportRequest, 'from' | 'to'> {
  if (words.length > 2) throw new PacerError('pacer_export_dates_invalid', { given: words.slice(2).join(' ') });
  for (const word of words) if (!isIsoDate(word)) throw new PacerError('pacer_export_dates_invalid', { given: word });
  return { from: words[0] ?? null, to: words[1] ?? null };
}

/** Someone whose rows an export holds, from `since` on (null: from the start). */
export interface ExportPerson {
  userId: string;
  since: Date | null;
}

/** Whose rows an export holds: people (or everyone in the workspace) and the sales teams whose goals it shows. */
export interface ExportScope {
  people: readonly ExportPerson[] | 'everyone';
  teamIds: readonly string[] | 'all';
  company: boolean;
}

/** The sales-team facts an export's scope is worked out from. */
export interface ScopeTeam {
  id: string;
  managers: readonly string[];
  members: readonly string[];
  /** When each rep joined the team. */
  joined: ReadonlyMap<string, Date>;
}

/**
 * A rep sees their own rows, a manager also their teams' reps from the day each joined (the earliest
 * day, for a rep in several of their teams), an admin everything. `only` narrows to one team the
 * requester may see (its people within that reach).
 */
export function exportScope(actor: Roles, teams: readonly ScopeTeam[], only: ScopeTeam | null): ExportScope {
  const reach = actor.isAdmin ? null : new Map<string, Date | null>([[actor.userId, null]]);
  for (const team of actor.isAdmin ? [] : teams.filter((t) => actor.manages.includes(t.id))) {
    for (const userId of team.members) {
      const since = team.joined.get(userId) ?? null;
      const kept = reach?.get(userId);
      if (kept === undefined || (kept !== null && (since === null || since < kept))) reach?.set(userId, since);
    }
  }
  const person = (userId: string): ExportPerson => ({ userId, since: reach?.get(userId) ?? null });
  if (only) {
    const inTeam = [...new Set([...only.managers, ...only.members])];
    return { people: (reach ? inTeam.filter((id) => reach.has(id)) : inTeam).map(person), teamIds: [only.id], company: false };
  }
  if (!reach) return { people: 'everyone', teamIds: 'all', company: true };
  return { people: [...reach.keys()].map(person), teamIds: [...new Set([...actor.manages, ...actor.memberOf])], company: true };
}

/** The user ids of a scope's people. */
export function scopeUserIds(people: ExportScope['people']): readonly string[] | 'everyone' {
  return people === 'everyone' ? 'everyone' : people.map((p) => p.userId);
}

/** One logged activity, as the export shows it. */
export interface ActivityExportRow {
  occurredAt: Date;
  userId: string;
  typeKey: string;
  count: number;
  amount: number | null;
  points: number;
  lead: string | null;
  productLine: string | null;
  note: string | null;
}

export const activityColumns = ['occurred_at', 'slack_user_id', 'member_name', 'type', 'count', 'amount', 'points', 'lead', 'product_line', 'note'] as const;
export const leadColumns = [
  'created_at', 'slack_user_id', 'member_name', 'lead', 'account', 'stage', 'value', 'product_line', 'source',
  'next_follow_up', 'last_touched_at', 'closed_at', 'won_amount', 'lost_reason', 'satisfaction', 'complaint',
] as const;
export const checkInColumns = [
  'week', 'sales_team', 'slack_user_id', 'member_name', 'status', 'late', 'flagged', 'submitted_at', 'answers', 'skipped_reason', 'coaching_notes',
] as const;
export const goalColumns = ['owner_type', 'owner', 'metric', 'target', 'period', 'starts_on', 'ends_on', 'product_line', 'note', 'set_by', 'follows_quota'] as const;

/** A value as the CSV shows it: a number as written, null as an empty cell. */
export type Cell = string | number | null;

/** A row's cells as the CSV file holds them: formulas made harmless, numbers as written, null empty. */
export function csvCells(row: readonly Cell[]): string[] {
  return row.map((cell) => (typeof cell === 'string' ? guardFormula(cell) : cell === null ? '' : String(cell)));
}

/** An activity's CSV row; `names` maps Slack user ids to the names Pacer knows. */
export function activityRow(a: ActivityExportRow, names: ReadonlyMap<string, string>): Cell[] {
  return [a.occurredAt.toISOString(), a.userId, names.get(a.userId) ?? '', a.typeKey, a.count, a.amount, a.points, a.lead, a.productLine, a.note];
}

/** A lead's CSV row under its owner; the follow-up is the owner's local date, the rest ISO times. */
export function leadRow(l: Lead, names: ReadonlyMap<string, string>): Cell[] {
  return [
    l.createdAt.toISOString(), l.ownerId, names.get(l.ownerId) ?? '', l.name, l.account, l.stage, l.value, l.productLine, l.source,
    l.nextFollowUpOn, l.lastTouchedAt.toISOString(), l.closedAt?.toISOString() ?? null, l.wonAmount, l.lostReason, l.satisfaction, l.complaint,
  ];
}

/**
 * A goal's CSV row; a team goal's owner is the team's name, a company goal's `company`. An estimate
 * goal a quota derived says `yes` under follows_quota (its metric `value:estimate` is their worth).
 */
export function goalRow(g: Goal, teamNames: ReadonlyMap<string, string>): Cell[] {
  return [
    g.ownerType,
    g.ownerType === 'team' ? (teamNames.get(g.ownerId) ?? g.ownerId) : g.ownerId,
    g.metric,
    g.target,
    g.period.kind,
    g.period.kind === 'custom' ? g.period.startsOn : null,
    g.period.kind === 'custom' ? g.period.endsOn : null,
    g.productLine === '' ? null : g.productLine,
    g.note,
    g.setBy,
    g.derivedFromId === null ? null : 'yes',
  ];
}

/** Recurring goals run in every range; a custom goal when its dates meet the range. */
export function goalInRange(goal: Pick<Goal, 'period'>, from: string, to: string): boolean {
  return goal.period.kind !== 'custom' || (goal.period.startsOn <= to && goal.period.endsOn >= from);
}

/** A check-in's answer as the export shows it: with its questions and the coaching notes on it. */
export interface CheckInExportItem {
  answer: CheckInAnswer;
  questions: readonly CheckInQuestion[];
  notes: readonly CoachingNote[];
}

function answerCell(question: CheckInQuestion, answer: CheckInAnswer): string {
  const value = answer.answers?.[question.id];
  const shown = value === undefined ? '' : typeof value === 'object' ? `${value.yes ? 'yes' : 'no'}${value.detail ? ` (${value.detail})` : ''}` : String(value);
  return `${question.label}: ${shown}`;
}

/**
 * A check-in's CSV row: the answers as "question: answer" lines. Coaching notes only when `withNotes`
 * (the team's managers and admins): they stay private to them and the rep.
 */
export function checkInRow(item: CheckInExportItem, names: ReadonlyMap<string, string>, teamNames: ReadonlyMap<string, string>, withNotes: boolean): Cell[] {
  const { answer } = item;
  return [
    answer.week,
    teamNames.get(answer.salesTeamId) ?? answer.salesTeamId,
    answer.userId,
    names.get(answer.userId) ?? '',
    answer.skippedReason === null ? 'answered' : 'skipped',
    answer.late ? 'yes' : 'no',
    answer.flagged ? 'yes' : 'no',
    answer.submittedAt.toISOString(),
    answer.answers ? item.questions.map((q) => answerCell(q, answer)).join('\n') : null,
    answer.skippedReason,
    withNotes && item.notes.length > 0 ? item.notes.map((n) => `${n.managerId}: ${n.note}`).join('\n') : null,
  ];
}
