import { z } from 'zod';
import { PacerError } from '../errors.js';
import { activeTypeWords, findActivityType, type ActivityType } from './activity-types.js';
import { asProductLines, readNumber, tokenize, tokenText, type Token } from './command-text.js';
import { findLeadIn } from './lead-names.js';
import { leadNameKey } from './leads.js';

export const maxCount = 10_000;
export const maxAmount = 100_000_000;

/** What a rep asked to log, validated and ready to store. */
export const logDraftSchema = z.object({
  typeKey: z.string().min(1),
  count: z.number().int().min(1).max(maxCount),
  amount: z.number().positive().max(maxAmount).multipleOf(0.01).nullable(),
  lead: z.string().trim().min(1).max(200).nullable(),
  productLine: z
    .string()
    .regex(/^[\p{L}\p{N}_.-]{1,50}$/u)
    .nullable(),
  note: z.string().trim().min(1).max(500).nullable(),
});
export type LogDraft = z.infer<typeof logDraftSchema>;

/**
 * Reads `/log <type> [count] [amount] [lead] [#product] [note]`.
 * A money type (deal) takes its amount as the first number, or count then amount. Another
 * type may carry a value (what an estimate is worth): after the count, or alone when it
 * reads as money (`$30,000`, `30k`).
 * When the free text starts with one of `leadNames` (the rep's open leads), that lead is the lead,
 * as stored, and the rest the note. Otherwise free text before a #product is the lead and after
 * it the note; without a #product, a quoted phrase or the leading Capitalised Words name the lead
 * and the rest is the note.
 * @throws PacerError `lead_ambiguous` when the text starts several of the rep's lead names.
 */
export function parseLogCommand(text: string, types: readonly ActivityType[], leadNames: readonly string[] = []): LogDraft {
  const tokens = asProductLines(tokenize(text));
  const first = tokens.shift();
  if (!first) throw new PacerError('log_usage');
  const type = first.kind === 'word' ? findActivityType(types, first.text) : undefined;
  if (!type) throw new PacerError('log_unknown_type', { given: tokenText(first), types: activeTypeWords(types).join(', ') });

  const numbers = leadingNumbers(tokens, 2);
  const [one, two] = numbers.map((n) => n.value);
  const [count, amount] =
    numbers.length === 2 ? [one, two]
    : numbers.length === 1 && (type.unit === 'money' || numbers[0]?.money) ? [1, one]
    : [one ?? 1, undefined];
  if (type.unit === 'money' && amount === undefined) throw new PacerError('log_amount_missing', { type: type.key });
  if (!inRange(count, maxCount) || !Number.isInteger(count)) {
    throw new PacerError('log_count_invalid', { type: type.key, max: maxCount, given: shown(count) });
  }
  if (amount !== undefined && !inRange(amount, maxAmount)) {
    throw new PacerError('log_amount_invalid', { type: type.key, max: maxAmount, given: shown(amount) });
  }

  const { lead, productLine, note } = splitSubject(tokens, leadNames);
  const parsed = logDraftSchema.safeParse({
    typeKey: type.key,
    count,
    amount: amount ?? null,
    lead,
    productLine,
    note,
  });
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? '');
    throw new PacerError(field === 'productLine' ? 'product_invalid' : 'log_text_too_long', { field });
  }
  return parsed.data;
}

/** The numbers a log starts with; `money` when written as an amount ("$30,000", "30k"), not a count. */
function leadingNumbers(tokens: Token[], max: number): { value: number; money: boolean }[] {
  const numbers: { value: number; money: boolean }[] = [];
  while (numbers.length < max) {
    const next = tokens[0];
    if (next?.kind !== 'word' || !/^[-+$€£]?[\d.,]+[km]?$/i.test(next.text)) break;
    tokens.shift();
    numbers.push({ value: readNumber(next.text) ?? Number.NaN, money: /^[$€£]|[km]$/i.test(next.text) });
  }
  return numbers;
}

function inRange(value: number | undefined, max: number): value is number {
  return value !== undefined && Number.isFinite(value) && value > 0 && value <= max;
}

function shown(value: number | undefined): string {
  return value !== undefined && Number.isFinite(value) ? String(value) : '?';
}

/**
 * The rep's lead the free text starts with, by `findLeadIn` (a whole name, else the one name the
 * words begin), and the tokens after it; null when it starts none, and the caller guesses.
 * Only names whose first word the text's first word spells out whole take part: free text is
 * often just a note, and "sent pricing" must neither become the lead "Sentinel Ltd" nor be
 * refused as ambiguous between "Sentinel Ltd" and "Sentry Co". Each of those names starts with
 * the first word, so findLeadIn finds one of them or reports `lead_ambiguous`, which goes to the rep.
 */
function knownLead(tokens: Token[], leadNames: readonly string[]): { lead: string; rest: Token[] } | null {
  const words = tokens.map(tokenText);
  const first = leadNameKey(words[0] ?? '');
  const candidates = leadNames.filter((name) => first !== '' && `${leadNameKey(name)} `.startsWith(`${first} `)).map((name) => ({ name }));
  if (candidates.length === 0) return null;
  const { lead, rest } = findLeadIn(candidates, words);
  return { lead: lead.name, rest: tokens.slice(words.length - rest.length) };
}

function splitSubject(tokens: Token[], leadNames: readonly string[]): { lead: string | null; productLine: string | null; note: string | null } {
  const products = tokens.filter((t) => t.kind === 'product');
  if (products.length > 1) throw new PacerError('product_one_only');
  const productAt = tokens.findIndex((t) => t.kind === 'product');
  const product = products[0]?.kind === 'product' ? products[0].name : null;
  const words = (list: Token[]) => list.map(tokenText).join(' ').trim() || null;
  const known = knownLead(productAt >= 0 ? tokens.slice(0, productAt) : tokens, leadNames);
  if (known) return { lead: known.lead, productLine: product, note: words([...known.rest, ...(productAt >= 0 ? tokens.slice(productAt + 1) : [])]) };
  if (productAt >= 0) {
    return { lead: words(tokens.slice(0, productAt)), productLine: product, note: words(tokens.slice(productAt + 1)) };
  }
  const first = tokens[0];
  if (first?.kind === 'quoted') return { lead: first.text || null, productLine: null, note: words(tokens.slice(1)) };
  const leadLength = tokens.findIndex((t) => !(t.kind === 'word' && /^[\p{Lu}\p{N}&]/u.test(t.text)));
  const cut = leadLength === -1 ? tokens.length : leadLength;
  return { lead: words(tokens.slice(0, cut)), productLine: null, note: words(tokens.slice(cut)) };
}
