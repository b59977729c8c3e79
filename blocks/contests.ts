import type { KnownBlock } from '@slack/types';
import { contestRanking, contestWinners, type ContestMode, type ContestPhase, type StandingLine } from '../src/domain/contests.js';
import { escapeMrkdwn, type Translator } from '../src/i18n/index.js';
import type { ContestList, ContestStanding, ContestView } from '../src/services/contest-book.js';
import { scoreText } from './board.js';
import { metricName } from './goal-text.js';
import { context, limits, plain, section, type SlackMessage } from './text.js';

/** What every contest message says of the contest. Plain JSON: the kick-off's outbox payload. */
export type ContestCard = {
  name: string;
  metric: string;
  startsOn: string;
  endsOn: string;
  mode: ContestMode;
  prize: string | null;
  teams: string[];
};

/** The results post: the final standing's top lines and who won. Plain JSON, kept in the outbox. */
export type ContestResults = {
  card: ContestCard;
  lines: StandingLine[];
  /** Lines in the whole standing (more than `lines` past the post's cap). */
  total: number;
  /** The people a results post @mentions: the winning reps, or the winning teams' reps. */
  winnerPeople: string[];
};

/** Lines a channel post shows before "…and 37 others"; the reply to `/board contest` shows more. */
export const contestPostLines = 15;
export const contestReplyLines = 25;
const linesPerSection = 10;
/** Winners a results post @mentions; a winning team of hundreds is named, not paged. */
const maxMentioned = 40;

export function contestCard(view: Pick<ContestView, 'contest' | 'teams'>): ContestCard {
  const { name, metric, startsOn, endsOn, mode, prize } = view.contest;
  return { name, metric, startsOn, endsOn, mode, prize, teams: view.teams };
}

function metricText(tr: Translator, metric: string): string {
  return metric === 'points' ? tr.t('contest.metricPoints') : metricName(tr, metric);
}

function ruleText(tr: Translator, card: ContestCard): string {
  return tr.t(card.mode === 'teams' ? 'contest.ruleTeams' : 'contest.ruleReps', { metric: metricText(tr, card.metric) });
}

function whenText(tr: Translator, phase: ContestPhase): string {
  switch (phase.phase) {
    case 'upcoming':
      return tr.t('contest.startsIn', { count: phase.startsInDays });
    case 'running':
      return phase.daysLeft === 1 ? tr.t('contest.lastDay') : tr.t('contest.daysLeft', { count: phase.daysLeft });
    case 'ended':
      return tr.t('contest.ended');
  }
}

const prizeText = (tr: Translator, card: ContestCard) => (card.prize ? tr.t('contest.prizeShort', { prize: card.prize }) : '');

function lineText(tr: Translator, card: ContestCard, line: StandingLine, audience: 'reply' | 'channel'): string {
  const medal = line.rank <= 3 && line.score > 0 ? ['🥇', '🥈', '🥉'][line.rank - 1] : '';
  const who = card.mode === 'reps' && audience === 'reply' ? `<@${line.id}>` : escapeMrkdwn(line.name);
  return tr.t('board.line', {
    rank: `${medal}${line.tied ? tr.t('board.tiedRank', { rank: line.rank }) : line.rank}`,
    who,
    score: scoreText(tr, contestRanking(card.metric), line.score),
    details: '',
  });
}

/** The standing's lines, ten a section, with "…and N others" past `max`. */
function standingBlocks(tr: Translator, card: ContestCard, lines: readonly StandingLine[], total: number, max: number, audience: 'reply' | 'channel'): KnownBlock[] {
  const shown = lines.slice(0, max);
  const blocks: KnownBlock[] = [];
  for (let i = 0; i < shown.length; i += linesPerSection) {
    blocks.push(section(shown.slice(i, i + linesPerSection).map((line) => lineText(tr, card, line, audience)).join('\n')));
  }
  if (total > shown.length) blocks.push(context(tr.t('contest.others', { count: total - shown.length })));
  return blocks;
}

/** The reply to a new contest: what it is, and when its posts go. */
export function buildContestCreated(tr: Translator, view: ContestView): SlackMessage {
  const card = contestCard(view);
  const text = tr.t('contest.created', {
    name: card.name,
    rule: ruleText(tr, card),
    from: tr.date(card.startsOn),
    to: tr.date(card.endsOn),
    prize: prizeText(tr, card),
    teams: card.teams.join(', '),
    zone: view.contest.timeZone,
  });
  return { text, blocks: [section(text), context(tr.t('contest.createdHint'))] };
}

export function buildContestCancelled(tr: Translator, name: string): SlackMessage {
  const text = tr.t('contest.cancelled', { name });
  return { text, blocks: [section(text)] };
}

function listLine(tr: Translator, view: ContestView): string {
  const card = contestCard(view);
  return tr.t('contest.listLine', {
    name: card.name,
    metric: metricText(tr, card.metric),
    from: tr.date(card.startsOn),
    to: tr.date(card.endsOn),
    when: whenText(tr, view.phase),
    prize: prizeText(tr, card),
    teams: card.teams.join(', '),
    mode: card.mode === 'teams' ? tr.t('contest.modeTeams') : '',
  });
}

/** `/pacer contest list`: running and upcoming, then the last few ended. */
export function buildContestList(tr: Translator, list: ContestList): SlackMessage {
  if (list.current.length === 0 && list.ended.length === 0) {
    const text = tr.t('contest.listEmpty');
    return { text, blocks: [section(text)] };
  }
  const blocks: KnownBlock[] = [];
  // A workspace holds a handful of contests at once; ten a section keeps each well under 3,000 characters.
  const group = (title: string, views: readonly ContestView[]) => {
    for (let i = 0; i < views.length; i += linesPerSection) {
      blocks.push(section([...(i === 0 ? [title] : []), ...views.slice(i, i + linesPerSection).map((v) => listLine(tr, v))].join('\n')));
    }
  };
  if (list.current.length > 0) group(tr.t('contest.listCurrent'), list.current);
  else blocks.push(section(tr.t('contest.listNoneOn')));
  group(tr.t('contest.listEnded'), list.ended);
  return { text: tr.t('contest.listTitle'), blocks: blocks.slice(0, limits.messageBlocks) };
}

/** `/board contest`: the standing so far, days left, the prize; ties shown as ties. */
export function buildContestStanding(tr: Translator, standing: ContestStanding, alsoRunning: readonly string[]): SlackMessage {
  const card = contestCard(standing);
  const title = tr.t('contest.standingTitle', { name: card.name });
  const about = [ruleText(tr, card), tr.t('contest.dates', { from: tr.date(card.startsOn), to: tr.date(card.endsOn) }), whenText(tr, standing.phase)];
  if (card.prize) about.push(tr.t('contest.prize', { prize: card.prize }));
  const blocks: KnownBlock[] = [{ type: 'header', text: plain(title, limits.headerText) }, context(about.join(' · '), tr.t('contest.teamsLine', { teams: card.teams.join(', ') }))];
  if (standing.phase.phase === 'upcoming') blocks.push(section(tr.t('contest.notStarted', { date: tr.date(card.startsOn) })));
  else if (standing.lines.length === 0) blocks.push(section(tr.t('contest.nobodyYet')));
  else blocks.push(...standingBlocks(tr, card, standing.lines, standing.lines.length, contestReplyLines, 'reply'));
  if (alsoRunning.length > 0) blocks.push(context(tr.t('contest.alsoRunning', { names: alsoRunning.join(', ') })));
  return { text: title, blocks };
}

/** The kick-off in each team channel: the rules, the metric, the dates, the prize. */
export function buildContestKickOff(tr: Translator, card: ContestCard): SlackMessage {
  const title = tr.t('contest.kickOffTitle', { name: card.name });
  const details = [
    ruleText(tr, card),
    tr.t('contest.kickOffWhen', { from: tr.date(card.startsOn), to: tr.date(card.endsOn) }),
    tr.t('contest.kickOffTeams', { teams: card.teams.join(', ') }),
    ...(card.prize ? [tr.t('contest.kickOffPrize', { prize: card.prize })] : []),
  ];
  return { text: title, blocks: [{ type: 'header', text: plain(title, limits.headerText) }, section(details.join('\n')), context(tr.t('contest.kickOffHint'))] };
}

/** The results in each team channel: the winners @mentioned, the prize, the final standing. */
export function buildContestResults(tr: Translator, results: ContestResults): SlackMessage {
  const { card, lines } = results;
  const title = tr.t('contest.resultsTitle', { name: card.name });
  const winners = contestWinners(lines);
  const first = winners[0];
  const mentioned = results.winnerPeople.slice(0, maxMentioned).map((id) => `<@${id}>`);
  const more = results.winnerPeople.length - mentioned.length;
  const people = more > 0 ? `${mentioned.join(', ')} ${tr.t('contest.others', { count: more })}` : mentioned.join(', ');
  let headline: string;
  if (!first) headline = tr.t('contest.noWinner');
  else if (card.mode === 'teams') {
    const teams = winners.map((w) => `*${escapeMrkdwn(w.name)}*`).join(', ');
    headline = tr.t('contest.winnerTeams', { count: winners.length, teams, score: scoreText(tr, contestRanking(card.metric), first.score), people });
  } else headline = tr.t('contest.winnerReps', { count: winners.length, people, score: scoreText(tr, contestRanking(card.metric), first.score) });
  const prize = first && card.prize ? [tr.t('contest.kickOffPrize', { prize: card.prize })] : [];
  const blocks: KnownBlock[] = [
    { type: 'header', text: plain(title, limits.headerText) },
    section([headline, ...prize].join('\n')),
    context(ruleText(tr, card), tr.t('contest.dates', { from: tr.date(card.startsOn), to: tr.date(card.endsOn) })),
    ...standingBlocks(tr, card, lines, results.total, contestPostLines, 'channel'),
  ];
  return { text: title, blocks };
}
