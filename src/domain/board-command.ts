import { PacerError } from '../errors.js';
import { tokenize, tokenText, type Token } from './command-text.js';
import { spokenPeriodWords } from './spoken-words.js';

/** The window `/board` shows: a period so far, or from a day until now. */
export type BoardWindowWords = { kind: 'week' | 'month' | 'quarter' } | { kind: 'since'; words: string[] };

export type BoardCommand =
  | { action: 'help' }
  /** `/board contest [name]`: a running contest's standing. */
  | { action: 'contest'; name: string | null }
  | { action: 'show'; window: BoardWindowWords; metric: string | null; team: string | null };

type BoardPeriod = 'week' | 'month' | 'quarter';
const isBoardPeriod = (period: string): period is BoardPeriod => period === 'week' || period === 'month' || period === 'quarter';
const periodWords: Record<string, BoardPeriod> = {
  week: 'week', weekly: 'week', month: 'month', monthly: 'month', quarter: 'quarter', quarterly: 'quarter', q: 'quarter',
  ...Object.fromEntries(Object.entries(spokenPeriodWords).filter((entry): entry is [string, BoardPeriod] => isBoardPeriod(entry[1]))),
};

const word = (token: Token | undefined) => (token?.kind === 'word' ? token.text.toLowerCase() : undefined);

/**
 * Reads `/board [week|month|quarter|since <day>] [metric] [team <name>]`, `/board contest [name]`
 * and `/board help`; the parts come in any order. The metric word and the day are read against the
 * workspace's types and the person's today by the listener.
 */
export function parseBoardCommand(text: string): BoardCommand {
  const tokens = tokenize(text);
  if (word(tokens[0]) === 'help') return { action: 'help' };
  if (word(tokens[0]) === 'contest' || word(tokens[0]) === 'contests') {
    const rest = tokens.slice(1).map(tokenText).join(' ').trim();
    return { action: 'contest', name: rest === '' ? null : rest };
  }
  let window: BoardWindowWords | null = null;
  let metric: string | null = null;
  let team: string | null = null;
  const given = () => tokens.map(tokenText).join(' ');
  while (tokens.length > 0) {
    const token = tokens.shift();
    const w = word(token);
    if (w === 'this' && word(tokens[0]) !== undefined && periodWords[word(tokens[0]) ?? ''] !== undefined) continue;
    const isPeriod = w !== undefined && Object.hasOwn(periodWords, w);
    if (isPeriod && window === null) {
      window = { kind: periodWords[w] ?? 'week' };
    } else if (w === 'since' && window === null) {
      const words: string[] = [];
      while (tokens.length > 0 && word(tokens[0]) !== 'team' && words.length < 3) words.push(tokenText(tokens.shift() as Token));
      if (words.length === 0) throw new PacerError('board_window', { given: 'since' });
      window = { kind: 'since', words };
    } else if (w === 'team' && team === null) {
      const name = tokens.shift();
      if (!name || (name.kind !== 'word' && name.kind !== 'quoted')) throw new PacerError('board_window', { given: `team ${given()}`.trim() });
      team = name.text;
    } else if (w !== undefined && metric === null && !isPeriod && w !== 'since' && w !== 'team') {
      metric = w;
    } else {
      throw new PacerError('board_window', { given: token ? tokenText(token) : '' });
    }
  }
  return { action: 'show', window: window ?? { kind: 'week' }, metric, team };
}
