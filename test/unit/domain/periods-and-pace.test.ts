import { describe, expect, it } from 'vitest';
import { computePace } from '../../../src/domain/pace.js';
import { elapsedWorkingShare, periodSpan } from '../../../src/domain/periods.js';

const iso = (d: Date) => d.toISOString();

describe('periodSpan', () => {
  it.each([
    // Wednesday 25 Nov 2026, 12:00 in Warsaw (UTC+1): the week began Monday 00:00 local.
    ['week', 'Europe/Warsaw', '2026-11-25T11:00:00Z', '2026-11-22T23:00:00.000Z', '2026-11-29T23:00:00.000Z'],
    ['month', 'America/New_York', '2026-11-25T11:00:00Z', '2026-11-01T04:00:00.000Z', '2026-12-01T05:00:00.000Z'],
    ['quarter', 'UTC', '2026-11-25T11:00:00Z', '2026-10-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z'],
    // Just before midnight Sunday in Tokyo is already Monday: the new week.
    ['week', 'Asia/Tokyo', '2026-11-29T15:30:00Z', '2026-11-29T15:00:00.000Z', '2026-12-06T15:00:00.000Z'],
  ] as const)('%s in %s at %s', (kind, zone, now, start, end) => {
    const span = periodSpan({ kind }, new Date(now), zone);
    expect([iso(span.start), iso(span.end)]).toEqual([start, end]);
  });

  it('a custom period covers both dates whole, in the owner’s zone', () => {
    const span = periodSpan({ kind: 'custom', startsOn: '2026-12-01', endsOn: '2026-12-20' }, new Date(), 'Europe/Warsaw');
    expect([iso(span.start), iso(span.end)]).toEqual(['2026-11-30T23:00:00.000Z', '2026-12-20T23:00:00.000Z']);
  });

  it('the week clocks go back in Europe is 169 hours long, and still one week', () => {
    // Clocks go back on Sunday 25 Oct 2026 in Europe.
    const span = periodSpan({ kind: 'week' }, new Date('2026-10-21T10:00:00Z'), 'Europe/Warsaw');
    expect((span.end.getTime() - span.start.getTime()) / 3_600_000).toBe(169);
  });
});

describe('elapsedWorkingShare', () => {
  const week = (now: string, zone = 'Europe/Warsaw') => periodSpan({ kind: 'week' }, new Date(now), zone);

  it.each([
    ['Monday 00:00', '2026-11-22T23:00:00Z', 0],
    ['Wednesday noon', '2026-11-25T11:00:00Z', 0.5],
    ['Friday end of day', '2026-11-27T23:00:00Z', 1],
    ['Saturday', '2026-11-28T12:00:00Z', 1],
    ['Tuesday 06:00', '2026-11-24T05:00:00Z', 1.25 / 5],
  ])('%s in Warsaw', (_label, now, share) => {
    expect(elapsedWorkingShare(week(now), new Date(now), 'Europe/Warsaw')).toBeCloseTo(share, 6);
  });

  it('counts days in the rep’s own zone: Wednesday noon in New York is later than in Warsaw', () => {
    const now = '2026-11-25T17:00:00Z';
    expect(elapsedWorkingShare(week(now, 'America/New_York'), new Date(now), 'America/New_York')).toBeCloseTo(0.5, 6);
  });

  it('a 25-hour DST day weighs one working day, split by its own length', () => {
    // America/New_York falls back on Sunday 1 Nov 2026; Monday 2 Nov is ordinary, so use a custom span over the Sunday.
    const span = periodSpan({ kind: 'custom', startsOn: '2026-11-01', endsOn: '2026-11-01' }, new Date(), 'America/New_York');
    const halfway = new Date(span.start.getTime() + 12.5 * 3_600_000);
    expect(elapsedWorkingShare(span, halfway, 'America/New_York')).toBeCloseTo(0.5, 6);
  });

  it('the spring-forward week in the US still expects the full target by Friday night', () => {
    const now = '2026-03-07T04:59:00Z'; // Friday 6 Mar, 23:59 in New York; DST starts on Sunday 8 Mar
    const span = periodSpan({ kind: 'week' }, new Date(now), 'America/New_York');
    expect(elapsedWorkingShare(span, new Date(now), 'America/New_York')).toBeCloseTo(1 - 1 / 60 / 24 / 5, 4);
  });
});

describe('computePace', () => {
  const span = periodSpan({ kind: 'week' }, new Date('2026-11-25T11:00:00Z'), 'Europe/Warsaw');
  const pace = (actual: number, now = '2026-11-25T11:00:00Z') =>
    computePace({ actual, target: 40, span, now: new Date(now), timeZone: 'Europe/Warsaw' });

  it('expects 20 of 40 by Wednesday noon', () => {
    expect(pace(20)).toMatchObject({ expected: 20, status: 'on_pace', gap: 0 });
  });

  it.each([
    [8, 'behind'],
    [15, 'at_risk'],
    [20, 'on_pace'],
    [23, 'ahead'],
    [40, 'done'],
    [45, 'done'],
  ] as const)('%i of 40 on Wednesday noon is %s', (actual, status) => {
    expect(pace(actual).status).toBe(status);
  });

  it('with nothing expected yet, nothing logged is on pace', () => {
    expect(pace(0, '2026-11-22T23:00:00Z')).toMatchObject({ expected: 0, status: 'on_pace' });
  });

  it('a period that has not begun is upcoming', () => {
    const later = periodSpan({ kind: 'custom', startsOn: '2026-12-01', endsOn: '2026-12-05' }, new Date(), 'UTC');
    expect(computePace({ actual: 0, target: 5, span: later, now: new Date('2026-11-25T00:00:00Z'), timeZone: 'UTC' }).status).toBe('upcoming');
  });
});
