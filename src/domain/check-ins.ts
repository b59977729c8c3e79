import { DateTime, Info } from 'luxon';
import { z } from 'zod';
import { PacerError } from '../errors.js';
import { readNumber, type DecimalSign } from './command-text.js';
import { readClockTime } from './nudge-schedule.js';
import type { Weekday } from './periods.js';

export const checkInQuestionKinds = ['text', 'scale', 'yesno', 'number'] as const;
export type CheckInQuestionKind = (typeof checkInQuestionKinds)[number];

/**
 * What a default question means to Pacer: a low `confidence` and a "yes" to `help` flag the answer
 * for the managers, and the `commitment` is shown back to the rep the next week. Added questions have none.
 */
export const checkInRoles = ['wins', 'blockers', 'confidence', 'help', 'commitment'] as const;
export type CheckInRole = (typeof checkInRoles)[number];

export const maxCheckInQuestions = 10;
export const maxQuestionLabel = 150;
export const maxTextAnswer = 2000;
export const maxSkipReason = 500;
export const maxCoachingNote = 2000;
/** A number answer (deals, calls, amounts) is at most this. */
export const maxNumberAnswer = 1_000_000_000;
export const reminderHourChoices = [2, 4, 24, 48] as const;

export const checkInQuestionSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9]{0,19}$/),
  kind: z.enum(checkInQuestionKinds),
  label: z.string().trim().min(1).max(maxQuestionLabel),
  role: z.enum(checkInRoles).nullable(),
});
export type CheckInQuestion = z.infer<typeof checkInQuestionSchema>;

export const checkInQuestionsSchema = z.array(checkInQuestionSchema).min(1).max(maxCheckInQuestions);

/** The ready set a manager saves as it opens: wins, blockers, confidence 1–5, help needed, next week's commitment. */
export const defaultCheckInQuestions: readonly Omit<CheckInQuestion, 'label'>[] = [
  { id: 'wins', kind: 'text', role: 'wins' },
  { id: 'blockers', kind: 'text', role: 'blockers' },
  { id: 'confidence', kind: 'scale', role: 'confidence' },
  { id: 'help', kind: 'yesno', role: 'help' },
  { id: 'commitment', kind: 'text', role: 'commitment' },
];

export interface CheckInSchedule {
  /** ISO weekday reps are asked on, in their own time zone. */
  weekday: Weekday;
  /** Local time 'HH:MM'. */
  at: string;
  /** Hours after the ask before the one reminder. */
  reminderHours: number;
}

export const defaultCheckInSchedule: CheckInSchedule = { weekday: 5, at: '15:00', reminderHours: 24 };

export interface CheckInSetup extends CheckInSchedule {
  salesTeamId: string;
  questions: CheckInQuestion[];
  createdAt: Date;
}

/** The form's draft of a setup, as typed: checked by `validateCheckInSetup`. */
export interface CheckInSetupDraft {
  questions: { id: string; kind: string | null; label: string | null; role: CheckInRole | null }[];
  weekday: string | null;
  at: string | null;
  reminderHours: string | null;
}

/** Where a mistake in the setup form belongs: a question (by id) or a schedule field. */
export type SetupFieldError = { field: { question: string; part: 'label' | 'kind' } | 'weekday' | 'at' | 'reminder'; error: PacerError };

export function validateCheckInSetup(draft: CheckInSetupDraft): { ok: true; value: Omit<CheckInSetup, 'salesTeamId' | 'createdAt'> } | { ok: false; errors: SetupFieldError[] } {
  const errors: SetupFieldError[] = [];
  const questions: CheckInQuestion[] = [];
  for (const q of draft.questions) {
    const label = (q.label ?? '').trim();
    if (label === '' || label.length > maxQuestionLabel) errors.push({ field: { question: q.id, part: 'label' }, error: new PacerError('checkin_question_label', { max: maxQuestionLabel }) });
    const kind = checkInQuestionKinds.find((k) => k === q.kind);
    if (!kind) errors.push({ field: { question: q.id, part: 'kind' }, error: new PacerError('checkin_question_kind') });
    const parsed = checkInQuestionSchema.safeParse({ id: q.id, kind, label, role: q.role });
    if (parsed.success) questions.push(parsed.data);
  }
  const weekday = Number(draft.weekday);
  if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7) errors.push({ field: 'weekday', error: new PacerError('checkin_weekday') });
  const at = readClockTime((draft.at ?? '').replaceAll(' ', ''));
  if (!at) errors.push({ field: 'at', error: new PacerError('checkin_time', { given: draft.at ?? '' }) });
  const reminderHours = Number(draft.reminderHours);
  if (!reminderHourChoices.some((h) => h === reminderHours)) errors.push({ field: 'reminder', error: new PacerError('checkin_reminder') });
  if (errors.length > 0 || !at) return { ok: false, errors };
  return { ok: true, value: { questions, weekday: weekday as Weekday, at, reminderHours } };
}

/** A new question, typed as text, with an id no other question has. */
export function addQuestion<Q extends { id: string }>(questions: readonly Q[], blank: (id: string) => Q): Q[] {
  if (questions.length >= maxCheckInQuestions) throw new PacerError('checkin_too_many_questions', { max: maxCheckInQuestions });
  const taken = new Set(questions.map((q) => q.id));
  let n = questions.length + 1;
  while (taken.has(`q${n}`)) n += 1;
  return [...questions, blank(`q${n}`)];
}

export function removeQuestion<Q extends { id: string }>(questions: readonly Q[], id: string): Q[] {
  if (questions.length <= 1) throw new PacerError('checkin_last_question');
  return questions.filter((q) => q.id !== id);
}

/** Moves a question one place up or down; at the edge it stays. */
export function moveQuestion<Q extends { id: string }>(questions: readonly Q[], id: string, direction: 'up' | 'down'): Q[] {
  const from = questions.findIndex((q) => q.id === id);
  const to = from + (direction === 'up' ? -1 : 1);
  if (from < 0 || to < 0 || to >= questions.length) return [...questions];
  const moved = [...questions];
  [moved[from], moved[to]] = [moved[to] as Q, moved[from] as Q];
  return moved;
}

/** One answer as the form sends it: the field's value, and for a yes/no the "what" beside it. */
export interface RawAnswer {
  value: string | null;
  detail: string | null;
}

export type CheckInAnswerValue = string | number | { yes: boolean; detail: string | null };
export type CheckInAnswers = Record<string, CheckInAnswerValue>;

export type AnswerFieldError = { question: string; part: 'value' | 'detail'; error: PacerError };

/** Each kind's answer as the form sends it (trimmed text), with the mistake to show when it does not read. */
const answerSchemas = (decimal: DecimalSign) => ({
  text: { schema: z.string().max(maxTextAnswer), error: () => new PacerError('checkin_answer_too_long', { max: maxTextAnswer }) },
  scale: { schema: z.coerce.number().int().min(1).max(5), error: (given: string) => new PacerError('checkin_answer_scale', { given }) },
  number: {
    // Read as the rep writes numbers: `12,5` is twelve and a half or refused, never 125.
    schema: z.string().transform((text) => readNumber(text, decimal) ?? Number.NaN).pipe(z.number().min(0).max(maxNumberAnswer)),
    error: (given: string) => new PacerError('checkin_answer_number', { given, max: maxNumberAnswer }),
  },
  yesno: { schema: z.enum(['yes', 'no']), error: () => new PacerError('checkin_answer_yesno') },
});
const detailSchema = z.string().max(maxTextAnswer);

/** Checks every answer against its question; mistakes are named per question, for the form to show under the field. */
export function readCheckInAnswers(
  questions: readonly CheckInQuestion[],
  raw: Readonly<Record<string, RawAnswer>>,
  decimal: DecimalSign = '.',
): { ok: true; value: CheckInAnswers } | { ok: false; errors: AnswerFieldError[] } {
  const schemas = answerSchemas(decimal);
  const answers: CheckInAnswers = {};
  const errors: AnswerFieldError[] = [];
  for (const q of questions) {
    const value = raw[q.id]?.value?.trim() ?? '';
    const detail = raw[q.id]?.detail?.trim() ?? '';
    const fail = (error: PacerError, part: 'value' | 'detail' = 'value') => errors.push({ question: q.id, part, error });
    if (value === '') {
      fail(new PacerError('checkin_answer_missing'));
      continue;
    }
    const { schema, error } = schemas[q.kind];
    const read = schema.safeParse(value);
    if (!read.success) fail(error(value));
    else if (q.kind === 'yesno') {
      if (read.data === 'yes' && detail === '') fail(new PacerError('checkin_answer_what'), 'detail');
      else if (!detailSchema.safeParse(detail).success) fail(new PacerError('checkin_answer_too_long', { max: maxTextAnswer }), 'detail');
      else answers[q.id] = { yes: read.data === 'yes', detail: detail === '' ? null : detail };
    } else answers[q.id] = read.data;
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: answers };
}

/** Why the managers should look: low confidence (2 or less) and help asked. */
export type CheckInFlag = 'low_confidence' | 'help';

export function checkInFlags(questions: readonly CheckInQuestion[], answers: CheckInAnswers): CheckInFlag[] {
  const flags: CheckInFlag[] = [];
  for (const q of questions) {
    const answer = answers[q.id];
    if (q.role === 'confidence' && typeof answer === 'number' && answer <= 2) flags.push('low_confidence');
    if (q.role === 'help' && typeof answer === 'object' && answer.yes) flags.push('help');
  }
  return flags;
}

/** What the rep committed to for next week, shown back to them at the next check-in. */
export function commitmentOf(questions: readonly CheckInQuestion[], answers: CheckInAnswers | null): string | null {
  const question = questions.find((q) => q.role === 'commitment');
  const answer = question && answers?.[question.id];
  return typeof answer === 'string' ? answer : null;
}

/** One week's check-in of one rep: the week is the check-in's local date, the same weekday for every rep. */
export interface CheckInSlot {
  week: string;
  askAt: Date;
}

/** Reminders and the close fall inside a rep's working day: Monday to Friday, 09:00–18:00 local. */
export const daytime = { from: 9, until: 18 } as const;
const workingDays: readonly number[] = [1, 2, 3, 4, 5];

/** An unknown zone reads as UTC, as the nudges do: one bad profile must not stop the scheduler. */
function zoneOr(timeZone: string): string {
  const zone = Info.normalizeZone(timeZone);
  return zone.isValid && zone.type !== 'system' ? timeZone : 'UTC';
}

function local(at: Date, timeZone: string): DateTime {
  return DateTime.fromJSDate(at, { zone: zoneOr(timeZone) });
}

function atTime(day: DateTime, hhmm: string): DateTime {
  const [hour = 0, minute = 0] = hhmm.split(':').map(Number);
  return day.set({ hour, minute, second: 0, millisecond: 0 });
}

/** When a rep is asked in the week of `week` (a local date of the check-in's weekday). */
export function askAt(schedule: CheckInSchedule, timeZone: string, week: string): Date {
  return atTime(DateTime.fromISO(week, { zone: zoneOr(timeZone) }), schedule.at).toJSDate();
}

/** The rep's latest check-in that has been asked by `now`. */
export function latestCheckIn(schedule: CheckInSchedule, timeZone: string, now: Date): CheckInSlot {
  const today = local(now, timeZone).startOf('day');
  let day = today.minus({ days: (today.weekday - schedule.weekday + 7) % 7 });
  if (atTime(day, schedule.at).toJSDate() > now) day = day.minus({ weeks: 1 });
  const week = day.toISODate() ?? '';
  return { week, askAt: askAt(schedule, timeZone, week) };
}

/** A rep may answer from the evening before (18:00 local of the day before the ask). */
export function answersOpenAt(schedule: CheckInSchedule, timeZone: string, week: string): Date {
  return atTime(DateTime.fromISO(week, { zone: zoneOr(timeZone) }).minus({ days: 1 }), '18:00').toJSDate();
}

/**
 * The week a rep answers at `now`: the latest check-in, or the next one from the evening before it.
 * A check-in asked before `since` (the setup was saved after it) never was: the next one is answered.
 */
export function answerableCheckIn(schedule: CheckInSchedule, timeZone: string, now: Date, since?: Date): CheckInSlot {
  const latest = latestCheckIn(schedule, timeZone, now);
  const nextWeek = DateTime.fromISO(latest.week).plus({ weeks: 1 }).toISODate() ?? '';
  const next = { week: nextWeek, askAt: askAt(schedule, timeZone, nextWeek) };
  return answersOpenAt(schedule, timeZone, nextWeek) <= now || (since !== undefined && latest.askAt < since) ? next : latest;
}

/** Every ask in [from, to), in order: the dry run's rows. */
export function checkInsBetween(schedule: CheckInSchedule, timeZone: string, from: Date, to: Date): (CheckInSlot & { localTime: string })[] {
  const slots: (CheckInSlot & { localTime: string })[] = [];
  if (!(from < to)) return slots;
  let { week } = latestCheckIn(schedule, timeZone, from);
  for (;;) {
    const at = askAt(schedule, timeZone, week);
    if (at >= to) return slots;
    if (at >= from) slots.push({ week, askAt: at, localTime: local(at, timeZone).toFormat('HH:mm') });
    week = DateTime.fromISO(week).plus({ weeks: 1 }).toISODate() ?? '';
  }
}

/** The first instant at or after `at` inside the rep's daytime on a working day. */
export function nextDaytime(at: Date, timeZone: string): Date {
  let t = local(at, timeZone);
  for (let i = 0; i < 8; i += 1) {
    if (workingDays.includes(t.weekday) && t.hour < daytime.until) return (t.hour < daytime.from ? atTime(t, `0${daytime.from}:00`) : t).toJSDate();
    t = atTime(t.plus({ days: 1 }), `0${daytime.from}:00`);
  }
  return t.toJSDate();
}

export function isDaytime(at: Date, timeZone: string): boolean {
  const t = local(at, timeZone);
  return workingDays.includes(t.weekday) && t.hour >= daytime.from && t.hour < daytime.until;
}

/** The one reminder: `reminderHours` after the ask, moved into the rep's next working daytime. */
export function reminderAt(schedule: CheckInSchedule, timeZone: string, week: string): Date {
  return nextDaytime(new Date(askAt(schedule, timeZone, week).getTime() + schedule.reminderHours * 3_600_000), timeZone);
}

/** A rep's check-in closes at the end (18:00) of the working day after their reminder's. */
export function closesAt(schedule: CheckInSchedule, timeZone: string, week: string): Date {
  let day = local(reminderAt(schedule, timeZone, week), timeZone).startOf('day').plus({ days: 1 });
  while (!workingDays.includes(day.weekday)) day = day.plus({ days: 1 });
  return atTime(day, `${daytime.until}:00`).toJSDate();
}

/** A rep away on the check-in's date is not asked (`awayUntil` is the last local day of the absence). */
export function isAwayFor(awayUntil: string | null, week: string): boolean {
  return awayUntil !== null && week <= awayUntil;
}

/** Where a summary or a threaded reply went: a channel (or a manager's DM) and the message's ts. */
export interface PostedMessage {
  channel: string;
  ts: string;
}

/** One team's check-in of one week. */
export interface CheckInRound {
  teamId: string;
  salesTeamId: string;
  week: string;
  questions: CheckInQuestion[];
  /** Reps asked; those away on the check-in's date are kept apart. */
  expected: string[];
  away: string[];
  summaryPosts: PostedMessage[];
  summaryVersion: number;
  summaryShown: number;
  openedAt: Date;
  closesAt: Date;
  closedAt: Date | null;
}

/** A rep's answer to one week's check-in, or their skip of it. */
export interface CheckInAnswer {
  teamId: string;
  salesTeamId: string;
  week: string;
  userId: string;
  answers: CheckInAnswers | null;
  skippedReason: string | null;
  flagged: boolean;
  late: boolean;
  submittedAt: Date;
  threadPosts: PostedMessage[];
}

export interface CoachingNote {
  salesTeamId: string;
  week: string;
  repId: string;
  managerId: string;
  note: string;
  createdAt: Date;
}

/** Who answered, who skipped, who is missing and who was away, as the summary and `/checkin status` show it. */
export function roundStanding(round: Pick<CheckInRound, 'expected' | 'away'>, answers: readonly Pick<CheckInAnswer, 'userId' | 'skippedReason' | 'flagged' | 'late'>[]) {
  const byRep = new Map(answers.map((a) => [a.userId, a]));
  const answered = round.expected.filter((id) => byRep.get(id) && byRep.get(id)?.skippedReason === null);
  const skipped = round.expected.filter((id) => byRep.get(id)?.skippedReason != null);
  const missing = round.expected.filter((id) => !byRep.has(id));
  const flagged = answered.filter((id) => byRep.get(id)?.flagged);
  const late = answered.filter((id) => byRep.get(id)?.late);
  return { answered, skipped, missing, flagged, late, away: round.away, expected: round.expected.length };
}
export type RoundStanding = ReturnType<typeof roundStanding>;

/** The keys check-in runs are claimed under: each happens once per team (and rep) and week, across restarts and instances. */
export const checkInRunKeys = {
  ask: (teamId: string, salesTeamId: string, userId: string, week: string) => `checkins:${teamId}:${salesTeamId}:${userId}:${week}`,
  reminder: (teamId: string, salesTeamId: string, userId: string, week: string) => `checkin-reminder:${teamId}:${salesTeamId}:${userId}:${week}`,
  summary: (teamId: string, salesTeamId: string, week: string) => `checkin-summary:${teamId}:${salesTeamId}:${week}`,
  close: (teamId: string, salesTeamId: string, week: string) => `checkin-close:${teamId}:${salesTeamId}:${week}`,
};

export type CheckInCommand =
  | { action: 'form' }
  | { action: 'help' }
  | { action: 'setup' | 'status'; team: string | null }
  | { action: 'skip'; reason: string };

const teamNameSchema = z.string().trim().min(1).max(100);
const skipReasonSchema = z.string().trim().min(1).max(maxSkipReason);

/** Reads `/checkin [help | setup [team] | status [team] | skip <reason>]`; a team may be "quoted". */
export function parseCheckInCommand(text: string): CheckInCommand {
  const [verb = '', ...rest] = text.trim().split(/\s+/).filter((w) => w !== '');
  const restText = rest.join(' ');
  switch (verb.toLowerCase()) {
    case '':
      return { action: 'form' };
    case 'help':
      return { action: 'help' };
    case 'setup':
    case 'status': {
      const action = verb.toLowerCase() as 'setup' | 'status';
      if (restText === '') return { action, team: null };
      const team = teamNameSchema.safeParse(restText.replace(/^["“”']|["“”']$/g, ''));
      if (!team.success) throw new PacerError('checkin_usage', { given: restText });
      return { action, team: team.data };
    }
    case 'skip': {
      const reason = skipReasonSchema.safeParse(restText);
      if (!reason.success) throw new PacerError('checkin_skip_reason', { max: maxSkipReason });
      return { action: 'skip', reason: reason.data };
    }
    default:
      throw new PacerError('checkin_usage', { given: verb });
  }
}
