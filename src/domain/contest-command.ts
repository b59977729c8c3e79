import { z } from 'zod';
import { PacerError } from '../errors.js';
import { tokenText, type Token } from './command-text.js';
import { maxContestName, maxContestPrize, readContestDates, type ContestMode, type ContestRequest } from './contests.js';

export type ContestCommand =
  | { action: 'contest.create'; request: ContestRequest }
  | { action: 'contest.list' }
  | { action: 'contest.cancel'; name: string };

const contestName = z.string().trim().min(1).max(maxContestName);
const prizeText = z.string().trim().min(1).max(maxContestPrize);

const wordOf = (token: Token | undefined) => (token?.kind === 'word' ? token.text.toLowerCase() : undefined);
/** A name or prize: a "quoted phrase", or one word. */
const phraseOf = (token: Token | undefined) => (token?.kind === 'quoted' || token?.kind === 'word' ? token.text : undefined);

function checkedName(given: string | undefined): string {
  const parsed = contestName.safeParse(given ?? '');
  if (!parsed.success) throw new PacerError('contest_name', { max: maxContestName });
  return parsed.data;
}

/**
 * Reads the words after `/pacer contest`: `list` (also alone), `cancel "<name>"`, or
 * `"<name>" <metric> <from>..<to> [prize "<prize>"] [teams] [team <name>…]`, the parts after the
 * name in any order. The metric word is read against the workspace's types by the service.
 */
export function parseContestCommand(tokens: readonly Token[]): ContestCommand {
  const rest = [...tokens];
  const first = rest[0];
  if (first === undefined || (wordOf(first) === 'list' && rest.length === 1)) return { action: 'contest.list' };
  if (wordOf(first) === 'cancel' || wordOf(first) === 'stop') {
    rest.shift();
    const name = rest.length === 1 ? phraseOf(rest[0]) : rest.map(tokenText).join(' ');
    return { action: 'contest.cancel', name: checkedName(name) };
  }
  const name = checkedName(phraseOf(rest.shift()));
  let metricWord: string | null = null;
  let dates: { startsOn: string; endsOn: string } | null = null;
  let prize: string | null = null;
  let mode: ContestMode = 'reps';
  const teams: string[] = [];
  while (rest.length > 0) {
    const token = rest.shift() as Token;
    const word = wordOf(token);
    if (word === 'prize' && prize === null) {
      const parsed = prizeText.safeParse(phraseOf(rest.shift()) ?? '');
      if (!parsed.success) throw new PacerError('contest_prize', { max: maxContestPrize });
      prize = parsed.data;
    } else if (word === 'teams') {
      mode = 'teams';
    } else if (word === 'team') {
      const team = phraseOf(rest.shift());
      if (team === undefined) throw new PacerError('contest_usage', { given: 'team' });
      teams.push(team);
    } else if (word?.includes('..') && dates === null) {
      dates = readContestDates(word);
    } else if (word !== undefined && metricWord === null) {
      metricWord = word;
    } else {
      throw new PacerError('contest_usage', { given: tokenText(token) });
    }
  }
  if (metricWord === null || dates === null) throw new PacerError('contest_usage', { given: tokens.map(tokenText).join(' ') });
  return { action: 'contest.create', request: { name, metricWord, ...dates, prize, mode, teams } };
}
