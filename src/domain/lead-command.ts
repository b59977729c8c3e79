import { z } from 'zod';
import { PacerError } from '../errors.js';
import { asProductLines, joinDigitGroups, readNumber, tokenize, tokenText, type DecimalSign, type Token } from './command-text.js';
import { readDateWords } from './date-words.js';
import { leadStages, openStages, type LeadDraft, type LeadSource, type LeadStage } from './leads.js';
import { isIsoDate } from './periods.js';

export const maxLeadValue = 100_000_000;
export const maxLeadNameLength = 200;
export const maxLostReasonLength = 200;
export const maxTouchNoteLength = 500;

/** Whose leads a list or pipeline shows. */
export type LeadScope = { type: 'self' } | { type: 'rep'; userId: string } | { type: 'team'; name: string };

/**
 * `/lead` as typed. A `subject` is the words after the verb (a quoted phrase is one element, a #product
 * stays `#name`); the service finds the lead in it with `findLeadIn` and reads the rest with the
 * verb's reader: `readTouchNote`, `readFollowUpDate`, `readStage`, `readWonAmount`, `readLostReason`, `readAssignRest`.
 */
export type LeadCommand =
  | { action: 'modal' }
  | { action: 'help' }
  | { action: 'import' }
  | { action: 'add'; draft: LeadDraft }
  | { action: 'list'; scope: LeadScope }
  | { action: 'pipeline'; scope: LeadScope }
  | { action: 'touch' | 'followup' | 'stage' | 'won' | 'lost'; subject: string[] }
  | { action: 'assign'; subject: string[]; userId: string };

const money = z.number().positive().max(maxLeadValue).multipleOf(0.01);

/** A new lead from any source (command or form), checked against the same rules. */
export const leadDraftSchema = z.object({
  name: z.string().trim().min(1).max(maxLeadNameLength),
  account: z.string().trim().min(1).max(maxLeadNameLength).nullable(),
  value: money.nullable(),
  productLine: z
    .string()
    .regex(/^[\p{L}\p{N}_.-]{1,50}$/u)
    .nullable(),
  source: z.enum(['company', 'own']),
  stage: z.enum(openStages),
  nextFollowUpOn: z.string().refine(isIsoDate).nullable(),
});

const sourceWords: Record<string, LeadSource> = { company: 'company', own: 'own' };
const lostReasonSchema = z.string().trim().max(maxLostReasonLength);
const touchNoteSchema = z.string().trim().max(maxTouchNoteLength);
/** Written like an amount (`12000`, `$12,000`, `12k`, `-5`), whether or not it is a valid one. */
const numberShape = /^[-+]?[$€£]?[\d.,]*\d[\d., ]*[km]?$/i;
/** A plain number, with no k/m: "3M" may start a company's name, "12000" may not. */
const plainNumber = /^[-+]?[$€£]?[\d.,]*\d[\d., ]*$/;

/**
 * Reads `/lead`: bare → modal; `help`; `import`; `add <name> [value] [#product] [follow up <date>] [source|from company|own]
 * [account <name>]`; `list` and `pipeline` with `@rep` or `team <name>`; `touch`, `followup` (`follow-up`, `follow up`),
 * `stage`, `won`, `lost` with `<lead> [rest]`; `assign <lead> @rep`.
 */
export function parseLeadCommand(text: string, options: { today: string; decimal?: DecimalSign }): LeadCommand {
  const decimal = options.decimal ?? '.';
  const words = asProductLines(tokenize(text));
  const tokens = decimal === ',' ? joinDigitGroups(words) : words;
  const first = tokens.shift();
  if (!first) return { action: 'modal' };
  const verb = wordOf(first);
  switch (verb) {
    case 'help':
      return { action: 'help' };
    case 'import':
      return { action: 'import' };
    case 'add':
      return { action: 'add', draft: parseAdd(tokens, options.today, decimal) };
    case 'list':
    case 'pipeline':
      return { action: verb, scope: takeScope(tokens) };
    case 'touch':
    case 'stage':
    case 'won':
    case 'lost':
      return { action: verb, subject: subjectOf(tokens, verb) };
    case 'followup':
    case 'follow-up':
      return { action: 'followup', subject: subjectOf(tokens, 'followup') };
    case 'follow':
      if (wordOf(tokens[0]) !== 'up') break;
      return { action: 'followup', subject: subjectOf(tokens.slice(1), 'followup') };
    case 'assign':
      return { action: 'assign', ...readAssignee(tokens) };
  }
  throw new PacerError('lead_unknown_verb', { given: tokenText(first) });
}

/** Validates a new lead from any source (command or form); `today` is the rep's local date. */
export function validateLeadDraft(input: LeadDraft, today: string): LeadDraft {
  const parsed = leadDraftSchema.safeParse(input);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? '');
    if (field === 'name') throw new PacerError('lead_name_invalid', { max: maxLeadNameLength });
    if (field === 'account') throw new PacerError('lead_account_invalid', { max: maxLeadNameLength });
    if (field === 'value') throw new PacerError('lead_value_invalid', { given: String(input.value), max: maxLeadValue });
    if (field === 'productLine') throw new PacerError('product_invalid');
    if (field === 'nextFollowUpOn') throw new PacerError('lead_followup_date', { given: String(input.nextFollowUpOn) });
    throw new PacerError('lead_draft_invalid', { field });
  }
  const date = parsed.data.nextFollowUpOn;
  if (date !== null && date < today) throw new PacerError('lead_followup_past', { date });
  return parsed.data;
}

/** The rest after the lead in `followup`: exactly one date, today or later. */
export function readFollowUpDate(rest: readonly string[], today: string): string {
  if (rest.length === 0) throw new PacerError('lead_followup_date_missing');
  const found = readDateWords(rest, { today, direction: 'future' });
  if (!found || found.used < rest.length) throw new PacerError('lead_followup_date', { given: rest.join(' ') });
  if (found.date < today) throw new PacerError('lead_followup_past', { date: found.date });
  return found.date;
}

/** The rest after the lead in `stage`: one stage name, any case. */
export function readStage(rest: readonly string[]): LeadStage {
  const stages = leadStages.join(', ');
  if (rest.length === 0) throw new PacerError('lead_stage_missing', { stages });
  const given = rest.join(' ');
  const stage = leadStages.find((s) => s === given.toLowerCase());
  if (!stage) throw new PacerError('lead_stage_unknown', { given, stages });
  return stage;
}

/** The rest after the lead in `won`: an optional amount and nothing else. */
export function readWonAmount(rest: readonly string[], decimal: DecimalSign = '.'): number | null {
  const [first, ...extra] = rest;
  if (first === undefined) return null;
  if (!numberShape.test(first)) throw new PacerError('lead_won_leftover', { given: rest.join(' ') });
  if (extra.length > 0) throw new PacerError('lead_won_leftover', { given: extra.join(' ') });
  return readMoney(first, decimal);
}

/** The rest after the lead in `lost`: the reason, or null when none was given. */
export function readLostReason(rest: readonly string[]): string | null {
  const parsed = lostReasonSchema.safeParse(rest.join(' '));
  if (!parsed.success) throw new PacerError('lead_lost_reason_too_long', { max: maxLostReasonLength });
  return parsed.data || null;
}

/** The rest after the lead in `touch`: the note, or null when none was given. */
export function readTouchNote(rest: readonly string[]): string | null {
  const parsed = touchNoteSchema.safeParse(rest.join(' '));
  if (!parsed.success) throw new PacerError('lead_note_too_long', { max: maxTouchNoteLength });
  return parsed.data || null;
}

/** The rest after the lead in `assign` must be empty: the @rep was already taken off the end. */
export function readAssignRest(rest: readonly string[]): void {
  if (rest.length > 0) throw new PacerError('lead_assign_usage');
}

/** `assign <lead> @rep`: the last token is the new owner, the ones before it the lead. */
export function readAssignee(tokens: readonly Token[]): { subject: string[]; userId: string } {
  const last = tokens.at(-1);
  if (!last) throw new PacerError('lead_subject_missing', { verb: 'assign' });
  if (last.kind === 'word' && last.text.startsWith('@')) throw new PacerError('user_not_mention', { given: last.text });
  if (last.kind !== 'user') throw new PacerError('lead_assign_usage');
  return { subject: subjectOf(tokens.slice(0, -1), 'assign'), userId: last.userId };
}

function wordOf(token: Token | undefined): string | undefined {
  return token?.kind === 'word' ? token.text.toLowerCase() : undefined;
}

function subjectOf(tokens: readonly Token[], verb: string): string[] {
  const subject = tokens.map((t) => (t.kind === 'word' || t.kind === 'quoted' ? t.text : tokenText(t))).filter((w) => w !== '');
  if (subject.length === 0) throw new PacerError('lead_subject_missing', { verb });
  return subject;
}

function takeScope(tokens: Token[]): LeadScope {
  const first = tokens.shift();
  if (!first) return { type: 'self' };
  let scope: LeadScope;
  if (first.kind === 'user') scope = { type: 'rep', userId: first.userId };
  else if (first.kind === 'word' && first.text.startsWith('@')) throw new PacerError('user_not_mention', { given: first.text });
  else if (wordOf(first) === 'team') {
    // Nothing follows a team's name here, so an unquoted name of several words is read whole.
    const words = tokens.splice(0).filter((t) => t.kind === 'word' || t.kind === 'quoted');
    const name = words.map(tokenText).join(' ').trim();
    if (name === '') throw new PacerError('lead_team_missing');
    scope = { type: 'team', name };
  } else throw new PacerError('lead_scope_unknown', { given: [first, ...tokens].map(tokenText).join(' ') });
  if (tokens.length > 0) throw new PacerError('lead_scope_unknown', { given: tokens.map(tokenText).join(' ') });
  return scope;
}

type AddOption = 'value' | 'product' | 'followup' | 'source' | 'account';
/** An option of `add`, with how many keyword tokens introduce it. */
type AddOptionAt = { option: Exclude<AddOption, 'source'>; keywords: number } | { option: 'source'; keywords: number; source: LeadSource };

function addOptionAt(tokens: readonly Token[], at: number): AddOptionAt | null {
  const token = tokens[at];
  if (token?.kind === 'product') return { option: 'product', keywords: 0 };
  const word = wordOf(token);
  const next = wordOf(tokens[at + 1]) ?? '';
  if (word === undefined) return null;
  if (numberShape.test(word)) return { option: 'value', keywords: 0 };
  if (word === 'followup' || word === 'follow-up') return { option: 'followup', keywords: 1 };
  if (word === 'follow' && next === 'up') return { option: 'followup', keywords: 2 };
  // Only with company/own after it, so "From Scratch Bakery" or "Open Source Labs" stay names.
  const source = Object.hasOwn(sourceWords, next) ? sourceWords[next] : undefined;
  if ((word === 'source' || word === 'from') && source) return { option: 'source', keywords: 2, source };
  if (word === 'account') return { option: 'account', keywords: 1 };
  return null;
}

function parseAdd(tokens: Token[], today: string, decimal: DecimalSign): LeadDraft {
  const draft: LeadDraft = {
    name: takeLeadName(tokens),
    account: null,
    value: null,
    productLine: null,
    source: 'own',
    stage: 'new',
    nextFollowUpOn: null,
  };
  const seen = new Set<AddOption>();
  const leftover: Token[] = [];
  let at = 0;
  while (at < tokens.length) {
    const token = tokens[at];
    const found = addOptionAt(tokens, at);
    if (!token) break;
    // A second value, date, source or account is not understood: say so rather than overwrite the first.
    if (!found || (seen.has(found.option) && found.option !== 'product')) {
      leftover.push(token);
      at += 1;
      continue;
    }
    seen.add(found.option);
    at += found.keywords;
    switch (found.option) {
      case 'product':
        if (draft.productLine !== null) throw new PacerError('product_one_only');
        if (token.kind === 'product') draft.productLine = token.name;
        at += 1;
        break;
      case 'value':
        draft.value = readMoney(tokenText(token), decimal);
        at += 1;
        break;
      case 'source':
        draft.source = found.source;
        break;
      case 'followup': {
        const followUp = readAddFollowUp(leadingWords(tokens, at), today);
        draft.nextFollowUpOn = followUp.date;
        at += followUp.used;
        break;
      }
      case 'account': {
        const account = takeAccount(tokens, at);
        draft.account = account.name;
        at += account.used;
        break;
      }
    }
  }
  if (leftover.length > 0) throw new PacerError('lead_add_leftover', { given: leftover.map(tokenText).join(' ') });
  return validateLeadDraft(draft, today);
}

/** The name is a quoted phrase, or the leading words up to the first option; the first word always belongs to it. */
function takeLeadName(tokens: Token[]): string {
  const first = tokens[0];
  if (first?.kind === 'quoted' && first.text !== '') {
    tokens.shift();
    return first.text;
  }
  if (first?.kind !== 'word' || plainNumber.test(first.text)) throw new PacerError('lead_name_missing');
  let end = 1;
  while (tokens[end]?.kind === 'word' && addOptionAt(tokens, end) === null) end += 1;
  return tokens.splice(0, end).map(tokenText).join(' ');
}

/** An account is a quoted phrase or the words up to the next option. */
function takeAccount(tokens: readonly Token[], at: number): { name: string; used: number } {
  const first = tokens[at];
  if (first?.kind === 'quoted' && first.text !== '') return { name: first.text, used: 1 };
  let end = at;
  while (tokens[end]?.kind === 'word' && addOptionAt(tokens, end) === null) end += 1;
  if (end === at) throw new PacerError('lead_account_missing');
  return { name: tokens.slice(at, end).map(tokenText).join(' '), used: end - at };
}

function leadingWords(tokens: readonly Token[], at: number): string[] {
  const words: string[] = [];
  for (const token of tokens.slice(at)) {
    if (token.kind !== 'word') break;
    words.push(token.text);
  }
  return words;
}

/** After `follow up` in `add`: a date, today or later; what follows it is read as further options. */
function readAddFollowUp(words: readonly string[], today: string): { date: string; used: number } {
  if (words.length === 0) throw new PacerError('lead_followup_date_missing');
  const found = readDateWords(words, { today, direction: 'future' });
  if (!found) throw new PacerError('lead_followup_date', { given: words.slice(0, 3).join(' ') });
  if (found.date < today) throw new PacerError('lead_followup_past', { date: found.date });
  return found;
}

function readMoney(text: string, decimal: DecimalSign): number {
  const parsed = money.safeParse(readNumber(text, decimal));
  if (!parsed.success) throw new PacerError('lead_value_invalid', { given: text, max: maxLeadValue });
  return parsed.data;
}
