import { z } from 'zod';
import { PacerError } from '../errors.js';
import { activeTypeWords, findActivityType, typeWords, type ActivityType } from './activity-types.js';
import { asProductLines, joinDigitGroups, readNumber, tokenize, tokenText, type DecimalSign, type Token } from './command-text.js';
import { readDateWords, type DateDirection } from './date-words.js';
import { didYouMean } from './did-you-mean.js';
import { goalMetrics, pointsMetric, revenueMetric } from './goals.js';
import { isIsoDate, recurringPeriods, type Period, type RecurringPeriod } from './periods.js';
import { spokenMetricWords, spokenPeriodJoiners, spokenPeriodWords } from './spoken-words.js';

/** Lives in did-you-mean.ts, shared with /log; still exported here for code that imports it from /goal's parser. */
export { didYouMean } from './did-you-mean.js';

export const maxGoalTarget = 10_000_000_000;
/** A custom period may span at most this many days. */
export const maxCustomDays = 366;
/** A custom period whose start is read back from its end may have begun at most this many days ago. */
export const maxDaysRunning = 92;

const goalSpecSchema = z.object({
  metric: z.string().min(1),
  target: z.number().positive().max(maxGoalTarget),
  period: z.discriminatedUnion('kind', [
    z.object({ kind: z.enum(recurringPeriods) }),
    z.object({ kind: z.literal('custom'), startsOn: z.string(), endsOn: z.string() }),
  ]),
  productLine: z.string().regex(/^[\p{L}\p{N}_.-]{0,50}$/u),
  note: z.string().trim().max(300).nullable(),
});
/** A goal as asked for, whoever it is for. */
export type GoalSpec = z.infer<typeof goalSpecSchema>;

/** Whose goal a command is about: one's own, a rep's, a sales team's or the company's. */
export type GoalTarget = { type: 'self' } | { type: 'rep'; userId: string } | { type: 'team'; name: string } | { type: 'company' };

export type GoalCommand =
  | { action: 'help' }
  | { action: 'modal' }
  | { action: 'list'; owner: GoalTarget }
  | { action: 'remove'; owner: GoalTarget; metric: string; period: Period; productLine: string }
  | { action: 'set'; owner: GoalTarget; spec: GoalSpec };

const periodWords: Record<string, RecurringPeriod> = {
  day: 'day', daily: 'day', days: 'day',
  week: 'week', weekly: 'week', wk: 'week', weeks: 'week',
  month: 'month', monthly: 'month', mo: 'month', months: 'month',
  quarter: 'quarter', quarterly: 'quarter', q: 'quarter', qtr: 'quarter', quarters: 'quarter',
  ...spokenPeriodWords,
};
const metricWords: Record<string, string> = {
  revenue: revenueMetric, rev: revenueMetric, 'revenue$': revenueMetric,
  points: pointsMetric, point: pointsMetric, pts: pointsMetric,
  ...spokenMetricWords,
};
/** Words that only join a target to its period: `40 per week`, `40 a month`, `40 every day`. */
const periodJoiners = new Set(['per', 'a', 'an', 'each', 'every', '/', ...spokenPeriodJoiners]);
/** Words between the two dates of a range, besides `..` (which may also sit inside a word: `Dec 1..Dec 20`). */
const rangeJoiners = new Set(['..', 'to', 'until', 'till', '-', '–']);
/** Words before a deadline: the period runs from today to it. */
const deadlineWords = new Set(['until', 'till', 'by']);

/**
 * Reads `/goal`: bare → modal; `help`; `list [whose]`; `remove [whose] <metric> <period> [#product]`;
 * `[whose] <metric> <target> <period> [#product] [note]`, where whose is `@rep`, `team <name>` or
 * `company` (one's own when left out). The target may come first (`40 calls per week`) or carry its
 * period (`calls 40/week`). The period is a day, week, month or quarter (`weekly`, `per week`,
 * `a week`), or dates as `/lead` reads them: `Dec 1..Dec 20`, `1 Dec..20 Dec`, `2026-12-01..2026-12-20`,
 * `from Dec 1 to Dec 20`, or a deadline `until Dec 20` (from today). The target is read with the
 * person's decimal sign (`100 000`, `100.000` where it is a comma).
 */
export function parseGoalCommand(text: string, types: readonly ActivityType[], today: string, decimal: DecimalSign = '.'): GoalCommand {
  const words = asProductLines(tokenize(text));
  const tokens = decimal === ',' ? joinDigitGroups(words) : words;
  if (tokens.length === 0) return { action: 'modal' };
  const head = wordOf(tokens[0]);
  if (head === 'help') return { action: 'help' };
  if (head === 'list') {
    tokens.shift();
    return { action: 'list', owner: takeOwner(tokens) };
  }
  if (head === 'remove' || head === 'delete') {
    tokens.shift();
    const owner = takeOwner(tokens);
    const metric = takeMetric(tokens, types);
    const period = takePeriod(tokens, today);
    return { action: 'remove', owner, metric, period, productLine: takeProduct(tokens) };
  }
  const owner = takeOwner(tokens);
  const { metric, target } = takeMetricAndTarget(tokens, types, decimal);
  const period = takePeriod(tokens, today);
  const productLine = takeProduct(tokens);
  const note = tokens.map(tokenText).join(' ').trim() || null;
  return { action: 'set', owner, spec: validateGoalSpec({ metric, target, period, productLine, note }, today) };
}

/** Validates a goal from any source (command or modal) against the same rules. */
export function validateGoalSpec(input: GoalSpec, today: string): GoalSpec {
  const parsed = goalSpecSchema.safeParse(input);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? '');
    if (field === 'productLine') throw new PacerError('product_invalid');
    if (field === 'target') throw new PacerError('goal_target_invalid', { max: maxGoalTarget });
    throw new PacerError('goal_note_too_long');
  }
  const { period, metric, target } = parsed.data;
  if (metric !== revenueMetric && !Number.isInteger(target)) throw new PacerError('goal_target_invalid', { max: maxGoalTarget });
  if (period.kind === 'custom') checkCustomDates(period.startsOn, period.endsOn, today);
  return parsed.data;
}

function wordOf(token: Token | undefined): string | undefined {
  return token?.kind === 'word' ? token.text.toLowerCase() : undefined;
}

function takeOwner(tokens: Token[]): GoalTarget {
  const first = tokens[0];
  if (first?.kind === 'user') {
    tokens.shift();
    return { type: 'rep', userId: first.userId };
  }
  if (first?.kind === 'word' && first.text.startsWith('@')) throw new PacerError('user_not_mention', { given: first.text });
  const word = wordOf(first);
  if (word === 'company') {
    tokens.shift();
    return { type: 'company' };
  }
  if (word === 'team') {
    tokens.shift();
    const name = tokens.shift();
    if (name?.kind !== 'word' && name?.kind !== 'quoted') throw new PacerError('goal_team_missing');
    return { type: 'team', name: name.text };
  }
  return { type: 'self' };
}

function takeMetricAndTarget(tokens: Token[], types: readonly ActivityType[], decimal: DecimalSign): { metric: string; target: number } {
  const leading = takeNumber(tokens, decimal);
  if (leading !== undefined) return { target: leading, metric: takeMetric(tokens, types) };
  const metric = takeMetric(tokens, types);
  return { metric, target: takeTarget(tokens, metric, decimal) };
}

function takeMetric(tokens: Token[], types: readonly ActivityType[]): string {
  const token = tokens.shift();
  if (!token) throw new PacerError('goal_usage');
  const word = wordOf(token);
  const metric = word && (lookup(metricWords, word) ?? findActivityType(types, word)?.key);
  if (metric) return metric;
  const vars = { given: tokenText(token), metrics: goalMetrics(activeTypeWords(types)).join(', ') };
  const known = [...types.filter((t) => t.active).flatMap(typeWords), ...Object.keys(metricWords)];
  const suggestion = word && didYouMean(word, known);
  if (suggestion) throw new PacerError('goal_metric_typo', { ...vars, suggestion });
  throw new PacerError('goal_unknown_metric', vars);
}

function takeTarget(tokens: Token[], metric: string, decimal: DecimalSign): number {
  const target = takeNumber(tokens, decimal);
  if (target !== undefined) return target;
  const token = tokens.shift();
  throw new PacerError('goal_target_missing', { metric, given: token ? tokenText(token) : '' });
}

/** A number at the head of the words, alone or with its period (`40/week` leaves `week` to read). */
function takeNumber(tokens: Token[], decimal: DecimalSign): number | undefined {
  const first = tokens[0];
  if (first?.kind !== 'word') return undefined;
  const [, amount = '', per] = /^([^/]+)(?:\/([^/]+))?$/.exec(first.text) ?? [];
  const value = readNumber(amount, decimal);
  if (value === undefined || (per !== undefined && !lookup(periodWords, per.toLowerCase()))) return undefined;
  if (per === undefined) tokens.shift();
  else tokens[0] = { kind: 'word', text: per };
  return value;
}

function takePeriod(tokens: Token[], today: string): Period {
  const joined = periodJoiners.has(wordOf(tokens[0]) ?? '');
  if (joined) tokens.shift();
  const token = tokens[0];
  const word = wordOf(token);
  if (token === undefined || word === undefined) throw new PacerError('goal_period_missing');
  const recurring = lookup(periodWords, word);
  if (recurring) {
    tokens.shift();
    return { kind: recurring };
  }
  const dates = joined ? null : takeDates(tokens, today);
  if (dates) return dates;
  const suggestion = didYouMean(word, Object.keys(periodWords));
  if (suggestion) throw new PacerError('goal_period_typo', { given: tokenText(token), suggestion });
  throw new PacerError('goal_period_unknown', { given: tokenText(token) });
}

/** One word of a date range, with `..` split out of the word it sat in. */
interface Piece {
  text: string;
  /** Which token it came from, and whether it ends that token. */
  token: number;
  endsToken: boolean;
}

/**
 * A custom period at the head of the words, or null when they do not start with a date. Both dates
 * are read forward from today (today included). Only when that puts the start after the end is the
 * start read back from the end instead, if that makes a period begun at most a quarter ago: so on
 * Dec 10 `Dec 1..Dec 20` is this month's, already running, while a reversed `Dec 20..Dec 1` is refused.
 */
function takeDates(tokens: Token[], today: string): Period | null {
  const pieces = datePieces(tokens);
  const words = pieces.map((p) => p.text);
  const head = words[0]?.toLowerCase() ?? '';
  // The words up to the count-th, as typed, for a message about them.
  const given = (count: number) => {
    const last = pieces[Math.min(Math.max(count, 1), pieces.length) - 1]?.token ?? 0;
    return tokens.slice(0, last + 1).map(tokenText).join(' ');
  };
  const unreadable = (count: number) => new PacerError('goal_dates_unreadable', { given: given(count) });
  const dateAt = (at: number, from = today, direction: DateDirection = 'future') => {
    const read = readDateWords(words.slice(at), { today: from, direction });
    return read && { date: read.date, next: at + read.used };
  };

  const startAt = head === 'from' ? 1 : 0;
  let start: { date: string; next: number } | null = null;
  if (!deadlineWords.has(head)) {
    start = dateAt(startAt);
    if (!start) {
      if (startAt === 0) return null;
      throw unreadable(startAt + 1);
    }
    if (!rangeJoiners.has(words[start.next]?.toLowerCase() ?? '')) throw unreadable(start.next + 1);
  }
  const endAt = start ? start.next + 1 : 1;
  const end = dateAt(endAt);
  if (!end) throw unreadable(endAt + 1);
  const last = pieces[end.next - 1];
  if (!last?.endsToken) throw unreadable(end.next + 1);
  tokens.splice(0, last.token + 1);

  let startsOn = start?.date ?? today;
  if (start && startsOn > end.date) {
    const back = dateAt(startAt, end.date, 'past');
    if (back && back.date <= end.date && daysBetween(back.date, today) <= maxDaysRunning) startsOn = back.date;
  }
  return { kind: 'custom', startsOn, endsOn: end.date };
}

function datePieces(tokens: readonly Token[]): Piece[] {
  const pieces: Piece[] = [];
  for (const [index, token] of tokens.entries()) {
    if (token.kind !== 'word') break;
    const parts = token.text.split(/(\.\.)/).filter((part) => part !== '');
    parts.forEach((text, i) => pieces.push({ text, token: index, endsToken: i === parts.length - 1 }));
  }
  return pieces;
}

function takeProduct(tokens: Token[]): string {
  const first = tokens[0];
  if (first?.kind !== 'product') return '';
  tokens.shift();
  if (tokens.some((t) => t.kind === 'product')) throw new PacerError('product_one_only');
  return first.name;
}

function checkCustomDates(startsOn: string, endsOn: string, today: string): void {
  for (const date of [startsOn, endsOn]) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new PacerError('goal_dates_invalid');
    if (!isIsoDate(date)) throw new PacerError('date_impossible', { given: date });
  }
  if (endsOn < startsOn) throw new PacerError('goal_dates_reversed', { startsOn, endsOn });
  if (endsOn < today) throw new PacerError('goal_dates_past', { endsOn });
  if (daysBetween(startsOn, endsOn) + 1 > maxCustomDays) throw new PacerError('goal_dates_too_long', { max: maxCustomDays });
}

/** Whole days from one ISO date to another. */
function daysBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / 86_400_000;
}

/** Own keys only: a word like "constructor" must not find Object.prototype's. */
function lookup<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
