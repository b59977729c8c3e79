import { DateTime } from 'luxon';
import { z } from 'zod';
import { PacerError } from '../errors.js';
import { activeTypeWords, findActivityType, maxCount, typeWord, typeWords, type ActivityType } from './activity-types.js';
import { asProductLines, joinDigitGroups, readNumber, tokenize, tokenText, type DecimalSign, type Token } from './command-text.js';
import { readDateWords } from './date-words.js';
import { didYouMean } from './did-you-mean.js';
import { findLeadIn } from './lead-names.js';
import { leadNameKey } from './leads.js';
import { localDate } from './periods.js';

export const maxAmount = 100_000_000;
/** A log may be dated at most this many days back (and never ahead). */
export const maxDaysBack = 90;

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
  /**
   * The rep's local day it happened (YYYY-MM-DD); null or absent: today. Optional because touches
   * and won or lost leads log what happens now, and build their drafts without a day.
   */
  on: z.iso.date().nullable().optional(),
});
export type LogDraft = z.infer<typeof logDraftSchema>;

/**
 * What `/log` asks for: a log, or a question when a number is more likely an amount than a count
 * (`/log lost 5000`). A question's drafts carry their day, since the answer may come after midnight.
 */
export type LogCommand =
  | { action: 'log'; draft: LogDraft }
  | { action: 'ask'; asCount: DatedLogDraft; asAmount: DatedLogDraft };
export type DatedLogDraft = LogDraft & { on: string };

/** A number where `/log` reads counts and amounts: `5`, `12,000`, `$30k`, `2.5`. */
const leadingNumberPattern = /^[-+]?[$€£]?[\d., ]+[km]?$/i;
/** Written as money, not as a count: a currency sign, a k or m, or thousands separators. */
const moneyPattern: Record<DecimalSign, RegExp> = { '.': /^[-+]?[$€£]|[km]$|\d,\d{3}/i, ',': /^[-+]?[$€£]|[km]$|\d[. ]\d{3}/i };
/** Anything a person may have meant as a number: `5`, `1e9`, `-3`, `1,5`, `$5`, `50%`. */
const numberLikePattern = /^[-+~≈]?[$€£]?\d[\d.,_' ]*(?:e[-+]?\d+)?[km%]?$/i;
/** Counts spelled out: `/log calls five` meant five calls. */
const numberWords = new Set([
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen',
  'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty', 'forty', 'fifty', 'sixty',
  'seventy', 'eighty', 'ninety', 'hundred', 'thousand', 'million', 'dozen',
]);
/** Weekday abbreviations that are also everyday words ("sat down with the CFO"): dates only after `on` or `last`. */
const wordyWeekdays = new Set(['sat', 'sun', 'wed']);
/** `27.11`: a date, or a decimal number. */
const dayDotMonthPattern = /^\d{1,2}\.\d{1,2}$/;

/**
 * Reads `/log <type> [count] [amount] [lead] [#product] [note]`, with a day anywhere among the words.
 * The count may come first (`/log 5 calls`). A money type (deal) takes its amount as the first number,
 * or count then amount. Another type may carry a value (what an estimate is worth): after the count,
 * or alone when written as money (`$30,000`, `30k`, `5,000`). A plain number above the type's count
 * limit is asked about: `/log lost 5000` is more likely one lost deal worth 5,000.
 * The day (`yesterday`, `on friday`, `27.11`, `2026-11-27`) is read back from `today`, the rep's
 * local date, and may be at most `maxDaysBack` days ago; none means today.
 * When the free text starts with one of `leadNames` (the rep's open leads), that lead is the lead,
 * as stored, and the rest the note. Otherwise free text before a #product is the lead and after
 * it the note; without a #product, a quoted phrase or the leading Capitalised Words (up to a full
 * stop or comma) name the lead and the rest is the note.
 * Nothing that looks like a number or a mention is swallowed into a lead or a note: a number where
 * the free text starts, or in a lead, a spelled-out count, and a plain `@name` are refused.
 * Numbers are read with the rep's decimal sign: `12 000`, `12.000` and `12,5k` where it is a comma.
 * @throws PacerError `lead_ambiguous` when the text starts several of the rep's lead names; a `log_*`
 * or `date_impossible` code for anything it cannot read as meant.
 */
export function parseLogCommand(text: string, types: readonly ActivityType[], leadNames: readonly string[], today: string, decimal: DecimalSign = '.'): LogCommand {
  const words = asProductLines(tokenize(text));
  const tokens = decimal === ',' ? joinDigitGroups(words) : words;
  if (tokens.length === 0) throw new PacerError('log_usage');
  const type = takeType(tokens, types, today);
  const on = takeDay(tokens, type, today);

  const numbers = leadingNumbers(tokens, 2, decimal);
  // `12,000` from a reader whose comma is a decimal sign: twelve, or twelve thousand? Asked, not guessed.
  const eitherWay = decimal === ',' ? numbers.find((n) => /^[$€£]?\d+,\d{3}[km]?$/i.test(n.text)) : undefined;
  if (eitherWay) throw new PacerError('log_number_unreadable', { given: eitherWay.text, type: typeWord(type) });
  const [first, second] = numbers;
  if (first?.money && second) throw new PacerError('log_count_as_money', { type: typeWord(type), given: first.text });
  const [count, amount] =
    first && second ? [first.value, second.value]
    : first && (type.unit === 'money' || first.money) ? [1, first.value]
    : [first?.value ?? 1, undefined];
  if (type.unit === 'money' && amount === undefined) throw new PacerError('log_amount_missing', { type: type.key });
  if (!inRange(count, maxCount) || !Number.isInteger(count)) {
    throw new PacerError('log_count_invalid', { type: type.key, max: maxCount, given: shown(count) });
  }
  if (amount !== undefined && !inRange(amount, maxAmount)) {
    throw new PacerError('log_amount_invalid', { type: type.key, max: maxAmount, given: shown(amount) });
  }
  const overLimit = type.unit === 'count' && count > type.countLimit;
  if (overLimit && amount !== undefined) {
    throw new PacerError('log_count_over_limit', { type: typeWord(type), given: count, limit: type.countLimit });
  }

  const subject = splitSubject(tokens, leadNames);
  refuseUnread(subject, type, numbers.length > 0, decimal);
  const draft = <Day extends string | null>(fields: { count: number; amount: number | null; on: Day }): LogDraft & { on: Day } => {
    const parsed = logDraftSchema.safeParse({
      typeKey: type.key,
      lead: subject.lead,
      productLine: subject.productLine,
      note: subject.note,
      ...fields,
    });
    if (parsed.success) return { ...parsed.data, on: fields.on };
    const field = String(parsed.error.issues[0]?.path[0] ?? '');
    throw new PacerError(field === 'productLine' ? 'product_invalid' : 'log_text_too_long', { field });
  };
  if (overLimit) {
    return { action: 'ask', asCount: draft({ count, amount: null, on: on ?? today }), asAmount: draft({ count: 1, amount: count, on: on ?? today }) };
  }
  return { action: 'log', draft: draft({ count, amount: amount ?? null, on }) };
}

/**
 * Checks the day a log is for against the rep's today: not ahead, at most `maxDaysBack` behind.
 * `given` is how the person wrote it, for the message.
 */
export function checkLogDay(on: string, today: string, given: string = on): void {
  if (on > today) throw new PacerError('log_date_future', { given, date: on });
  const back = DateTime.fromISO(today, { zone: 'UTC' }).diff(DateTime.fromISO(on, { zone: 'UTC' }), 'days').days;
  if (back > maxDaysBack) throw new PacerError('log_date_too_old', { given, date: on, max: maxDaysBack });
}

/**
 * When a log for `on` happened: now for today; for an earlier day, noon of it in the rep's zone. Noon
 * rather than the start of the day keeps it inside that same calendar day for anyone up to eleven
 * hours east or west (a team's or the company's goals may be kept in another zone than the rep's,
 * and midnight would fall in the previous day, often the previous week, for a zone to the west);
 * and no DST change happens at noon. `day` is the rep's local date when it is not today.
 * @throws PacerError `log_date_future` or `log_date_too_old`.
 */
export function logMoment(on: string | null | undefined, now: Date, timeZone: string): { occurredAt: Date; day: string | null } {
  const today = localDate(now, timeZone);
  if (!on || on === today) return { occurredAt: now, day: null };
  checkLogDay(on, today);
  return { occurredAt: DateTime.fromISO(on, { zone: timeZone }).set({ hour: 12 }).toJSDate(), day: on };
}

/**
 * Takes the type word: the first word, or the first after a count or a day (`/log 5 calls`,
 * `/log yesterday 2 demos`). An unknown word is answered with the type it most likely meant.
 */
function takeType(tokens: Token[], types: readonly ActivityType[], today: string): ActivityType {
  let at = 0;
  for (let token = tokens[at]; token?.kind === 'word'; token = tokens[at]) {
    const type = findActivityType(types, token.text);
    if (type) {
      tokens.splice(at, 1);
      return type;
    }
    const number = leadingNumberPattern.test(token.text);
    const day = number ? null : readDateWords(wordsFrom(tokens, at), { today, direction: 'past' });
    if (!number && !day) break;
    at += day?.used ?? 1;
  }
  const given = tokens[at] ?? tokens[0];
  const vars = { given: given ? tokenText(given) : '', types: activeTypeWords(types).join(', ') };
  const suggestion = given?.kind === 'word' ? didYouMean(given.text, types.filter((t) => t.active).flatMap(typeWords)) : null;
  if (suggestion) throw new PacerError('log_type_typo', { ...vars, suggestion });
  throw new PacerError('log_unknown_type', vars);
}

/** Up to four words in a row from `at` (the longest date form is `on 1 Dec 2026`). */
function wordsFrom(tokens: readonly Token[], at: number): string[] {
  const words: string[] = [];
  for (const token of tokens.slice(at, at + 4)) {
    if (token.kind !== 'word') break;
    words.push(token.text);
  }
  return words;
}

/**
 * Takes the one day written anywhere among the words (null: today). A `27.11` that would fall outside
 * the days a log may have is left as a number (`2.5`), and so is a money type's first number (`deal 10.10`).
 */
function takeDay(tokens: Token[], type: ActivityType, today: string): string | null {
  let found: { date: string; given: string } | null = null;
  for (let at = 0; at < tokens.length; at += 1) {
    const words = wordsFrom(tokens, at);
    const day = words.length === 0 ? null : readDateWords(words, { today, direction: 'past' });
    if (!day) continue;
    const given = words.slice(0, day.used).join(' ');
    if (day.used === 1 && wordyWeekdays.has(given.toLowerCase())) continue;
    if (dayDotMonthPattern.test(given) && ((at === 0 && type.unit === 'money') || !isLoggable(day.date, today))) continue;
    checkLogDay(day.date, today, given);
    if (found) throw new PacerError('log_date_twice', { first: found.given, second: given });
    found = { date: day.date, given };
    tokens.splice(at, day.used);
    at -= 1;
  }
  return found === null || found.date === today ? null : found.date;
}

function isLoggable(date: string, today: string): boolean {
  try {
    checkLogDay(date, today);
    return true;
  } catch {
    return false;
  }
}

interface LeadingNumber {
  text: string;
  value: number;
  /** Written as an amount ("$30,000", "30k", "5,000"), not as a count. */
  money: boolean;
}

/** The numbers the words (after the type and the day are taken) start with. */
function leadingNumbers(tokens: Token[], max: number, decimal: DecimalSign): LeadingNumber[] {
  const numbers: LeadingNumber[] = [];
  while (numbers.length < max) {
    const next = tokens[0];
    if (next?.kind !== 'word' || !leadingNumberPattern.test(next.text)) break;
    tokens.shift();
    numbers.push({ text: next.text, value: readNumber(next.text, decimal) ?? Number.NaN, money: moneyPattern[decimal].test(next.text) });
  }
  return numbers;
}

function inRange(value: number | undefined, max: number): value is number {
  return value !== undefined && Number.isFinite(value) && value > 0 && value <= max;
}

function shown(value: number | undefined): string {
  return value !== undefined && Number.isFinite(value) ? String(value) : '?';
}

/** A word ending a sentence or a clause ("Corp.", "Acme,"), but not an abbreviation with inner dots ("J.P."). */
const clauseEndPattern = /^([^.]{2,}?)[.,;:!?]+$/u;

/** The word without the punctuation that ends its clause; null when it ends none. */
function clauseEnd(token: Token): string | null {
  return token.kind === 'word' ? (clauseEndPattern.exec(token.text)?.[1] ?? null) : null;
}

/** The words of `tokens` up to the first clause end, its punctuation taken off. */
function clause(tokens: readonly Token[]): string[] {
  const words: string[] = [];
  for (const token of tokens) {
    const end = clauseEnd(token);
    words.push(end ?? tokenText(token));
    if (end !== null) break;
  }
  return words;
}

/**
 * The rep's lead the free text starts with, by `findLeadIn` (a whole name, else the one name the
 * words begin), and the tokens after it; null when it starts none, and the caller guesses.
 * Only names whose first word the text's first word spells out whole take part: free text is
 * often just a note, and "sent pricing" must neither become the lead "Sentinel Ltd" nor be
 * refused as ambiguous between "Sentinel Ltd" and "Sentry Co". Each of those names starts with
 * the first word, so findLeadIn finds one of them or reports `lead_ambiguous`, which goes to the rep.
 * A name ends at the end of a clause: in "Acme Corp. Spoke with the CFO" the lead is Acme Corp.
 */
function knownLead(tokens: Token[], leadNames: readonly string[]): { lead: string; rest: Token[] } | null {
  const words = clause(tokens);
  const first = leadNameKey(words[0] ?? '');
  const candidates = leadNames.filter((name) => first !== '' && `${leadNameKey(name)} `.startsWith(`${first} `)).map((name) => ({ name }));
  if (candidates.length === 0) return null;
  const { lead, rest } = findLeadIn(candidates, words);
  return { lead: lead.name, rest: tokens.slice(words.length - rest.length) };
}

/** A word that may be part of a guessed lead: Capitalised, `&`, or a name with digits ("3M"), never a bare number. */
function isLeadWord(token: Token): boolean {
  return token.kind === 'word' && (/^[\p{Lu}&]/u.test(token.text) || (/^\p{N}/u.test(token.text) && !numberLikePattern.test(token.text)));
}

interface Subject {
  lead: string | null;
  productLine: string | null;
  note: string | null;
  /** The words a lead was guessed from (not a kept lead's name, not a quoted one): no number belongs there. */
  guessedLead: Token[];
  /** Where each run of free text starts: a number or a spelled-out count there was meant as one. */
  freeStarts: Token[];
  /** Every token that ends up in the lead or the note. */
  rest: Token[];
}

function splitSubject(tokens: Token[], leadNames: readonly string[]): Subject {
  const products = tokens.filter((t) => t.kind === 'product');
  if (products.length > 1) throw new PacerError('product_one_only');
  const productAt = tokens.findIndex((t) => t.kind === 'product');
  const productLine = products[0]?.kind === 'product' ? products[0].name : null;
  const before = productAt >= 0 ? tokens.slice(0, productAt) : tokens;
  const after = productAt >= 0 ? tokens.slice(productAt + 1) : [];
  const words = (list: readonly Token[]) => list.map(tokenText).join(' ').trim() || null;
  const subject = (lead: string | null, guessedLead: Token[], notes: Token[][]): Subject => ({
    lead,
    productLine,
    note: words(notes.flat()),
    guessedLead,
    freeStarts: notes.flatMap((note) => note.slice(0, 1)),
    rest: [...before, ...after],
  });

  const known = knownLead(before, leadNames);
  if (known) return subject(known.lead, [], [known.rest, after]);
  if (productAt >= 0) {
    const lead = words(before)?.replace(/[.,;:!?]+$/u, '') || null;
    return subject(lead, before, [after]);
  }
  const first = tokens[0];
  if (first?.kind === 'quoted') return subject(first.text || null, [], [tokens.slice(1)]);
  const guessed: Token[] = [];
  for (const token of tokens) {
    if (!isLeadWord(token)) break;
    guessed.push(token);
    if (clauseEnd(token) !== null) break;
  }
  const lead = guessed.map((t, i) => (i === guessed.length - 1 ? (clauseEnd(t) ?? tokenText(t)) : tokenText(t))).join(' ') || null;
  return subject(lead, guessed, [tokens.slice(guessed.length)]);
}

/**
 * Refuses what looks like a number or a mention but would only be kept as text: a number in a
 * guessed lead or where free text starts (a count or an amount out of place, or `1e9`), a count
 * in words where no count was given in digits, and an @name Slack did not turn into a mention.
 */
function refuseUnread(subject: Subject, type: ActivityType, digitsGiven: boolean, decimal: DecimalSign): void {
  const vars = (given: string) => ({ given, type: typeWord(type) });
  for (const token of [...subject.guessedLead, ...subject.freeStarts]) {
    if (token.kind !== 'word') continue;
    const bare = token.text.replace(/[.,;:!?]+$/u, '');
    if (numberLikePattern.test(bare)) {
      throw new PacerError(readNumber(bare, decimal) === undefined ? 'log_number_unreadable' : 'log_number_unread', vars(token.text));
    }
    if (!digitsGiven && numberWords.has(bare.toLowerCase())) throw new PacerError('log_count_words', vars(token.text));
  }
  const plainMention = subject.rest.find((t) => t.kind === 'word' && /^@[\p{L}\p{N}._-]+/u.test(t.text));
  if (plainMention) throw new PacerError('log_not_mention', vars(tokenText(plainMention)));
}
