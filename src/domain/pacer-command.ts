import { z } from 'zod';
import { PacerError } from '../errors.js';
import { readNumber, tokenize, tokenText, type DecimalSign, type Token } from './command-text.js';
import { parseContestCommand, type ContestCommand } from './contest-command.js';
import { readExportDates, type ExportKind, type ExportRequest } from './data-export.js';
import { kudosCapRange, kudosCapSchema } from './kudos.js';
import { readCurrency, readLanguage, spokenLanguages, type SpokenLanguage } from './spoken-words.js';
import { openStages, type OpenStage } from './leads.js';
import { parseNudgeChange, type NudgePrefs } from './nudge-schedule.js';
import { isValidTimeZone } from './periods.js';
import { parseDigestChange, parseWeeklySlotChange } from './team-schedules.js';
import { maxEstimatesPerQuotaUnit, organisations, weekdayNames, type Organisation, type TeamSettings } from './sales-teams.js';

export type MemberField = 'territory' | 'productLine' | 'segment';

export type PacerCommand =
  | { action: 'help' }
  | { action: 'team.create'; name: string; channelId: string }
  | { action: 'team.list' }
  | { action: 'team.show'; team: string }
  | { action: 'team.managers'; team: string; userIds: string[] }
  | { action: 'team.add'; team: string; userIds: string[] }
  | { action: 'team.remove'; team: string; userIds: string[] }
  | { action: 'team.configure'; team: string; settings: TeamSettings }
  /** `points`, `goal`, or a metric's word: read against the workspace's types by the listener. */
  | { action: 'team.ranking'; team: string; word: string }
  | { action: 'settings.open'; team: string | null }
  | { action: 'member.set'; userId: string; field: MemberField; value: string | null }
  | { action: 'admin.name'; userId: string }
  | { action: 'admin.remove'; userId: string }
  | { action: 'types.open' }
  | { action: 'export'; request: ExportRequest }
  | { action: 'nudges.show' }
  | { action: 'nudges.set'; change: Partial<NudgePrefs> }
  /** `until`: the words of the last day away, read against the person's today by the listener; null: back. */
  | { action: 'away'; until: string[] | null }
  /** `language [code]`, `currency [code|none]`: what the workspace's channel posts are written in, and its amounts' currency (admins set them). */
  | { action: 'language.show' }
  | { action: 'language.set'; language: SpokenLanguage }
  | { action: 'currency.show' }
  | { action: 'currency.set'; currency: string | null }
  /** `kudos`: the workspace's daily kudos cap per giver; `kudos limit N` sets it (admins). */
  | { action: 'kudos.show' }
  | { action: 'kudos.cap'; cap: number }
  /** `contest …`: create, list or cancel a sales contest. */
  | ContestCommand;

const teamName = z.string().trim().min(1).max(40).regex(/^[\p{L}\p{N}][\p{L}\p{N} ._&-]*$/u);
const attribute = z.string().trim().min(1).max(60);
export const estimatesPerQuotaUnitSchema = z.number().min(0.5).max(maxEstimatesPerQuotaUnit).multipleOf(0.01);
const organiseWords: Record<string, Organisation> = { territory: 'territory', product: 'product', 'product-line': 'product', segment: 'segment' };
const exportKinds: Record<string, ExportKind> = {
  activities: 'activities', activity: 'activities', goals: 'goals', goal: 'goals', leads: 'leads', lead: 'leads', checkins: 'checkins', checkin: 'checkins', 'check-ins': 'checkins',
};
const memberFields: Record<string, MemberField> = { territory: 'territory', product: 'productLine', 'product-line': 'productLine', segment: 'segment' };

/** People one command may name: each is looked up in Slack, and a command waits on all of them. */
export const maxMentions = 50;

/** A team's zone is an IANA "Area/City" name: offsets like UTC+2 and abbreviations are not places. */
export function isTeamTimeZone(given: string): boolean {
  return given.includes('/') && isValidTimeZone(given);
}

/**
 * Reads `/pacer`: `help`; `settings [team]` (a form); `team create <name> #channel`; `team list`; `team <name>` and
 * `team <name> settings`, `manager|add|remove @people…`, `digest #channel`, `organise territory|product|segment`,
 * `timezone <Area/City>`, `week <weekday>`, `estimates <per unit of quota>`, `board <weekday> <time>|on|off`,
 * `ranking points|goal|<metric>`, `digest weekly <weekday> <time>|daily <time>|weekly off|daily off|off`; `member @rep territory|product|segment <value|none>`; `admin @person`, `admin remove @person`; `types` (a form);
 * `export activities|goals|leads [from] [to] [team <name>]`.
 */
export function parsePacerCommand(text: string, decimal: DecimalSign = '.'): PacerCommand {
  const tokens = tokenize(text);
  const head = wordOf(tokens.shift());
  if (head === undefined || head === 'help') return { action: 'help' };
  if (head === 'team' || head === 'teams') return parseTeam(tokens, decimal);
  if (head === 'settings') {
    const team = tokens.length > 0 ? takeTeamName(tokens) : null;
    if (tokens.length > 0) throw new PacerError('pacer_team_name', { given: [team, ...tokens.map(tokenText)].join(' ') });
    return { action: 'settings.open', team };
  }
  if (head === 'member') {
    const userId = takeUser(tokens);
    const fieldWord = wordOf(tokens.shift()) ?? '';
    const field = memberFields[fieldWord];
    if (!field) throw new PacerError('pacer_member_field', { given: fieldWord, fields: 'territory, product, segment' });
    const value = tokens.map(tokenText).join(' ').trim();
    if (value === '') throw new PacerError('pacer_member_value', { field: fieldWord });
    if (value.toLowerCase() === 'none') return { action: 'member.set', userId, field, value: null };
    const parsed = attribute.safeParse(value);
    if (!parsed.success) throw new PacerError('pacer_member_value', { field: fieldWord });
    return { action: 'member.set', userId, field, value: parsed.data };
  }
  if (head === 'types' || head === 'type') return { action: 'types.open' };
  if (head === 'admin') {
    const verb = wordOf(tokens[0]);
    if (verb === 'remove' || verb === 'add') tokens.shift();
    return { action: verb === 'remove' ? 'admin.remove' : 'admin.name', userId: takeUser(tokens) };
  }
  if (head === 'export') return parseExport(tokens);
  if (head === 'nudges' || head === 'nudge') {
    const words = tokens.map(tokenText);
    return words.length === 0 ? { action: 'nudges.show' } : { action: 'nudges.set', change: parseNudgeChange(words) };
  }
  if (head === 'away') {
    const [first, ...rest] = tokens.map(tokenText);
    if (first?.toLowerCase() === 'off' && rest.length === 0) return { action: 'away', until: null };
    if (first?.toLowerCase() !== 'until' || rest.length === 0) throw new PacerError('away_usage');
    return { action: 'away', until: rest };
  }
  if (head === 'kudos') return parseKudosCap(tokens);
  if (head === 'language') return parseWorkspaceWord(tokens, 'language');
  if (head === 'currency') return parseWorkspaceWord(tokens, 'currency');
  if (head === 'contest' || head === 'contests') return parseContestCommand(tokens);
  throw new PacerError('pacer_unknown', { given: head });
}

/** `language` or `currency` alone shows the workspace's; with one word, sets it. */
function parseWorkspaceWord(tokens: Token[], setting: 'language' | 'currency'): PacerCommand {
  if (tokens.length === 0) return { action: `${setting}.show` };
  const given = tokens.map(tokenText).join(' ');
  if (setting === 'language') {
    const language = tokens.length === 1 ? readLanguage(given) : undefined;
    if (language === undefined) throw new PacerError('pacer_language', { given, languages: spokenLanguages.join(', ') });
    return { action: 'language.set', language };
  }
  const currency = tokens.length === 1 ? readCurrency(given) : undefined;
  if (currency === undefined) throw new PacerError('pacer_currency', { given });
  return { action: 'currency.set', currency };
}

/** `kudos` alone shows the cap; `kudos limit|cap N` sets it. */
function parseKudosCap(tokens: Token[]): PacerCommand {
  if (tokens.length === 0) return { action: 'kudos.show' };
  const verb = wordOf(tokens[0]);
  const given = tokens.slice(verb === 'limit' || verb === 'cap' ? 1 : 0).map(tokenText).join(' ');
  const parsed = kudosCapSchema.safeParse(/^\d+$/.test(given) ? Number(given) : NaN);
  if ((verb !== 'limit' && verb !== 'cap') || !parsed.success) throw new PacerError('pacer_kudos_limit', { given, ...kudosCapRange });
  return { action: 'kudos.cap', cap: parsed.data };
}

function parseTeam(tokens: Token[], decimal: DecimalSign): PacerCommand {
  const first = tokens.shift();
  const word = wordOf(first);
  if (word === undefined || word === 'list') return { action: 'team.list' };
  if (word === 'create') {
    const name = takeTeamName(tokens);
    return { action: 'team.create', name, channelId: takeChannel(tokens) };
  }
  const team = checkedTeamName(first ? first.kind === 'quoted' || first.kind === 'word' ? first.text : '' : '');
  const verb = wordOf(tokens.shift());
  switch (verb) {
    case undefined:
      return { action: 'team.show', team };
    case 'settings':
      return { action: 'settings.open', team };
    case 'manager':
    case 'managers':
      return { action: 'team.managers', team, userIds: takeUsers(tokens) };
    case 'add':
      return { action: 'team.add', team, userIds: takeUsers(tokens) };
    case 'remove':
      return { action: 'team.remove', team, userIds: takeUsers(tokens) };
    case 'digest': {
      if (tokens[0]?.kind === 'channel') return { action: 'team.configure', team, settings: { digestChannelId: takeChannel(tokens) } };
      return { action: 'team.configure', team, settings: { digest: parseDigestChange(tokens.map(tokenText)) } };
    }
    case 'board':
      return { action: 'team.configure', team, settings: { board: parseWeeklySlotChange(tokens.map(tokenText), 'pacer_board_schedule') } };
    case 'ranking':
    case 'rank': {
      // A missing word reads as no ranking: the listener answers with the workspace's choices.
      const given = wordOf(tokens.shift()) ?? '';
      if (tokens.length > 0) throw new PacerError('pacer_ranking', { given: [given, ...tokens.map(tokenText)].join(' '), metrics: 'points, goal, revenue, or a type' });
      return { action: 'team.ranking', team, word: given };
    }
    case 'organise':
    case 'organize': {
      const given = wordOf(tokens.shift()) ?? '';
      const organisedBy = organiseWords[given];
      if (!organisedBy) throw new PacerError('pacer_organise', { given, choices: organisations.join(', ') });
      return { action: 'team.configure', team, settings: { organisedBy } };
    }
    case 'timezone':
    case 'tz': {
      const given = tokens[0]?.kind === 'word' ? tokens[0].text : '';
      if (!isTeamTimeZone(given)) throw new PacerError('pacer_timezone', { given });
      return { action: 'team.configure', team, settings: { timeZone: given } };
    }
    case 'week': {
      const given = wordOf(tokens.shift()) ?? '';
      const weekStartsOn = weekdayNames[given];
      if (!weekStartsOn) throw new PacerError('pacer_week', { given });
      return { action: 'team.configure', team, settings: { weekStartsOn } };
    }
    case 'estimates': {
      const given = tokens[0] ? tokenText(tokens[0]) : '';
      const parsed = estimatesPerQuotaUnitSchema.safeParse(readNumber(given, decimal));
      if (!parsed.success) throw new PacerError('pacer_estimates', { given, max: maxEstimatesPerQuotaUnit });
      return { action: 'team.configure', team, settings: { estimatesPerQuotaUnit: parsed.data } };
    }
    case 'unchased': {
      const stage = readOpenStage(tokens.shift());
      const days = readWhole(tokens.shift(), 1, 365, 'pacer_unchased');
      return { action: 'team.configure', team, settings: { leadRules: { unchasedDays: { [stage]: days } } } };
    }
    case 'checkback':
    case 'check-back':
      return { action: 'team.configure', team, settings: { leadRules: { checkBackDays: readWhole(tokens.shift(), 1, 365, 'pacer_checkback') } } };
    case 'chance': {
      const stage = readOpenStage(tokens.shift());
      const percent = readWhole(tokens.shift(), 0, 100, 'pacer_chance');
      return { action: 'team.configure', team, settings: { leadRules: { winChance: { [stage]: percent / 100 } } } };
    }
    default:
      throw new PacerError('pacer_team_verb', { given: verb, team });
  }
}

function parseExport(tokens: Token[]): PacerCommand {
  const given = wordOf(tokens.shift()) ?? '';
  const kind = exportKinds[given];
  if (!kind) throw new PacerError('pacer_export_kind', { given });
  const teamAt = tokens.findIndex((token) => wordOf(token) === 'team');
  let team: string | null = null;
  if (teamAt >= 0) {
    const rest = tokens.splice(teamAt);
    rest.shift();
    team = takeTeamName(rest);
    if (rest.length > 0) throw new PacerError('pacer_export_dates_invalid', { given: rest.map(tokenText).join(' ') });
  }
  const words = tokens.map((token) => (token.kind === 'word' ? token.text : tokenText(token)));
  return { action: 'export', request: { kind, ...readExportDates(words), team } };
}

function readOpenStage(token: Token | undefined): OpenStage {
  const given = wordOf(token) ?? '';
  const stage = openStages.find((s) => s === given);
  if (!stage) throw new PacerError('pacer_open_stage', { given, stages: openStages.join(', ') });
  return stage;
}

/** A whole number in range; `30%` reads as 30. */
function readWhole(token: Token | undefined, min: number, max: number, code: string): number {
  const given = token ? tokenText(token) : '';
  const value = Number(given.replace(/%$/, ''));
  if (!/^\d+%?$/.test(given) || value < min || value > max) throw new PacerError(code, { given, min, max });
  return value;
}

function wordOf(token: Token | undefined): string | undefined {
  return token?.kind === 'word' ? token.text.toLowerCase() : undefined;
}

function checkedTeamName(name: string): string {
  const parsed = teamName.safeParse(name);
  if (!parsed.success) throw new PacerError('pacer_team_name', { given: name });
  return parsed.data;
}

function takeTeamName(tokens: Token[]): string {
  const token = tokens.shift();
  return checkedTeamName(token?.kind === 'word' || token?.kind === 'quoted' ? token.text : '');
}

/** Slack sends a picked channel as <#C…|name>; a plain #word did not match a channel. */
function takeChannel(tokens: Token[]): string {
  const token = tokens.shift();
  if (token?.kind === 'channel') return token.channelId;
  throw new PacerError('channel_not_link', { given: token ? tokenText(token) : '' });
}

function takeUser(tokens: Token[]): string {
  const token = tokens.shift();
  if (token?.kind === 'user') return token.userId;
  throw new PacerError('user_not_mention', { given: token ? tokenText(token) : '' });
}

function takeUsers(tokens: Token[]): string[] {
  if (tokens.length === 0) throw new PacerError('user_not_mention', { given: '' });
  if (tokens.length > maxMentions) throw new PacerError('user_too_many', { given: tokens.length, max: maxMentions });
  const userIds = tokens.map((token) => {
    if (token.kind !== 'user') throw new PacerError('user_not_mention', { given: tokenText(token) });
    return token.userId;
  });
  return [...new Set(userIds)];
}
