import { describe, expect, it } from 'vitest';
import { defaultActivityTypes } from '../../../src/domain/activity-types.js';
import { tokenize } from '../../../src/domain/command-text.js';
import { parseContestCommand } from '../../../src/domain/contest-command.js';
import {
  checkContestNameFree,
  checkContestNotOver,
  contestPhase,
  contestSpanSoFar,
  contestTeams,
  contestTimeZone,
  contestWinners,
  finalWindow,
  isDue,
  kickOffWindow,
  mayCancelContest,
  rankStanding,
  readContestDates,
  readContestMetric,
  teamTotals,
} from '../../../src/domain/contests.js';
import { parsePacerCommand } from '../../../src/domain/pacer-command.js';
import type { Roles } from '../../../src/domain/roles.js';
import { defaultBoardSchedule, defaultDigestSchedule } from '../../../src/domain/team-schedules.js';
import type { SalesTeam } from '../../../src/domain/sales-teams.js';
import { PacerError } from '../../../src/errors.js';

const parse = (text: string) => parseContestCommand(tokenize(text));
const codeOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    if (error instanceof PacerError) return error.code;
    throw error;
  }
  return 'no error';
};

const team = (id: string, name: string, members: string[], timeZone: string | null = null): SalesTeam => ({
  id,
  name,
  channelId: `C${name.toUpperCase()}`,
  digestChannelId: null,
  organisedBy: 'territory',
  timeZone,
  weekStartsOn: 1,
  estimatesPerQuotaUnit: 3,
  leadRules: null,
  board: defaultBoardSchedule,
  ranking: { by: 'points' },
  digest: defaultDigestSchedule,
  managers: [],
  members,
});
const east = team('t-east', 'East', ['U1', 'U2'], 'Europe/Warsaw');
const west = team('t-west', 'West', ['U2', 'U3'], 'America/Chicago');
const north = team('t-north', 'North', ['U4']);
const all = [east, north, west];
const roles = (change: Partial<Roles>): Roles => ({ userId: 'UME', isAdmin: false, manages: [], memberOf: [], ...change });

describe('parsing /pacer contest', () => {
  it('reads a contest with its name, metric, dates, prize, mode and teams, the parts after the name in any order', () => {
    expect(parse('"December demo blitz" demos 2026-12-01..2026-12-15 prize "team dinner"')).toEqual({
      action: 'contest.create',
      request: { name: 'December demo blitz', metricWord: 'demos', startsOn: '2026-12-01', endsOn: '2026-12-15', prize: 'team dinner', mode: 'reps', teams: [] },
    });
    expect(parse('“Calls cup” 2026-12-01..2026-12-02 teams calls team East team "West Coast"')).toMatchObject({
      request: { name: 'Calls cup', metricWord: 'calls', mode: 'teams', teams: ['East', 'West Coast'], prize: null },
    });
    expect(parse('Blitz revenue 2026-12-01..2026-12-01')).toMatchObject({ request: { name: 'Blitz', metricWord: 'revenue', startsOn: '2026-12-01', endsOn: '2026-12-01' } });
  });

  it('reads list (also bare) and cancel', () => {
    expect(parse('')).toEqual({ action: 'contest.list' });
    expect(parse('list')).toEqual({ action: 'contest.list' });
    expect(parse('cancel "December demo blitz"')).toEqual({ action: 'contest.cancel', name: 'December demo blitz' });
    expect(parse('cancel December demo blitz')).toEqual({ action: 'contest.cancel', name: 'December demo blitz' });
    expect(parsePacerCommand('contest list')).toEqual({ action: 'contest.list' });
    expect(parsePacerCommand('contests')).toEqual({ action: 'contest.list' });
  });

  it.each([
    ['"Blitz" demos', 'contest_usage'],
    ['"Blitz" 2026-12-01..2026-12-15', 'contest_usage'],
    ['"Blitz" demos calls 2026-12-01..2026-12-15', 'contest_usage'],
    ['"Blitz" demos 2026-12-15..2026-12-01', 'contest_dates_order'],
    ['"Blitz" demos 2026-12-01..2026-13-01', 'contest_dates'],
    ['"Blitz" demos 1.12..15.12', 'contest_dates'],
    ['"Blitz" demos 2026-12-01..2027-03-03', 'contest_too_long'],
    [`"${'x'.repeat(61)}" demos 2026-12-01..2026-12-15`, 'contest_name'],
    ['"" demos 2026-12-01..2026-12-15', 'contest_name'],
    [`"Blitz" demos 2026-12-01..2026-12-15 prize "${'p'.repeat(101)}"`, 'contest_prize'],
    ['"Blitz" demos 2026-12-01..2026-12-15 team', 'contest_usage'],
    ['cancel', 'contest_name'],
  ])('refuses %s with %s', (text, code) => {
    expect(codeOf(() => parse(text))).toBe(code);
  });

  it('allows 92 days and a name of 60 characters, no more', () => {
    expect(readContestDates('2026-12-01..2027-03-02')).toEqual({ startsOn: '2026-12-01', endsOn: '2027-03-02' });
    expect(codeOf(() => readContestDates('2026-12-01..2027-03-03'))).toBe('contest_too_long');
    expect(parse(`"${'n'.repeat(60)}" demos 2026-12-01..2026-12-02`)).toMatchObject({ action: 'contest.create' });
  });

  it('reads the metric with the workspace’s types: points, revenue or an active type; never goal attainment', () => {
    expect(readContestMetric('points', defaultActivityTypes)).toBe('points');
    expect(readContestMetric('Revenue', defaultActivityTypes)).toBe('revenue');
    expect(readContestMetric('demos', defaultActivityTypes)).toBe('demo');
    expect(readContestMetric('calls', defaultActivityTypes)).toBe('call');
    expect(codeOf(() => readContestMetric('goal', defaultActivityTypes))).toBe('contest_metric');
    expect(codeOf(() => readContestMetric('hugs', defaultActivityTypes))).toBe('contest_metric');
  });

  it('refuses a contest whose last day is already past, and a name a contest still on holds', () => {
    expect(codeOf(() => checkContestNotOver('2026-12-02', '2026-12-03'))).toBe('contest_over');
    expect(codeOf(() => checkContestNotOver('2026-12-03', '2026-12-03'))).toBe('no error');
    expect(codeOf(() => checkContestNameFree('december BLITZ', [{ name: 'December blitz' }]))).toBe('contest_name_taken');
    expect(codeOf(() => checkContestNameFree('Other', [{ name: 'December blitz' }]))).toBe('no error');
  });
});

describe('who runs a contest, for which teams', () => {
  it('a manager: the teams they manage by default, or those named among them', () => {
    const max = roles({ manages: ['t-east', 't-west'] });
    expect(contestTeams(max, all, [], 'reps').map((t) => t.name)).toEqual(['East', 'West']);
    expect(contestTeams(max, all, ['west'], 'reps').map((t) => t.name)).toEqual(['West']);
    expect(codeOf(() => contestTeams(max, all, ['North'], 'reps'))).toBe('contest_not_your_team');
    expect(codeOf(() => contestTeams(max, all, ['South'], 'reps'))).toBe('team_not_found');
  });

  it('reps are refused; an admin picks any team and must name one when managing none', () => {
    expect(codeOf(() => contestTeams(roles({ memberOf: ['t-east'] }), all, [], 'reps'))).toBe('contest_managers_only');
    expect(codeOf(() => contestTeams(roles({ memberOf: ['t-east'] }), all, ['East'], 'reps'))).toBe('contest_managers_only');
    const mia = roles({ isAdmin: true });
    expect(codeOf(() => contestTeams(mia, all, [], 'reps'))).toBe('contest_name_a_team');
    expect(contestTeams(mia, all, ['North', 'East', 'north'], 'teams').map((t) => t.name)).toEqual(['North', 'East']);
  });

  it('team against team needs two teams', () => {
    expect(codeOf(() => contestTeams(roles({ manages: ['t-east'] }), all, [], 'teams'))).toBe('contest_teams_need_two');
  });

  it('takes its zone from the first team, else the creator', () => {
    expect(contestTimeZone([west, east], 'Europe/Berlin')).toBe('America/Chicago');
    expect(contestTimeZone([north, east], 'Europe/Berlin')).toBe('Europe/Berlin');
  });

  it('is cancelled by its creator, a manager of one of its teams or an admin', () => {
    const contest = { createdBy: 'UMAX', salesTeamIds: ['t-east', 't-west'] };
    expect(mayCancelContest(roles({ userId: 'UMAX' }), contest)).toBe(true);
    expect(mayCancelContest(roles({ manages: ['t-west'] }), contest)).toBe(true);
    expect(mayCancelContest(roles({ isAdmin: true }), contest)).toBe(true);
    expect(mayCancelContest(roles({ manages: ['t-north'], memberOf: ['t-east'] }), contest)).toBe(false);
  });
});

describe('standings', () => {
  it('ranks reps by score with ties sharing a rank, leaving out reps with nothing yet', () => {
    const lines = rankStanding(
      [
        { id: 'U1', name: 'Rita', score: 5 },
        { id: 'U2', name: 'Bob', score: 7 },
        { id: 'U3', name: 'Ann', score: 5 },
        { id: 'U4', name: 'Zed', score: 1 },
        { id: 'U5', name: 'Nil', score: 0 },
      ],
      false,
    );
    expect(lines.map((l) => [l.name, l.rank, l.tied])).toEqual([
      ['Bob', 1, false],
      ['Ann', 2, true],
      ['Rita', 2, true],
      ['Zed', 4, false],
    ]);
    expect(contestWinners(lines).map((l) => l.id)).toEqual(['U2']);
  });

  it('sums each team’s reps (a rep in two teams counts for each), keeping teams at zero, and ties winners', () => {
    const scores = new Map([['U1', 3], ['U2', 4], ['U3', 3]]);
    const totals = teamTotals([east, west, north], scores);
    expect(totals).toEqual([
      { id: 't-east', name: 'East', score: 7 },
      { id: 't-west', name: 'West', score: 7 },
      { id: 't-north', name: 'North', score: 0 },
    ]);
    const lines = rankStanding(totals, true);
    expect(lines.map((l) => [l.name, l.rank, l.tied])).toEqual([
      ['East', 1, true],
      ['West', 1, true],
      ['North', 3, false],
    ]);
    expect(contestWinners(lines).map((l) => l.name)).toEqual(['East', 'West']);
    expect(contestWinners(rankStanding([{ id: 'x', name: 'X', score: 0 }], true))).toEqual([]);
  });
});

describe('a contest’s days and posts', () => {
  const contest = { startsOn: '2026-12-01', endsOn: '2026-12-15', timeZone: 'Europe/Warsaw', createdAt: new Date('2026-11-20T10:00:00Z') };

  it('knows days to the start, days left (today counted) and the end', () => {
    expect(contestPhase(contest, '2026-11-30')).toEqual({ phase: 'upcoming', startsInDays: 1 });
    expect(contestPhase(contest, '2026-12-01')).toEqual({ phase: 'running', daysLeft: 15 });
    expect(contestPhase(contest, '2026-12-15')).toEqual({ phase: 'running', daysLeft: 1 });
    expect(contestPhase(contest, '2026-12-16')).toEqual({ phase: 'ended' });
  });

  it('counts from its first local day up to now, or to its end once over', () => {
    expect(contestSpanSoFar(contest, new Date('2026-12-05T12:00:00Z'))).toEqual({ start: new Date('2026-11-30T23:00:00Z'), end: new Date('2026-12-05T12:00:00Z') });
    expect(contestSpanSoFar(contest, new Date('2027-01-05T12:00:00Z')).end).toEqual(new Date('2026-12-15T23:00:00Z'));
    expect(contestSpanSoFar(contest, new Date('2026-11-25T12:00:00Z')).end).toEqual(new Date('2026-11-30T23:00:00Z'));
  });

  it('kicks off on the first day at 09:00 in its zone, while it runs; the results the day after the last, for a week', () => {
    const kickOff = kickOffWindow(contest);
    expect(kickOff).toEqual({ from: new Date('2026-12-01T08:00:00Z'), until: new Date('2026-12-15T23:00:00Z') });
    expect(isDue(kickOff, new Date('2026-12-01T07:59:00Z'))).toBe(false);
    expect(isDue(kickOff, new Date('2026-12-10T07:59:00Z'))).toBe(true);
    expect(isDue(kickOff, new Date('2026-12-16T00:00:00Z'))).toBe(false);
    const results = finalWindow(contest);
    expect(results).toEqual({ from: new Date('2026-12-16T08:00:00Z'), until: new Date('2026-12-23T08:00:00Z') });
  });

  it('kicks off at once when created after its start, and never more than 30 days late (claims are kept 45)', () => {
    const late = { ...contest, startsOn: '2026-10-01', endsOn: '2026-12-31', createdAt: new Date('2026-11-20T10:00:00Z') };
    expect(kickOffWindow(late)).toEqual({ from: new Date('2026-11-20T10:00:00Z'), until: new Date('2026-12-20T10:00:00Z') });
  });
});
