import { z } from 'zod';
import { PacerError } from '../errors.js';
import { activeTypeWords, findActivityType, type ActivityType } from './activity-types.js';
import { asProductLines, readNumber, tokenize, tokenText, type Token } from './command-text.js';
import { goalMetrics, pointsMetric, revenueMetric } from './goals.js';
import { isIsoDate, type Period } from './periods.js';

export const maxGoalTarget = 10_000_000_000;
/** A custom period may span at most this many days. */
export const maxCustomDays = 366;

const goalSpecSchema = z.object({
  metric: z.string().min(1),
  target: z.number().positive().max(maxGoalTarget),
  period: z.discriminatedUnion('kind', [
    z.object({ kind: z.enum(['week', 'month', 'quarter']) }),
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

const periodWords: Record<string, Exclude<Period['kind'], 'custom'>> = {
  week: 'week', weekly: 'week', wk: 'week', weeks: 'week',
  month: 'month', monthly: 'month', mo: 'month', months: 'month',
  quarter: 'quarter', quarterly: 'quarter', q: 'quarter', qtr: 'quarter', quarters: 'quarter',
};
const metricWords: Record<string, string> = {
  revenue: revenueMetric, rev: revenueMetric, 'revenue$': revenueMetric,
  points: pointsMetric, point: pointsMetric, pts: pointsMetric,
};

/**
 * Reads `/goal`: bare → modal; `help`; `list [whose]`; `remove [whose] <metric> <period> [#product]`;
 * `[whose] <metric> <target> <period> [#product] [note]`, where whose is `@rep`, `team <name>` or
 * `company` (one's own when left out) and period is week, month, quarter
 * or custom dates `2026-12-01..2026-12-20` (also `from 2026-12-01 to 2026-12-20`).
 */
export function parseGoalCommand(text: string, types: readonly ActivityType[], today: string): GoalCommand {
  const tokens = asProductLines(tokenize(text));
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
  const metric = takeMetric(tokens, types);
  const target = takeTarget(tokens, metric);
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

function takeMetric(tokens: Token[], types: readonly ActivityType[]): string {
  const token = tokens.shift();
  const word = wordOf(token);
  const metric = word && (metricWords[word] ?? findActivityType(types, word)?.key);
  if (!metric) {
    if (!token) throw new PacerError('goal_usage');
    throw new PacerError('goal_unknown_metric', { given: tokenText(token), metrics: goalMetrics(activeTypeWords(types)).join(', ') });
  }
  return metric;
}

function takeTarget(tokens: Token[], metric: string): number {
  const token = tokens.shift();
  const target = token?.kind === 'word' ? readNumber(token.text) : undefined;
  if (target === undefined) throw new PacerError('goal_target_missing', { metric, given: token ? tokenText(token) : '' });
  return target;
}

function takePeriod(tokens: Token[], today: string): Period {
  const token = tokens.shift();
  const word = wordOf(token);
  if (word === undefined) throw new PacerError('goal_period_missing');
  const recurring = periodWords[word];
  if (recurring) return { kind: recurring };
  const range = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(word);
  if (range?.[1] && range[2]) return { kind: 'custom', startsOn: range[1], endsOn: range[2] };
  if (word === 'from' && wordOf(tokens[1]) === 'to') {
    const [from, , to] = tokens.splice(0, 3).map(wordOf);
    return { kind: 'custom', startsOn: from ?? '', endsOn: to ?? '' };
  }
  if (word === 'until' || word === 'by') {
    return { kind: 'custom', startsOn: today, endsOn: wordOf(tokens.shift()) ?? '' };
  }
  throw new PacerError('goal_period_unknown', { given: word });
}

function takeProduct(tokens: Token[]): string {
  const first = tokens[0];
  if (first?.kind !== 'product') return '';
  tokens.shift();
  if (tokens.some((t) => t.kind === 'product')) throw new PacerError('product_one_only');
  return first.name;
}

function checkCustomDates(startsOn: string, endsOn: string, today: string): void {
  if (!isIsoDate(startsOn) || !isIsoDate(endsOn)) throw new PacerError('goal_dates_invalid', { startsOn, endsOn });
  if (endsOn < startsOn) throw new PacerError('goal_dates_reversed', { startsOn, endsOn });
  if (endsOn < today) throw new PacerError('goal_dates_past', { endsOn });
  const days = (Date.parse(endsOn) - Date.parse(startsOn)) / 86_400_000 + 1;
  if (days > maxCustomDays) throw new PacerError('goal_dates_too_long', { max: maxCustomDays });
}
