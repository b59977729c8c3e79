import { z } from 'zod';
import { PacerError } from '../errors.js';
import { spokenTypeWords } from './spoken-words.js';

export type ActivityUnit = 'count' | 'money';

/**
 * A kind of activity a workspace logs. `points` are earned per unit of count (or per money log).
 * Activities store the `key`, which never changes; renaming a type sets its labels, so history
 * keeps its meaning.
 */
export interface ActivityType {
  key: string;
  /** How the type is shown for one and for many; null: the catalogue's name for the key. */
  label: string | null;
  labelPlural: string | null;
  aliases: string[];
  unit: ActivityUnit;
  points: number;
  active: boolean;
  /**
   * The most one log of it plausibly counts: `/log` asks before logging more, since a bigger
   * number is more likely an amount (`/log lost 5000`). Money types take their number as the amount.
   */
  countLimit: number;
  /** The most points a rep earns from it in one local day (padding does not pay); null: no cap. */
  dailyPointsCap: number | null;
}

/** No log counts more than this, whatever a type's limit. */
export const maxCount = 10_000;
/** A new type's count limit, and the column's default. */
export const defaultCountLimit = 100;
/** The highest daily points cap a type may have. */
export const maxDailyPointsCap = 1000;

/** What a new workspace starts with; admins change them with `/pacer types`. */
export const defaultActivityTypes: readonly ActivityType[] = [
  { key: 'call', aliases: ['calls', 'phone', 'dial', 'dials'], unit: 'count', points: 1, countLimit: 200 },
  { key: 'email', aliases: ['emails', 'mail', 'mails', 'e-mail', 'e-mails'], unit: 'count', points: 1, countLimit: 300 },
  { key: 'meeting', aliases: ['meetings', 'mtg', 'mtgs', 'meet'], unit: 'count', points: 3, countLimit: 20 },
  { key: 'demo', aliases: ['demos', 'presentation', 'presentations'], unit: 'count', points: 4, countLimit: 20 },
  { key: 'estimate', aliases: ['estimates', 'quote', 'quotes', 'est'], unit: 'count', points: 2, countLimit: 50 },
  { key: 'proposal', aliases: ['proposals', 'prop'], unit: 'count', points: 5, countLimit: 20 },
  { key: 'deal', aliases: ['deals', 'won', 'win', 'sale', 'sales', 'close'], unit: 'money', points: 10, countLimit: defaultCountLimit },
  { key: 'lost', aliases: ['loss', 'lose', 'lost-deal'], unit: 'count', points: 0, countLimit: 20 },
  { key: 'referral', aliases: ['referrals', 'ref', 'refs'], unit: 'count', points: 3, countLimit: 20 },
].map((type) => ({ ...type, unit: type.unit as ActivityUnit, label: null, labelPlural: null, active: true, dailyPointsCap: null }));

/** A workspace keeps at most this many types: each is a row in the admin form and an option in the log form. */
export const maxActivityTypes = 40;

/** Words `/log` and `/goal` read themselves, so no type may be called by them. */
const reservedWords = new Set(['help', 'list', 'remove', 'delete', 'team', 'company', 'revenue', 'rev', 'points', 'point', 'pts', 'none']);

/** The single words a type answers to in `/log` and `/goal`: its key, its aliases, and one-word labels. */
export function typeWords(type: Pick<ActivityType, 'key' | 'aliases' | 'label' | 'labelPlural'>): string[] {
  const labels = [type.label, type.labelPlural].filter((l): l is string => l !== null && !/\s/.test(l)).map((l) => l.toLowerCase());
  return [...new Set([type.key, ...type.aliases, ...labels])];
}

/**
 * Finds the active type a word names, ignoring case: by key, alias or one-word label, else by a
 * Russian, Polish or German name of a default type's key (the workspace's own words win).
 */
export function findActivityType(types: readonly ActivityType[], word: string): ActivityType | undefined {
  const wanted = word.toLowerCase();
  return types.find((t) => t.active && typeWords(t).includes(wanted)) ?? types.find((t) => t.active && spokenTypeWords[t.key]?.includes(wanted));
}

export function activeTypeKeys(types: readonly ActivityType[]): string[] {
  return types.filter((t) => t.active).map((t) => t.key);
}

/** How help and hints name a type: by a one-word name an admin gave, else the key (both work in commands). */
export function typeWord(type: Pick<ActivityType, 'key' | 'label'>): string {
  return type.label !== null && !/\s/.test(type.label) ? type.label.toLowerCase() : type.key;
}

export function activeTypeWords(types: readonly ActivityType[]): string[] {
  return types.filter((t) => t.active).map(typeWord);
}

const word = z.string().regex(/^[\p{L}\p{N}][\p{L}\p{N}_-]{0,29}$/u);
const label = z.string().trim().min(1).max(40).regex(/^[\p{L}\p{N}][\p{L}\p{N} .'-]*$/u);

/** An admin's change to a type, or a new type, as the form gives it. */
export const activityTypeEditSchema = z.object({
  label: label,
  labelPlural: label.nullable(),
  aliases: z.array(word).max(15),
  unit: z.enum(['count', 'money']),
  points: z.number().int().min(0).max(100),
  active: z.boolean(),
  countLimit: z.number().int().min(1).max(maxCount),
  dailyPointsCap: z.number().int().min(1).max(maxDailyPointsCap).nullable(),
});
export type ActivityTypeEdit = z.infer<typeof activityTypeEditSchema>;

/** Reads "calls, phone, dials" as alias words (lower case, no repeats); undefined when one is not a word. */
export function readAliases(text: string | null): string[] | undefined {
  const words = [...new Set((text ?? '').split(/[,\s]+/).map((w) => w.trim().toLowerCase()).filter(Boolean))];
  return words.every((w) => word.safeParse(w).success) ? words : undefined;
}

/** A new type's key from its name: lower case, spaces as dashes, unique in the workspace. */
export function keyForNewType(labelText: string, types: readonly ActivityType[]): string {
  const base = labelText.trim().toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 30) || 'activity';
  const taken = new Set(types.map((t) => t.key));
  let key = base;
  for (let n = 2; taken.has(key); n += 1) key = `${base}-${n}`;
  return key;
}

/**
 * The type an edit makes, after checking it against the others: no word may name two types
 * (or a word the commands read), a type's unit never changes (past logs would change meaning),
 * and a workspace keeps at most `maxActivityTypes`.
 */
export function applyTypeEdit(types: readonly ActivityType[], editingKey: string | null, edit: ActivityTypeEdit): ActivityType {
  const existing = editingKey === null ? undefined : types.find((t) => t.key === editingKey);
  if (editingKey !== null && !existing) throw new PacerError('type_not_found', { key: editingKey });
  if (!existing && types.length >= maxActivityTypes) throw new PacerError('type_too_many', { max: maxActivityTypes });
  if (existing && existing.unit !== edit.unit) throw new PacerError('type_unit_fixed', { name: existing.label ?? existing.key });
  const type: ActivityType = {
    key: existing?.key ?? keyForNewType(edit.label, types),
    label: edit.label,
    labelPlural: edit.labelPlural,
    aliases: edit.aliases,
    unit: edit.unit,
    points: edit.points,
    active: edit.active,
    countLimit: edit.countLimit,
    dailyPointsCap: edit.dailyPointsCap,
  };
  const others = types.filter((t) => t.key !== type.key);
  for (const w of typeWords(type)) {
    if (reservedWords.has(w)) throw new PacerError('type_word_reserved', { word: w });
    const owner = others.find((t) => typeWords(t).includes(w));
    if (owner) throw new PacerError('type_word_taken', { word: w, other: owner.label ?? owner.key });
  }
  return type;
}
