import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { stringify } from 'csv-stringify/sync';
import {
  activityColumns, activityRow, csvCells, exportScope, exportSpan, goalColumns, goalInRange, goalRow, guardFormula, leadColumns, leadRow, readExportDates,
  type Cell, type ScopeTeam,
} from '../../../src/domain/data-export.js';
import type { Goal } from '../../../src/domain/goals.js';
import type { Lead } from '../../../src/domain/leads.js';
import type { Roles } from '../../../src/domain/roles.js';
import type { PacerError } from '../../../src/errors.js';

describe('guardFormula', () => {
  it.each([
    ['=HYPERLINK("x")', `'=HYPERLINK("x")`],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['Acme = good', 'Acme = good'],
    ['', ''],
    ["'quoted", "'quoted"],
    // Spreadsheets skip leading blanks and read full-width signs as the ASCII ones.
    [' =1+1', "' =1+1"],
    ['  \t@SUM(A1)', "'  \t@SUM(A1)"],
    ['\r\n+1', "'\r\n+1"],
    ['\t', "'\t"],
    ['＝HYPERLINK("x")', `'＝HYPERLINK("x")`],
    ['＋1', "'＋1"],
    ['－2', "'－2"],
    ['＠SUM(A1)', "'＠SUM(A1)"],
    ['\u3000＝1', "'\u3000＝1"],
    [' Acme', ' Acme'],
    ['Acme ＝ good', 'Acme ＝ good'],
  ])('%j becomes %j', (cell, expected) => {
    expect(guardFormula(cell)).toBe(expected);
  });
});

const thrown = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return { code: (error as PacerError).code, vars: (error as PacerError).vars };
  }
  return undefined;
};

describe('export dates', () => {
  const now = new Date('2026-11-25T23:30:00Z');

  it('default to the first of this month up to today in the time zone', () => {
    // 23:30 UTC on the 25th is already the 26th in Warsaw.
    expect(exportSpan({ from: null, to: null }, now, 'Europe/Warsaw')).toEqual({
      from: '2026-11-01',
      to: '2026-11-26',
      span: { start: new Date('2026-10-31T23:00:00Z'), end: new Date('2026-11-26T23:00:00Z') },
    });
  });

  it('are both inclusive', () => {
    expect(exportSpan({ from: '2026-11-03', to: '2026-11-03' }, now, 'America/New_York').span).toEqual({
      start: new Date('2026-11-03T05:00:00Z'),
      end: new Date('2026-11-04T05:00:00Z'),
    });
  });

  it('cover at most a year: a refusal names the two halves to ask for instead', () => {
    expect(exportSpan({ from: '2025-01-01', to: '2025-12-31' }, now, 'UTC').to).toBe('2025-12-31');
    expect(exportSpan({ from: '2024-03-01', to: '2025-02-28' }, now, 'UTC').from).toBe('2024-03-01');
    expect(thrown(() => exportSpan({ from: '2025-01-01', to: '2026-01-01' }, now, 'UTC'))).toEqual({
      code: 'pacer_export_too_long', vars: { from: '2025-01-01', to: '2026-01-01', firstEnd: '2025-12-31', nextStart: '2026-01-01' },
    });
    // From a date with no `to`: up to today, which may be more than a year on.
    expect(thrown(() => exportSpan({ from: '2024-02-29', to: null }, now, 'UTC'))).toMatchObject({ code: 'pacer_export_too_long', vars: { firstEnd: '2025-02-27', nextStart: '2025-02-28' } });
  });

  it('refuse a range that runs backwards', () => {
    expect(thrown(() => exportSpan({ from: '2026-11-10', to: '2026-11-01' }, now, 'UTC'))).toEqual({ code: 'pacer_export_dates_reversed', vars: { from: '2026-11-10', to: '2026-11-01' } });
  });

  it.each([[['2026-02-30']], [['11/01/2026']], [['2026-11-01', 'today']], [['2026-11-01', '2026-11-02', '2026-11-03']]])('refuse %j', (words) => {
    expect(thrown(() => readExportDates(words))?.code).toBe('pacer_export_dates_invalid');
  });

  it('read from and to', () => {
    expect(readExportDates(['2026-11-01', '2026-11-30'])).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(readExportDates([])).toEqual({ from: null, to: null });
  });
});

describe('exportScope', () => {
  const joinedEast = new Date('2026-11-10T09:00:00Z');
  const joinedWest = new Date('2026-10-01T09:00:00Z');
  const east: ScopeTeam = { id: 'east', managers: ['MAX'], members: ['RITA', 'BOB'], joined: new Map([['RITA', joinedEast], ['BOB', joinedEast]]) };
  const west: ScopeTeam = { id: 'west', managers: ['WES'], members: ['ZOE', 'BOB'], joined: new Map([['ZOE', joinedWest], ['BOB', joinedWest]]) };
  const roles = (userId: string, more: Partial<Roles> = {}): Roles => ({ userId, isAdmin: false, manages: [], memberOf: [], ...more });
  const all = (...ids: string[]) => ids.map((userId) => ({ userId, since: null }));

  it.each([
    ['a rep: their own rows and their teams’ goals', roles('RITA', { memberOf: ['east'] }), null, { people: all('RITA'), teamIds: ['east'], company: true }],
    [
      'a manager: their own rows, and their teams’ reps’ from the day each joined',
      roles('MAX', { manages: ['east'] }), null,
      { people: [{ userId: 'MAX', since: null }, { userId: 'RITA', since: joinedEast }, { userId: 'BOB', since: joinedEast }], teamIds: ['east'], company: true },
    ],
    [
      'a manager of two teams a rep is in: from the earlier day',
      roles('MAX', { manages: ['east', 'west'] }), null,
      { people: [{ userId: 'MAX', since: null }, { userId: 'RITA', since: joinedEast }, { userId: 'BOB', since: joinedWest }, { userId: 'ZOE', since: joinedWest }], teamIds: ['east', 'west'], company: true },
    ],
    ['an admin: everything', roles('MIA', { isAdmin: true }), null, { people: 'everyone', teamIds: 'all', company: true }],
    ['an admin narrowed to West: everyone in it, from the start', roles('MIA', { isAdmin: true }), west, { people: all('WES', 'ZOE', 'BOB'), teamIds: ['west'], company: false }],
    [
      'a manager narrowed to their team',
      roles('MAX', { manages: ['east'] }), east,
      { people: [{ userId: 'MAX', since: null }, { userId: 'RITA', since: joinedEast }, { userId: 'BOB', since: joinedEast }], teamIds: ['east'], company: false },
    ],
    ['a rep narrowed to their team', roles('RITA', { memberOf: ['east'] }), east, { people: all('RITA'), teamIds: ['east'], company: false }],
  ] as const)('%s', (_what, actor, only, expected) => {
    expect(exportScope(actor, [east, west], only)).toEqual(expected);
  });

  it('keeps a manager’s own rows whole though they are a rep of the team they lead', () => {
    const mixed: ScopeTeam = { id: 'east', managers: ['MAX'], members: ['MAX', 'RITA'], joined: new Map([['MAX', joinedEast], ['RITA', joinedEast]]) };
    expect(exportScope(roles('MAX', { manages: ['east'], memberOf: ['east'] }), [mixed], null).people).toEqual([{ userId: 'MAX', since: null }, { userId: 'RITA', since: joinedEast }]);
  });
});

describe('CSV shaping', () => {
  /** The file as the export writes it: the header, then each row's cells. */
  const csv = (header: readonly string[], rows: readonly Cell[][]) => parse(stringify([csvCells(header), ...rows.map(csvCells)]));

  it('writes activities with a header, ISO times, names and guarded cells', () => {
    const names = new Map([['U1', 'Rita Rep']]);
    const rows = [
      { occurredAt: new Date('2026-11-02T08:30:00.250Z'), userId: 'U1', typeKey: 'call', count: 5, amount: null, points: 5, lead: null, productLine: null, note: 'line one\nline two' },
      { occurredAt: new Date('2026-11-05T10:00:00Z'), userId: 'U2', typeKey: 'deal', count: 1, amount: 12000.5, points: 10, lead: 'Acme, Inc.', productLine: 'widgets', note: '=HYPERLINK("x")' },
    ].map((a) => activityRow(a, names));
    expect(csv(activityColumns, rows)).toEqual([
      ['occurred_at', 'slack_user_id', 'member_name', 'type', 'count', 'amount', 'points', 'lead', 'product_line', 'note'],
      ['2026-11-02T08:30:00.250Z', 'U1', 'Rita Rep', 'call', '5', '', '5', '', '', 'line one\nline two'],
      ['2026-11-05T10:00:00.000Z', 'U2', '', 'deal', '1', '12000.5', '10', 'Acme, Inc.', 'widgets', `'=HYPERLINK("x")`],
    ]);
  });

  it('writes goals with team names, custom dates and product lines', () => {
    const goal = (more: Partial<Goal>): Goal => ({ id: 'g', ownerType: 'rep', ownerId: 'U1', metric: 'calls', target: 40, period: { kind: 'week' }, productLine: '', note: null, setBy: 'U1', derivedFromId: null, ...more });
    const teamNames = new Map([['east-id', 'East']]);
    const rows = [
      goal({}),
      goal({ ownerType: 'team', ownerId: 'east-id', metric: 'revenue', target: 200000.5, period: { kind: 'custom', startsOn: '2026-12-01', endsOn: '2026-12-20' }, productLine: 'widgets', note: '+ more', setBy: 'MAX' }),
      goal({ ownerType: 'company', ownerId: 'company', period: { kind: 'quarter' }, setBy: 'MIA' }),
      goal({ metric: 'value:estimate', target: 90000, period: { kind: 'month' }, productLine: 'widgets', derivedFromId: 'quota-id' }),
    ].map((g) => goalRow(g, teamNames));
    expect(csv(goalColumns, rows)).toEqual([
      ['owner_type', 'owner', 'metric', 'target', 'period', 'starts_on', 'ends_on', 'product_line', 'note', 'set_by', 'follows_quota'],
      ['rep', 'U1', 'calls', '40', 'week', '', '', '', '', 'U1', ''],
      ['team', 'East', 'revenue', '200000.5', 'custom', '2026-12-01', '2026-12-20', 'widgets', "'+ more", 'MAX', ''],
      ['company', 'company', 'calls', '40', 'quarter', '', '', '', '', 'MIA', ''],
      ['rep', 'U1', 'value:estimate', '90000', 'month', '', '', 'widgets', '', 'U1', 'yes'],
    ]);
  });

  it('writes leads under their owner, with ISO times, local follow-up dates and guarded cells', () => {
    const lead = (more: Partial<Lead>): Lead => ({
      id: 'l', teamId: 'T1', ownerId: 'U1', name: 'Acme Corp', account: 'Acme Corp', value: null, productLine: null, source: 'own', stage: 'new',
      lostReason: null, wonAmount: null, closedAt: null, lastTouchedAt: new Date('2026-11-03T09:00:00Z'), nextFollowUpOn: null,
      checkedBackAt: null, satisfaction: null, complaint: null, createdAt: new Date('2026-11-02T08:30:00.250Z'), ...more,
    });
    const names = new Map([['U1', 'Rita Rep']]);
    const rows = [
      lead({ stage: 'qualified', nextFollowUpOn: '2026-11-27' }),
      lead({ name: 'Initech', account: 'Initech', stage: 'lost', lostReason: '@price', closedAt: new Date('2026-11-10T12:00:00Z'), createdAt: new Date('2026-11-04T00:00:00Z') }),
      lead({
        ownerId: 'U2', name: '=Globex', account: 'Globex, Inc.', value: 12000.5, productLine: 'widgets', source: 'company', stage: 'won',
        closedAt: new Date('2026-11-20T16:00:00Z'), wonAmount: 11500, satisfaction: 4, complaint: '-late delivery', createdAt: new Date('2026-11-05T10:00:00Z'),
      }),
    ].map((l) => leadRow(l, names));
    expect(csv(leadColumns, rows)).toEqual([
      ['created_at', 'slack_user_id', 'member_name', 'lead', 'account', 'stage', 'value', 'product_line', 'source', 'next_follow_up', 'last_touched_at', 'closed_at', 'won_amount', 'lost_reason', 'satisfaction', 'complaint'],
      ['2026-11-02T08:30:00.250Z', 'U1', 'Rita Rep', 'Acme Corp', 'Acme Corp', 'qualified', '', '', 'own', '2026-11-27', '2026-11-03T09:00:00.000Z', '', '', '', '', ''],
      ['2026-11-04T00:00:00.000Z', 'U1', 'Rita Rep', 'Initech', 'Initech', 'lost', '', '', 'own', '', '2026-11-03T09:00:00.000Z', '2026-11-10T12:00:00.000Z', '', "'@price", '', ''],
      ['2026-11-05T10:00:00.000Z', 'U2', '', "'=Globex", 'Globex, Inc.', 'won', '12000.5', 'widgets', 'company', '', '2026-11-03T09:00:00.000Z', '2026-11-20T16:00:00.000Z', '11500', '', '4', "'-late delivery"],
    ]);
  });

  it('keeps recurring goals and custom goals that meet the range', () => {
    expect(goalInRange({ period: { kind: 'month' } }, '2026-11-01', '2026-11-30')).toBe(true);
    expect(goalInRange({ period: { kind: 'custom', startsOn: '2026-11-30', endsOn: '2026-12-05' } }, '2026-11-01', '2026-11-30')).toBe(true);
    expect(goalInRange({ period: { kind: 'custom', startsOn: '2026-12-01', endsOn: '2026-12-05' } }, '2026-11-01', '2026-11-30')).toBe(false);
  });
});
