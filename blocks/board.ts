import type { ActionsBlock, KnownBlock } from '@slack/types';
import type { Badge } from '../src/domain/badges.js';
import type { BoardCategory, Ranking } from '../src/domain/board.js';
import { escapeMrkdwn, type Translator } from '../src/i18n/index.js';
import type { Board, BoardLine } from '../src/services/leaderboard.js';
import { ids } from '../src/slack/ids.js';
import { metricName } from './goal-text.js';
import { context, limits, mrkdwn, plain, section, type SlackMessage } from './text.js';

/** Lines a channel post shows before "…and 37 others"; the reply to `/board` shows more. */
export const postLines = 15;
export const replyLines = 25;
/** Lines per section: well under a section's 3,000 characters even with long names. */
const linesPerSection = 10;

export interface BoardView {
  /** A channel post names people without pinging each ranked rep; a reply mentions them. */
  audience: 'channel' | 'reply';
  title: string;
  /** The reply's "Share in channel" button value; none in a post. */
  shareValue?: string;
  /** New badges to announce (the weekly post). */
  badges?: readonly Badge[];
  /** Shown under the title: which team, who shared it. */
  subtitle?: string;
}

const money = new Set(['revenue']);

/** The score as the ranking reads it: "42 pts", "12 calls", "$12,000", "85%". */
export function scoreText(tr: Translator, ranking: Ranking, score: number): string {
  switch (ranking.by) {
    case 'points':
      return tr.t('board.points', { count: score, value: tr.number(score) });
    case 'goal':
      return tr.t('board.percent', { value: tr.number(score) });
    case 'metric':
      return money.has(ranking.metric) ? tr.money(score) : `${tr.number(score)} ${metricName(tr, ranking.metric, score)}`;
  }
}

function rankingText(tr: Translator, ranking: Ranking): string {
  if (ranking.by === 'points') return tr.t('board.rankedByPoints');
  if (ranking.by === 'goal') return tr.t('board.rankedByGoal');
  return tr.t('board.rankedByMetric', { metric: metricName(tr, ranking.metric) });
}

/** A rep's key numbers beside their score: their biggest counts and revenue. */
function details(tr: Translator, line: BoardLine, ranking: Ranking): string {
  const shown = Object.entries(line.counts)
    .filter(([key, n]) => n > 0 && !(ranking.by === 'metric' && ranking.metric === key))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([key, n]) => `${tr.number(n)} ${metricName(tr, key, n)}`);
  if (line.revenue > 0 && !(ranking.by === 'metric' && ranking.metric === 'revenue')) shown.push(tr.money(line.revenue));
  if (ranking.by !== 'points') shown.unshift(tr.t('board.points', { count: line.points, value: tr.number(line.points) }));
  return shown.length > 0 ? ` · ${shown.join(' · ')}` : '';
}

function who(line: Pick<BoardLine, 'userId' | 'name'>, audience: BoardView['audience']): string {
  return audience === 'reply' ? `<@${line.userId}>` : escapeMrkdwn(line.name);
}

function lineText(tr: Translator, line: BoardLine, board: Board, audience: BoardView['audience']): string {
  const medal = line.rank <= 3 ? ['🥇', '🥈', '🥉'][line.rank - 1] : '';
  return tr.t('board.line', {
    rank: `${medal}${line.tied ? tr.t('board.tiedRank', { rank: line.rank }) : line.rank}`,
    who: who(line, audience),
    score: scoreText(tr, board.ranking, line.score),
    details: details(tr, line, board.ranking),
  });
}

function winnerValue(tr: Translator, category: BoardCategory, value: number): string {
  switch (category) {
    case 'revenue':
    case 'biggestDeal':
      return tr.money(value);
    case 'satisfaction':
      return tr.number(value, 1);
    default:
      return tr.number(Math.round(value));
  }
}

/** Shout-outs @mention the winners: that is the point of them. */
function shoutOuts(tr: Translator, board: Board): string[] {
  return board.winners.map((winner) =>
    tr.t(`board.category.${winner.category}`, { who: winner.userIds.map((id) => `<@${id}>`).join(', '), value: winnerValue(tr, winner.category, winner.value) }),
  );
}

/**
 * A board as a message: title, ranking, top lines ("…and 37 others" past them), shout-outs and
 * new badges. A team of 300 fits: the lines are capped and each section holds ten.
 */
export function buildBoard(tr: Translator, board: Board, view: BoardView): SlackMessage {
  const shown = board.lines.slice(0, view.audience === 'channel' ? postLines : replyLines);
  const blocks: KnownBlock[] = [{ type: 'header', text: plain(view.title, limits.headerText) }];
  blocks.push(context([view.subtitle, rankingText(tr, board.ranking)].filter(Boolean).join(' · ')));
  if (board.lines.length === 0) {
    blocks.push(section(tr.t('board.empty')));
  } else {
    for (let i = 0; i < shown.length; i += linesPerSection) {
      blocks.push(section(shown.slice(i, i + linesPerSection).map((line) => lineText(tr, line, board, view.audience)).join('\n')));
    }
    const others = board.lines.length - shown.length;
    if (others > 0) blocks.push(context(tr.t('board.others', { count: others })));
  }
  if (board.unranked > 0) blocks.push(context(tr.t('board.noGoal', { count: board.unranked })));
  const shouts = shoutOuts(tr, board);
  if (shouts.length > 0) blocks.push({ type: 'divider' }, { type: 'section', text: mrkdwn([tr.t('board.winnersTitle'), ...shouts].join('\n')) });
  const badges = view.badges ?? [];
  if (badges.length > 0) {
    const badgeLines = badges.slice(0, 40).map((b) => tr.t('board.badgeLine', { badge: tr.t(`board.badge.${b.badge}`), who: `<@${b.userId}>` }));
    blocks.push({ type: 'section', text: mrkdwn([tr.t('board.badgesTitle'), ...badgeLines].join('\n')) });
  }
  if (view.shareValue) {
    const share: ActionsBlock = {
      type: 'actions',
      block_id: ids.board.shareBlock,
      elements: [{ type: 'button', action_id: ids.board.share, text: plain(tr.t('board.share'), limits.buttonText), value: view.shareValue }],
    };
    blocks.push(share);
  }
  return { text: view.title, blocks };
}

/** The chart's bars: the top ten by the board's score. */
export function boardChartBars(tr: Translator, board: Board): { name: string; value: number; label: string }[] {
  return board.lines.slice(0, 10).map((line) => ({ name: line.name, value: line.score, label: scoreText(tr, board.ranking, line.score) }));
}
