import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { boardChartBars, buildBoard, postLines, replyLines } from '../../../blocks/board.js';
import { encodeBoardRequest, readBoardRequest } from '../../../src/slack/button-values.js';
import { translator } from '../../../src/i18n/index.js';
import type { Board, BoardLine } from '../../../src/services/leaderboard.js';
import { ids } from '../../../src/slack/ids.js';
import { violationsInEveryLanguage } from '../../support/block-kit-limits.js';

const tr = translator('en-US');

const line = (n: number, change: Partial<BoardLine> = {}): BoardLine => ({
  userId: `U${String(n).padStart(4, '0')}`,
  name: `Rep number ${n} with a rather long display name ${'x'.repeat(40)}`,
  rank: n,
  tied: false,
  score: 1000 - n,
  points: 1000 - n,
  counts: { call: 40, email: 120, demo: 3, meeting: 7 },
  revenue: 123_456,
  biggestDeal: 50_000,
  kudos: 2,
  streak: 4,
  ...change,
});

const board = (lines: BoardLine[], change: Partial<Board> = {}): Board => ({
  team: { id: '6f1c8a56-1d7e-4d55-9d3f-1f2b3c4d5e6f', name: 'East' },
  from: '2026-11-23',
  to: '2026-11-29',
  ranking: { by: 'points' },
  lines,
  winners: [
    { category: 'activity', userIds: ['U0001'], value: 170 },
    { category: 'revenue', userIds: ['U0001', 'U0002'], value: 123_456 },
    { category: 'streak', userIds: ['U0003'], value: 12 },
  ],
  unranked: 0,
  ...change,
});

const allText = (blocks: readonly KnownBlock[]) => JSON.stringify(blocks);

describe('buildBoard', () => {
  it('a team of 300 fits Block Kit limits in a post and in a reply, with "and N others"', () => {
    const lines = Array.from({ length: 300 }, (_, i) => line(i + 1));
    const post = buildBoard(tr, board(lines), { audience: 'channel', title: 'East · last week' });
    const reply = buildBoard(tr, board(lines), { audience: 'reply', title: 'Board', shareValue: 'x'.repeat(300) });
    expect(violationsInEveryLanguage((tr) => buildBoard(tr, board(lines), { audience: 'channel', title: 'East · last week' }))).toEqual({});
    expect(violationsInEveryLanguage((tr) => buildBoard(tr, board(lines), { audience: 'reply', title: 'Board', shareValue: 'x'.repeat(300) }))).toEqual({});
    expect(allText(post.blocks)).toContain(`and ${300 - postLines} others`);
    expect(allText(reply.blocks)).toContain(`and ${300 - replyLines} others`);
  });

  it('a post names ranked reps without pinging them and @mentions the shout-out winners', () => {
    const post = buildBoard(tr, board([line(1), line(2), line(3)]), { audience: 'channel', title: 't' });
    const text = allText(post.blocks);
    expect(text).toContain('Rep number 2');
    expect(text).not.toContain('<@U0002>,');
    expect(text).toContain('Most activity: <@U0001>');
    expect(text).toContain('Top revenue: <@U0001>, <@U0002>');
    expect(text).toContain('Longest streak: <@U0003> (12 working days)');
  });

  it('shows points, key numbers and ties', () => {
    const reply = buildBoard(tr, board([line(1, { rank: 1, tied: true, score: 42, points: 42 }), line(2, { rank: 1, tied: true, score: 42, points: 42 })]), {
      audience: 'reply',
      title: 't',
    });
    const text = allText(reply.blocks);
    expect(text).toContain('=1');
    expect(text).toContain('42 pts');
    expect(text).toContain('120 emails');
    expect(text).toContain('· 123,456');
    expect(text).toContain('<@U0001>');
  });

  it('an empty board says how to get on it; a goal ranking says who has no goal', () => {
    expect(allText(buildBoard(tr, board([], { winners: [] }), { audience: 'reply', title: 't' }).blocks)).toContain('Nobody has logged anything');
    const byGoal = buildBoard(tr, board([line(1, { score: 85 })], { ranking: { by: 'goal' }, unranked: 2 }), { audience: 'reply', title: 't' });
    expect(allText(byGoal.blocks)).toContain('85%');
    expect(allText(byGoal.blocks)).toContain('2 reps have no goal');
  });

  it('a reply carries the Share button; a post does not; names are escaped', () => {
    const reply = buildBoard(tr, board([line(1, { name: '<!channel> & co' })]), { audience: 'reply', title: 't', shareValue: 'v' });
    expect(reply.blocks.some((b) => b.type === 'actions' && b.block_id === ids.board.shareBlock)).toBe(true);
    const post = buildBoard(tr, board([line(1, { name: '<!channel> & co' })]), { audience: 'channel', title: 't' });
    expect(post.blocks.some((b) => b.type === 'actions')).toBe(false);
    expect(allText(post.blocks)).toContain('&lt;!channel&gt; &amp; co');
  });

  it('announces new badges with a mention', () => {
    const post = buildBoard(tr, board([line(1)]), { audience: 'channel', title: 't', badges: [{ userId: 'U0001', badge: 'first-deal', earnedFor: '2026-11-23' }] });
    expect(allText(post.blocks)).toContain('First deal · <@U0001>');
  });

  it('draws at most ten chart bars, with the score as their label', () => {
    const bars = boardChartBars(tr, board(Array.from({ length: 30 }, (_, i) => line(i + 1))));
    expect(bars).toHaveLength(10);
    expect(bars[0]).toMatchObject({ value: 999, label: '999 pts' });
  });
});

describe('the Share button value', () => {
  it('round-trips a request and refuses forged or inconsistent ones', () => {
    const request = { window: 'since' as const, since: '2026-02-01', ranking: { by: 'metric' as const, metric: 'call' }, salesTeamId: null };
    expect(readBoardRequest(encodeBoardRequest(request))).toEqual(request);
    expect(readBoardRequest(JSON.stringify({ v: 1, window: 'since', since: null, ranking: null, salesTeamId: null }))).toBeNull();
    expect(readBoardRequest('{"v":2}')).toBeNull();
    expect(readBoardRequest('not json')).toBeNull();
  });
});
