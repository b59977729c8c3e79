import { PacerError } from '../errors.js';
import { leadNameKey } from './leads.js';

/** At most this many names are offered when a lead is unknown or ambiguous. */
export const maxLeadCandidates = 10;
/** How many leading words an unknown-lead error repeats back. */
const givenWords = 3;

export interface LeadInWords<L> {
  lead: L;
  /** The words after the lead's name, as given. */
  rest: string[];
}

/**
 * Finds the lead a command's words start with, when nothing marks where its name ends
 * (`Acme Corp called the CFO`). The longest run of leading words that is a lead's whole name wins;
 * failing that, the longest run that starts exactly one lead's name. An exact name beats a longer
 * prefix, so with leads "Acme" and "Acme Corporation", `Acme Corp called` is Acme.
 * A first element holding spaces was quoted by the person: when it is a whole name it wins outright.
 * @throws PacerError `lead_ambiguous` when the longest prefix run starts several names, `lead_unknown` when none.
 */
export function findLeadIn<L extends { name: string }>(leads: readonly L[], words: readonly string[]): LeadInWords<L> {
  const keyed = leads.map((lead) => ({ lead, key: leadNameKey(lead.name) }));
  const first = words[0] ?? '';
  if (/\s/.test(first.trim())) {
    const quoted = exactMatches(keyed, leadNameKey(first));
    if (quoted.length > 0) return { lead: onlyOne(quoted, first), rest: words.slice(1) };
  }
  const runs = words.map((_, i) => words.length - i).map((used) => ({ used, given: words.slice(0, used).join(' ') }));
  for (const { used, given } of runs) {
    const exact = exactMatches(keyed, leadNameKey(given));
    if (exact.length > 0) return { lead: onlyOne(exact, given), rest: words.slice(used) };
  }
  for (const { used, given } of runs) {
    const starting = prefixMatches(keyed, leadNameKey(given));
    if (starting.length > 0) return { lead: onlyOne(starting, given), rest: words.slice(used) };
  }
  throw unknownLead(leads, words.slice(0, givenWords).join(' '));
}

/** The lead a whole name names: the exact name, else the one lead whose name it starts. */
export function findLeadByName<L extends { name: string }>(leads: readonly L[], name: string): L {
  const keyed = leads.map((lead) => ({ lead, key: leadNameKey(lead.name) }));
  const key = leadNameKey(name);
  const given = name.trim();
  const exact = exactMatches(keyed, key);
  if (exact.length > 0) return onlyOne(exact, given);
  const starting = prefixMatches(keyed, key);
  if (starting.length > 0) return onlyOne(starting, given);
  throw unknownLead(leads, given);
}

interface Keyed<L> {
  lead: L;
  key: string;
}

function exactMatches<L>(keyed: readonly Keyed<L>[], key: string): L[] {
  return key === '' ? [] : keyed.filter((k) => k.key === key).map((k) => k.lead);
}

function prefixMatches<L>(keyed: readonly Keyed<L>[], key: string): L[] {
  return key === '' ? [] : keyed.filter((k) => k.key.startsWith(key)).map((k) => k.lead);
}

/** Names are unique per owner, so several leads here means a prefix shared by several names. */
function onlyOne<L extends { name: string }>(matches: readonly L[], given: string): L {
  const [lead] = matches;
  if (lead !== undefined && matches.length === 1) return lead;
  throw new PacerError('lead_ambiguous', { given, candidates: listNames(matches).slice(0, maxLeadCandidates).join(', ') });
}

/** Suggests every name when there are few; else the names sharing the given first letter, else the first ones. */
function unknownLead(leads: readonly { name: string }[], given: string): PacerError {
  const names = listNames(leads);
  const initial = leadNameKey(given).charAt(0);
  const sameInitial = names.filter((name) => initial !== '' && leadNameKey(name).startsWith(initial));
  const shown = names.length <= maxLeadCandidates || sameInitial.length === 0 ? names : sameInitial;
  return new PacerError('lead_unknown', { given, candidates: shown.slice(0, maxLeadCandidates).join(', ') });
}

function listNames(leads: readonly { name: string }[]): string[] {
  return [...new Set(leads.map((lead) => lead.name))].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }));
}
