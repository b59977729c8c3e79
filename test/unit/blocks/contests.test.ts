import { describe, expect, it } from 'vitest';
import {
  buildContestCreated,
  buildContestKickOff,
  buildContestList,
  buildContestResults,
  buildContestStanding,
  contestCard,
  type ContestCard,
} from '../../../blocks/contests.js';
import type { Contest, StandingLine } from '../../../src/domain/contests.js';
import { translator } from '../../../src/i18n/index.js';
import type { ContestStanding, ContestView } from '../../../src/services/contest-book.js';
import { violationsInEveryLanguage } from '../../support/block-kit-limits.js';

const tr = translator('en-US');
const longName = 'A contest name of sixty characters, long as the parser allows';

const contest = (change: Partial<Contest> = {}): Contest => ({
  id: '6f1c8a56-1d7e-4d55-9d3f-1f2b3c4d5e6f',
  teamId: 'T1',
  name: 'December demo blitz',
  metric: 'demo',
  startsOn: '2026-12-01',
  endsOn: '2026-12-15',
  timeZone: 'Europe/Warsaw',
  mode: 'reps',
  prize: 'team dinner',
  salesTeamIds: ['t-east'],
  createdBy: 'UMAX',
  createdAt: new Date('2026-11-20T10:00:00Z'),
  ...change,
});

const reps = (count: number, score = (n: number) => 1000 - n): StandingLine[] =>
  Array.from({ length: count }, (_, i) => ({ id: `U${String(i + 1).padStart(4, '0')}`, name: `Rep ${i + 1} ${'<long>'.repeat(12)}`, rank: i + 1, tied: false, score: score(i + 1) }));

const standing = (lines: StandingLine[], change: Partial<ContestStanding> = {}): ContestStanding => ({
  contest: contest(),
  teams: ['East'],
  phase: { phase: 'running', daysLeft: 3 },
  lines,
  members: {},
  ...change,
});

const textOf = (message: { blocks: unknown[] }) => JSON.stringify(message.blocks);

describe('contest messages', () => {
  it('a 300-rep standing fits a reply: 25 lines, the rest counted, days left and the prize', () => {
    const message = buildContestStanding(tr, standing(reps(300)), ['Calls cup']);
    expect(violationsInEveryLanguage((tr) => buildContestStanding(tr, standing(reps(300)), ['Calls cup']))).toEqual({});
    const text = textOf(message);
    expect(text).toContain('🥇1. <@U0001> · *999 demos*');
    expect(text).toContain('25. <@U0025>');
    expect(text).not.toContain('<@U0026>');
    expect(text).toContain('…and 275 others');
    expect(text).toContain('3 days left');
    expect(text).toContain('Prize: team dinner');
    expect(text).toContain('Also running: Calls cup');
  });

  it('shows ties as ties, the last day, and a contest yet to start', () => {
    const tied: StandingLine[] = [
      { id: 'U1', name: 'Ann', rank: 1, tied: true, score: 4 },
      { id: 'U2', name: 'Bob', rank: 1, tied: true, score: 4 },
      { id: 'U3', name: 'Cy', rank: 3, tied: false, score: 1 },
    ];
    const text = textOf(buildContestStanding(tr, standing(tied, { phase: { phase: 'running', daysLeft: 1 } }), []));
    expect(text).toContain('🥇=1. <@U1> · *4 demos*');
    expect(text).toContain('🥇=1. <@U2> · *4 demos*');
    expect(text).toContain('🥉3. <@U3> · *1 demo*');
    expect(text).toContain('last day');
    expect(textOf(buildContestStanding(tr, standing([], { phase: { phase: 'upcoming', startsInDays: 2 } }), []))).toContain('starts in 2 days');
    expect(textOf(buildContestStanding(tr, standing([]), []))).toContain('Nobody has scored yet');
  });

  it('the results post of a 300-rep contest fits, @mentions the winners and names the prize', () => {
    const card: ContestCard = { ...contestCard({ contest: contest({ name: longName }), teams: ['East', 'West'] }) };
    const message = buildContestResults(tr, { card, lines: reps(15), total: 300, winnerPeople: ['U0001'] });
    expect(violationsInEveryLanguage((tr) => buildContestResults(tr, { card, lines: reps(15), total: 300, winnerPeople: ['U0001'] }))).toEqual({});
    const text = textOf(message);
    expect(text).toContain('The winner: <@U0001> with *999 demos*');
    expect(text).toContain('*Prize:* team dinner');
    expect(text).toContain('Rep 1 &lt;long&gt;');
    expect(text).toContain('…and 285 others');
  });

  it('a team contest’s results name the winning teams, tied, and thank their reps (capped)', () => {
    const card = contestCard({ contest: contest({ mode: 'teams', metric: 'points', prize: null }), teams: ['East', 'West'] });
    const lines: StandingLine[] = [
      { id: 't-east', name: 'East', rank: 1, tied: true, score: 12 },
      { id: 't-west', name: 'West', rank: 1, tied: true, score: 12 },
    ];
    const people = Array.from({ length: 300 }, (_, i) => `U${i}`);
    const message = buildContestResults(tr, { card, lines, total: 2, winnerPeople: people });
    expect(violationsInEveryLanguage((tr) => buildContestResults(tr, { card, lines, total: 2, winnerPeople: people }))).toEqual({});
    const text = textOf(message);
    expect(text).toContain('Tied for the win: *East*, *West*, each with *12 pts*');
    expect(text).toContain('…and 260 others');
    expect(text).not.toContain('Prize');
    const nobody = textOf(buildContestResults(tr, { card, lines: [{ ...lines[0]!, score: 0, tied: false }], total: 1, winnerPeople: [] }));
    expect(nobody).toContain('no winner');
  });

  it('the kick-off says the rules, metric, dates, teams and prize', () => {
    const message = buildContestKickOff(tr, contestCard({ contest: contest({ metric: 'revenue', mode: 'teams' }), teams: ['East', 'West'] }));
    expect(violationsInEveryLanguage((tr) => buildContestKickOff(tr, contestCard({ contest: contest({ metric: 'revenue', mode: 'teams' }), teams: ['East', 'West'] })))).toEqual({});
    const text = textOf(message);
    expect(text).toContain('Contest: December demo blitz');
    expect(text).toContain('Team against team');
    expect(text).toContain('revenue');
    expect(text).toContain('Dec 1 to Dec 15');
    expect(text).toContain('*Teams:* East, West');
    expect(text).toContain('*Prize:* team dinner');
  });

  it('the list shows running and upcoming, then ended; the reply to a new contest says when its posts go', () => {
    const view = (change: Partial<Contest>, phase: ContestView['phase']): ContestView => ({ contest: contest(change), teams: ['East'], phase });
    const list = buildContestList(tr, {
      current: [view({}, { phase: 'running', daysLeft: 3 }), view({ name: 'Q1 calls', metric: 'call', prize: null }, { phase: 'upcoming', startsInDays: 1 })],
      ended: [view({ name: 'November push' }, { phase: 'ended' })],
    });
    expect(
      violationsInEveryLanguage((tr) => 
        buildContestList(tr, {
          current: [view({}, { phase: 'running', daysLeft: 3 }), view({ name: 'Q1 calls', metric: 'call', prize: null }, { phase: 'upcoming', startsInDays: 1 })],
          ended: [view({ name: 'November push' }, { phase: 'ended' })],
        }),
      ),
    ).toEqual({});
    const text = textOf(list);
    expect(text.indexOf('December demo blitz')).toBeLessThan(text.indexOf('Q1 calls'));
    expect(text).toContain('starts tomorrow');
    expect(text.indexOf('Q1 calls')).toBeLessThan(text.indexOf('November push'));
    expect(textOf(buildContestList(tr, { current: [], ended: [] }))).toContain('No contests yet');
    const created = textOf(buildContestCreated(tr, view({}, { phase: 'upcoming', startsInDays: 1 })));
    expect(created).toContain('Contest *December demo blitz* is set');
    expect(created).toContain('09:00 (Europe/Warsaw)');
  });
});
