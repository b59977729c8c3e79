import { CsvError, parse } from 'csv-parse/sync';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { PacerError } from '../errors.js';
import { readNumber } from './command-text.js';
import { leadNameKey, leadStages, type LeadDraft, type LeadSource, type LeadStage } from './leads.js';
import { maxAmount } from './log-command.js';
import { isIsoDate } from './periods.js';

export type ImportColumn = 'name' | 'value' | 'stage' | 'followUp' | 'account' | 'product' | 'owner' | 'source' | 'note';

export interface ImportedLead {
  /** The row as a spreadsheet numbers it, header = 1; a cell with line breaks does not add rows. */
  line: number;
  ownerId: string;
  draft: Omit<LeadDraft, 'stage'> & { stage: LeadStage };
  note: string | null;
}

/** Why a row is left out; one per row, its reasons joined with "; ". */
export interface ImportProblem {
  line: number;
  reason: string;
}

/** What `/lead import` shows before anything is saved. `rows` counts non-blank data rows: leads + problems. */
export interface LeadImportPreview {
  mapping: { column: ImportColumn; header: string }[];
  ignored: string[];
  leads: ImportedLead[];
  problems: ImportProblem[];
  rows: number;
}

export interface LeadImportOptions {
  /** YYYY-MM-DD in the importer's time zone. */
  today: string;
  /** The Slack user id for a Slack name, display name, @name, <@U123> or e-mail; null when unknown. */
  resolveOwner: (ref: string) => string | null;
  /** Who owns rows without an owner cell: usually the person importing. */
  defaultOwnerId: string;
}

export const maxImportRows = 5000;
export const maxImportBytes = 2 * 1024 * 1024;
const maxNameLength = 200;
const maxAccountLength = 200;
const maxNoteLength = 500;
const maxProductLength = 50;
/** Further from today than this a follow-up is a typo or a spreadsheet placeholder (1900-01-01), not a plan. */
const maxFollowUpYears = 10;
const productPattern = /^[\p{L}\p{N}_.-]+$/u;

const importedLeadSchema = z.object({
  ownerId: z.string().min(1),
  draft: z.strictObject({
    name: z.string().min(1).max(maxNameLength),
    account: z.string().min(1).max(maxAccountLength).nullable(),
    value: z.number().nonnegative().max(maxAmount).multipleOf(0.01).nullable(),
    productLine: z.string().max(maxProductLength).regex(productPattern).nullable(),
    source: z.enum(['company', 'own']),
    stage: z.enum(leadStages),
    nextFollowUpOn: z.string().refine(isIsoDate).nullable(),
  }),
  note: z.string().min(1).max(maxNoteLength).nullable(),
}) satisfies z.ZodType<Omit<ImportedLead, 'line'>>;

/**
 * Header words per column, preferred first; compared without case, spaces or punctuation.
 * A Salesforce export has both "Opportunity Name" and "Account Name": the preference lets the
 * opportunity name the lead and the account fill the account, whatever their order.
 */
const headerWords: Record<ImportColumn, readonly string[]> = {
  name: ['lead', 'lead name', 'deal', 'deal name', 'deal title', 'opportunity', 'opportunity name', 'name', 'company', 'company name', 'account name'],
  account: ['account', 'customer', 'client', 'account name', 'company', 'company name', 'organization', 'organisation', 'deal organization', 'associated company'],
  value: ['value', 'amount', 'deal value', 'deal amount', 'opportunity amount', 'deal size', 'size', 'expected revenue', 'revenue'],
  stage: ['stage', 'deal stage', 'pipeline stage', 'opportunity stage', 'stage name', 'status', 'lead status'],
  followUp: ['follow up', 'next follow up', 'follow up date', 'next follow up date', 'next step date', 'next contact', 'next contact date', 'next activity date', 'deal next activity date', 'next action date', 'due date', 'due'],
  product: ['product', 'product line', 'line'],
  owner: ['owner', 'rep', 'sales rep', 'assigned to', 'owner email', 'deal owner', 'opportunity owner', 'lead owner', 'owner name', 'salesperson', 'email'],
  source: ['source', 'lead source', 'deal source', 'origin', 'original source'],
  note: ['note', 'notes', 'description', 'comment', 'comments'],
};

/** Name picks first, so "Company" names the lead when nothing better does, and is the account otherwise. */
const pickOrder: readonly ImportColumn[] = ['name', 'account', 'value', 'stage', 'followUp', 'product', 'owner', 'source', 'note'];

// Maps, not object literals, so a cell like "constructor" finds nothing.
const stageWords = new Map<string, LeadStage>(Object.entries({
  prospect: 'new', lead: 'new', prospecting: 'new', 'lead in': 'new', 'new lead': 'new',
  attempted: 'contacted', 'attempted to contact': 'contacted', 'contact made': 'contacted',
  sql: 'qualified', 'qualified to buy': 'qualified',
  proposal: 'estimate', quote: 'estimate', 'estimate sent': 'estimate', 'proposal sent': 'estimate',
  'proposal made': 'estimate', 'quote sent': 'estimate', 'proposal price quote': 'estimate',
  negotiating: 'negotiation', 'contract sent': 'negotiation', 'negotiation review': 'negotiation',
  'negotiations started': 'negotiation', 'in negotiation': 'negotiation',
  'closed won': 'won', 'closed lost': 'lost',
} as const));

const sourceWords = new Map<string, LeadSource>(Object.entries({
  company: 'company', inbound: 'company', marketing: 'company', website: 'company', web: 'company',
  'email marketing': 'company', 'organic search': 'company', 'paid search': 'company', 'social media': 'company',
  own: 'own', outbound: 'own', referral: 'own', referrals: 'own', self: 'own', prospecting: 'own',
  'cold call': 'own', 'cold calling': 'own',
} as const));

/**
 * Reads an uploaded CSV of leads into a preview: the drafts to create and, per row, why a row
 * cannot be imported. Throws a PacerError when the file as a whole cannot be used.
 */
export function readLeadCsv(bytes: Uint8Array, options: LeadImportOptions): LeadImportPreview {
  if (!isIsoDate(options.today)) throw new Error(`today must be YYYY-MM-DD, got ${options.today}`);
  if (bytes.byteLength > maxImportBytes) throw new PacerError('import_too_large', { maxMb: maxImportBytes / 1024 / 1024 });

  const records = readRecords(decodeText(bytes));
  const headerAt = records.findIndex((cells) => !isBlank(cells));
  const header = (records[headerAt] ?? []).map(oneLine);
  const rows = records.flatMap((cells, index) => (index > headerAt && !isBlank(cells) ? [{ cells, line: index + 1 }] : []));
  if (headerAt < 0 || rows.length === 0) throw new PacerError('import_empty');
  const { columns, mapping, ignored } = mapColumns(header);
  if (rows.length > maxImportRows) throw new PacerError('import_too_many', { max: maxImportRows, count: rows.length });

  const context: RowContext = {
    ...options,
    columns,
    width: header.findLastIndex((h) => h !== '') + 1,
    owners: new Map(),
    firstLines: new Map(),
  };
  const leads: ImportedLead[] = [];
  const problems: ImportProblem[] = [];
  for (const { cells, line } of rows) {
    const read = readRow(cells, line, context);
    if ('reason' in read) problems.push(read);
    else leads.push(read);
  }
  return { mapping, ignored, leads, problems, rows: rows.length };
}

function notCsv(reason: string): PacerError {
  return new PacerError('import_not_csv', { reason });
}

function decodeText(bytes: Uint8Array): string {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw notCsv('it is a workbook or zip file, not CSV text');
  }
  // Excel's "Unicode Text" export is UTF-16 with a byte order mark; without one, UTF-8 is the only reading that is not a guess.
  const encoding = startsWith(bytes, [0xff, 0xfe]) ? 'utf-16le' : startsWith(bytes, [0xfe, 0xff]) ? 'utf-16be' : 'utf-8';
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw notCsv('it is not UTF-8 text');
  }
  if (/[\u0000-\u0008\u000E-\u001F\u007F]/.test(text)) throw notCsv('it contains binary data');
  return text;
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte);
}

function readRecords(text: string): string[][] {
  // Excel writes and reads a first line "sep=;" naming the delimiter, and hides it from the sheet.
  const sep = /^sep=([^"\r\n])\r?\n/i.exec(text);
  const body = sep ? text.slice(sep[0].length) : text;
  try {
    return parse(body, {
      delimiter: sep?.[1] ?? detectDelimiter(body),
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      trim: true,
      skip_empty_lines: false,
    });
  } catch (error) {
    if (error instanceof CsvError) throw notCsv(csvProblem(error));
    throw error;
  }
}

function csvProblem(error: CsvError): string {
  const line = typeof error['lines'] === 'number' ? ` on line ${error['lines']}` : '';
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quote is never closed';
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return `text follows a closing quote${line}`;
    default:
      return `it is not valid CSV${line}`;
  }
}

const delimiters = [',', ';', '\t'] as const;

/** The delimiter that splits the header line into the most columns; a comma when none does. */
function detectDelimiter(text: string): string {
  const counts = new Map<string, number>();
  let quoted = false;
  let started = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (ch === '\n' || ch === '\r') {
      if (started) break;
    } else {
      started ||= ch.trim() !== '';
      counts.set(ch, (counts.get(ch) ?? 0) + 1);
    }
  }
  let best: string = ',';
  for (const d of delimiters) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === '');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function headerKey(header: string): string {
  return header.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

function mapColumns(header: readonly string[]): Pick<LeadImportPreview, 'mapping' | 'ignored'> & { columns: Map<ImportColumn, number> } {
  const keys = header.map(headerKey);
  const columns = new Map<ImportColumn, number>();
  const taken = new Set<number>();
  for (const column of pickOrder) {
    const words = headerWords[column].map(headerKey);
    let best: { index: number; rank: number } | undefined;
    for (const [index, key] of keys.entries()) {
      const rank = words.indexOf(key);
      if (rank >= 0 && !taken.has(index) && (best === undefined || rank < best.rank)) best = { index, rank };
    }
    if (best) {
      columns.set(column, best.index);
      taken.add(best.index);
    }
  }
  const named = header.filter((h) => h !== '');
  if (!columns.has('name')) throw new PacerError('import_no_name_column', { columns: named.join(', ') });
  const mapping = [...columns]
    .sort(([, a], [, b]) => a - b)
    .map(([column, index]) => ({ column, header: header[index] ?? '' }));
  const ignored = header.filter((h, index) => h !== '' && !taken.has(index));
  return { columns, mapping, ignored };
}

interface RowContext extends LeadImportOptions {
  columns: Map<ImportColumn, number>;
  /** Up to the last named header cell: rows shorter than this lost a delimiter, or were cut. */
  width: number;
  owners: Map<string, string | null>;
  /** The first line of each owner's lead name, to report later ones as duplicates. */
  firstLines: Map<string, number>;
}

type Read<T> = { value: T } | { reason: string };

function readRow(cells: readonly string[], line: number, context: RowContext): ImportedLead | ImportProblem {
  const filled = cells.findLastIndex((c) => c.trim() !== '') + 1;
  // A row with cells missing or extra has its values under the wrong headers: reading it would be a guess.
  if (cells.length < context.width || filled > context.width) {
    return { line, reason: `has ${cells.length < context.width ? cells.length : filled} cells but the header has ${context.width}` };
  }
  const cell = (column: ImportColumn): string => {
    const index = context.columns.get(column);
    return index === undefined ? '' : (cells[index] ?? '').trim();
  };
  const reasons: string[] = [];
  const take = <T>(read: Read<T>, fallback: T): T => {
    if ('value' in read) return read.value;
    reasons.push(read.reason);
    return fallback;
  };

  const name = take(readName(cell('name')), '');
  const account = take(readAccount(cell('account')), null);
  const value = take(readValue(cell('value')), null);
  const stage = take(readStage(cell('stage')), 'new');
  const nextFollowUpOn = take(readFollowUp(cell('followUp'), context.today), null);
  const productLine = take(readProduct(cell('product')), null);
  const ownerId = take(readOwner(cell('owner'), context), null);
  const source = take(readSource(cell('source')), 'own');
  const note = take(readNote(cell('note')), null);

  if (name !== '' && ownerId !== null) {
    const key = `${ownerId}\n${leadNameKey(name)}`;
    const first = context.firstLines.get(key);
    if (first === undefined) context.firstLines.set(key, line);
    else reasons.push(`duplicate in file: ${quote(name)} for the same owner is also on line ${first}`);
  }
  if (reasons.length > 0) return { line, reason: reasons.join('; ') };

  const parsed = importedLeadSchema.safeParse({
    ownerId,
    draft: { name, account, value, productLine, source, stage, nextFollowUpOn },
    note,
  });
  if (!parsed.success) return { line, reason: `${parsed.error.issues[0]?.path.join('.') ?? 'row'} is not valid` };
  return { line, ...parsed.data };
}

/** A cell as a reason shows it: in quotes, and short. */
function quote(text: string): string {
  const shown = oneLine(text);
  return `“${shown.length > 40 ? `${shown.slice(0, 39)}…` : shown}”`;
}

function readName(cell: string): Read<string> {
  const name = oneLine(cell);
  if (name === '') return { reason: 'name is missing' };
  if (name.length > maxNameLength) return { reason: `name is longer than ${maxNameLength} characters` };
  return { value: name };
}

function readAccount(cell: string): Read<string | null> {
  const account = oneLine(cell);
  if (account.length > maxAccountLength) return { reason: `account is longer than ${maxAccountLength} characters` };
  return { value: account || null };
}

function readValue(cell: string): Read<number | null> {
  if (cell === '') return { value: null };
  let text = cell.replace(/^[$€£¥]\s*|\s*[$€£¥]$/gu, '');
  // French and Nordic sheets group thousands with (non-breaking) spaces: "12 000".
  if (/^\d{1,3}(?:[ \u00A0\u202F]\d{3})+(?:[.,]\d+)?$/u.test(text)) text = text.replace(/[ \u00A0\u202F]/gu, '');
  // "12.000" is twelve thousand in Europe and twelve in the US.
  if (/^[1-9]\d{0,2}\.\d{3}$/.test(text)) {
    return { reason: `value ${quote(cell)} is ambiguous (${Number(text)} or ${text.replace('.', '')}?)` };
  }
  const european = /^[1-9]\d{0,2}(?:\.\d{3})+(?:,\d{1,2})?$/.test(text) || /^\d+,\d{1,2}$/.test(text);
  const value = european ? Number(text.replaceAll('.', '').replace(',', '.')) : readNumber(text);
  if (value === undefined || !Number.isFinite(value)) {
    return { reason: /^[-−]/.test(text) ? `value ${quote(cell)} is below zero` : `value ${quote(cell)} is not a number` };
  }
  if (value > maxAmount) return { reason: `value ${quote(cell)} is over ${maxAmount.toLocaleString('en')}` };
  if (Math.abs(Math.round(value * 100) - value * 100) > 1e-6) return { reason: `value ${quote(cell)} has more than two decimals` };
  return { value };
}

function wordKey(text: string): string {
  return text.toLowerCase().replace(/[\s_/-]+/g, ' ').trim();
}

function readStage(cell: string): Read<LeadStage> {
  if (cell === '') return { value: 'new' };
  const key = wordKey(cell);
  const stage = leadStages.find((s) => s === key) ?? stageWords.get(key);
  return stage ? { value: stage } : { reason: `stage ${quote(cell)} is not one of ${leadStages.join(', ')}` };
}

function readSource(cell: string): Read<LeadSource> {
  if (cell === '') return { value: 'own' };
  const source = sourceWords.get(wordKey(cell));
  return source ? { value: source } : { reason: `source ${quote(cell)} is neither company (inbound) nor own (outbound)` };
}

function readProduct(cell: string): Read<string | null> {
  if (cell === '') return { value: null };
  const product = cell.replace(/^#/, '').toLowerCase();
  if (!productPattern.test(product)) return { reason: `product ${quote(cell)} is not one word (letters, digits, . - _)` };
  if (product.length > maxProductLength) return { reason: `product ${quote(cell)} is longer than ${maxProductLength} characters` };
  return { value: product };
}

function readNote(cell: string): Read<string | null> {
  const note = cell.replace(/\r\n?/g, '\n').trim();
  if (note.length > maxNoteLength) return { reason: `note is longer than ${maxNoteLength} characters` };
  return { value: note || null };
}

function readOwner(ref: string, context: RowContext): Read<string> {
  if (ref === '') return { value: context.defaultOwnerId };
  let id = context.owners.get(ref);
  if (id === undefined) {
    id = context.resolveOwner(ref);
    context.owners.set(ref, id);
  }
  return id ? { value: id } : { reason: `owner ${quote(ref)} is not someone Pacer knows in this workspace` };
}

type DateParts = { year: number; month: number; day: number } | { ambiguous: [string, string] } | null;

// CRM exports often add a time to the date; the time of a follow-up does not matter.
const timeOfDay = /[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[ap]m)?$/i;
const monthNameFormats = ['d LLLL yyyy', 'd LLL yyyy', 'LLLL d, yyyy', 'LLL d, yyyy', 'd-LLL-yyyy'];

function readFollowUp(cell: string, today: string): Read<string | null> {
  if (cell === '') return { value: null };
  const parts = dateParts(cell.replace(timeOfDay, '').trim());
  if (parts === null) return { reason: `follow-up ${quote(cell)} is not a date` };
  if ('ambiguous' in parts) {
    return { reason: `follow-up ${quote(cell)} is ambiguous: write ${parts.ambiguous[0]} or ${parts.ambiguous[1]}` };
  }
  const date = DateTime.fromObject(parts);
  if (!date.isValid) return { reason: `follow-up ${quote(cell)} is not a real date` };
  const now = DateTime.fromISO(today);
  if (Math.abs(date.diff(now, 'years').years) > maxFollowUpYears) {
    return { reason: `follow-up ${quote(cell)} is more than ${maxFollowUpYears} years away` };
  }
  return { value: date.toISODate() ?? '' };
}

function dateParts(text: string): DateParts {
  const iso = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/.exec(text);
  if (iso) return { year: Number(iso[1]), month: Number(iso[3]), day: Number(iso[4]) };
  // Dotted dates are day-first wherever they are written.
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (dotted) return { year: Number(dotted[3]), month: Number(dotted[2]), day: Number(dotted[1]) };
  // 03/04/2024 is 3 April in Europe and 4 March in the US; only a day above 12, or equal parts, tells.
  const slashed = /^(\d{1,2})([/-])(\d{1,2})\2(\d{4})$/.exec(text);
  if (slashed) {
    const [a, b, year] = [Number(slashed[1]), Number(slashed[3]), Number(slashed[4])];
    if (a > 12 || a === b) return { year, month: b, day: a };
    if (b > 12) return { year, month: a, day: b };
    const iso = (month: number, day: number) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    return { ambiguous: [iso(b, a), iso(a, b)] };
  }
  for (const format of monthNameFormats) {
    const date = DateTime.fromFormat(text, format, { locale: 'en' });
    if (date.isValid) return { year: date.year, month: date.month, day: date.day };
  }
  return null;
}
