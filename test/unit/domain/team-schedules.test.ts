import { describe, expect, it } from 'vitest';
import {
  dailySlots,
  defaultBoardSchedule,
  defaultDigestSchedule,
  dueDailySlot,
  dueWeeklySlot,
  parseDigestChange,
  parseWeeklySlotChange,
  slotCatchUpEnd,
  weeklySlots,
  type WeeklySlot,
} from '../../../src/domain/team-schedules.js';
import { PacerError } from '../../../src/errors.js';

const words = (text: string) => text.split(' ').filter(Boolean);
const refusal = (run: () => unknown) => {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof PacerError ? [error.code, error.vars] : error;
  }
};
const instants = (slots: readonly { at: Date }[]) => slots.map((s) => s.at.toISOString());

describe('the team schedules’ defaults', () => {
  it('post the board on Monday at 09:00 and the weekly digest half an hour before it, with no daily digest', () => {
    expect(defaultBoardSchedule).toEqual({ enabled: true, weekday: 1, at: '09:00' });
    expect(defaultDigestSchedule).toEqual({ weekly: { enabled: true, weekday: 1, at: '08:30' }, dailyAt: null });
  });
});

describe('parseWeeklySlotChange: the words after `board` or `digest weekly`', () => {
  it.each([
    ['on', { enabled: true }],
    ['OFF', { enabled: false }],
    ['monday 09:00', { enabled: true, weekday: 1, at: '09:00' }],
    ['Tue 10:00', { enabled: true, weekday: 2, at: '10:00' }],
    ['friday 4:30pm', { enabled: true, weekday: 5, at: '16:30' }],
    ['sun 9 am', { enabled: true, weekday: 7, at: '09:00' }],
    ['wed 7:05', { enabled: true, weekday: 3, at: '07:05' }],
  ])('reads “%s”', (text, expected) => {
    expect(parseWeeklySlotChange(words(text), 'pacer_board_schedule')).toEqual(expected);
  });

  it.each([
    [''],
    ['monday'],
    ['09:00'],
    ['someday 09:00'],
    ['monday 25:00'],
    ['monday 9:60'],
    ['monday 13pm'],
    ['on monday'],
    ['off now'],
  ])('refuses “%s” with the code it is given, quoting the words', (text) => {
    expect(refusal(() => parseWeeklySlotChange(words(text), 'pacer_board_schedule'))).toEqual(['pacer_board_schedule', { given: text }]);
  });
});

describe('parseDigestChange: the words after `digest`', () => {
  it.each([
    ['off', { weekly: { enabled: false }, dailyAt: null }],
    ['weekly monday 08:30', { weekly: { enabled: true, weekday: 1, at: '08:30' } }],
    ['weekly friday 4pm', { weekly: { enabled: true, weekday: 5, at: '16:00' } }],
    ['weekly off', { weekly: { enabled: false } }],
    ['weekly on', { weekly: { enabled: true } }],
    ['daily 17:00', { dailyAt: '17:00' }],
    ['DAILY 5:30 pm', { dailyAt: '17:30' }],
    ['daily off', { dailyAt: null }],
  ])('reads “%s”, changing only what it names', (text, expected) => {
    expect(parseDigestChange(words(text))).toEqual(expected);
  });

  it.each([[''], ['sometimes'], ['daily'], ['daily noon'], ['daily 24:00'], ['off please'], ['weekly'], ['weekly friday'], ['weekly friday 4:99']])(
    'refuses “%s”',
    (text) => {
      expect(refusal(() => parseDigestChange(words(text)))).toMatchObject(['pacer_digest_schedule', { given: expect.any(String) }]);
    },
  );
});

describe('dueWeeklySlot: whether a team’s weekly post is due now', () => {
  const board: WeeklySlot = { enabled: true, weekday: 1, at: '09:00' };
  // Monday 30 November 2026: Warsaw is on CET (UTC+1).
  it.each([
    ['2026-11-30T07:59:59Z', null],
    ['2026-11-30T08:00:00Z', '2026-11-30T08:00:00.000Z'],
    ['2026-11-30T12:00:00Z', '2026-11-30T08:00:00.000Z'],
    ['2026-11-30T18:59:59Z', '2026-11-30T08:00:00.000Z'],
    ['2026-11-30T19:00:00Z', null],
    ['2026-12-01T08:00:00Z', null],
    ['2026-11-29T08:00:00Z', null],
  ])('at %s: %s', (now, due) => {
    expect(dueWeeklySlot(board, 'Europe/Warsaw', new Date(now))?.at.toISOString() ?? null).toBe(due);
  });

  it('names the local day and time it belongs to, and is caught up until 20:00 that day', () => {
    const slot = dueWeeklySlot(board, 'Europe/Warsaw', new Date('2026-11-30T10:00:00Z'));
    expect(slot).toMatchObject({ localDate: '2026-11-30', localTime: '09:00' });
    expect(slot && slotCatchUpEnd(slot, 'Europe/Warsaw').toISOString()).toBe('2026-11-30T19:00:00.000Z');
  });

  it('is never due when switched off, whatever the time', () => {
    expect(dueWeeklySlot({ ...board, enabled: false }, 'Europe/Warsaw', new Date('2026-11-30T08:00:00Z'))).toBeNull();
  });

  it('follows the team’s zone: Monday 09:00 in New York is 14:00 UTC in winter', () => {
    expect(dueWeeklySlot(board, 'America/New_York', new Date('2026-11-30T13:59:00Z'))).toBeNull();
    expect(dueWeeklySlot(board, 'America/New_York', new Date('2026-11-30T14:00:00Z'))).toMatchObject({ localDate: '2026-11-30' });
  });
});

describe('weeklySlots: the posts in a window', () => {
  it('keep the local time across the autumn change: 07:00 UTC in summer time, 08:00 UTC after', () => {
    // Warsaw leaves summer time on Sunday 25 October 2026.
    const slots = weeklySlots(defaultBoardSchedule, 'Europe/Warsaw', new Date('2026-10-12T00:00:00Z'), new Date('2026-11-03T00:00:00Z'));
    expect(instants(slots)).toEqual(['2026-10-12T07:00:00.000Z', '2026-10-19T07:00:00.000Z', '2026-10-26T08:00:00.000Z', '2026-11-02T08:00:00.000Z']);
    expect(slots.map((s) => [s.localDate, s.localTime])).toEqual([
      ['2026-10-12', '09:00'], ['2026-10-19', '09:00'], ['2026-10-26', '09:00'], ['2026-11-02', '09:00'],
    ]);
  });

  it('keep the local time across the spring change in New York (8 March 2026)', () => {
    const digest: WeeklySlot = { enabled: true, weekday: 1, at: '08:30' };
    const slots = weeklySlots(digest, 'America/New_York', new Date('2026-03-01T00:00:00Z'), new Date('2026-03-17T00:00:00Z'));
    expect(instants(slots)).toEqual(['2026-03-02T13:30:00.000Z', '2026-03-09T12:30:00.000Z', '2026-03-16T12:30:00.000Z']);
  });

  it('move a post in the spring-forward gap to the end of the gap, on its own day', () => {
    // Sunday 29 March 2026 in Warsaw: 02:00 local jumps to 03:00.
    const night: WeeklySlot = { enabled: true, weekday: 7, at: '02:30' };
    const slots = weeklySlots(night, 'Europe/Warsaw', new Date('2026-03-28T00:00:00Z'), new Date('2026-03-30T00:00:00Z'));
    expect(slots).toEqual([{ localDate: '2026-03-29', localTime: '03:00', at: new Date('2026-03-29T01:00:00Z') }]);
  });

  it('hold one post a week, include the window’s start and exclude its end; none when off or the window is empty', () => {
    const from = new Date('2026-11-30T08:00:00Z');
    expect(instants(weeklySlots(defaultBoardSchedule, 'Europe/Warsaw', from, new Date('2026-12-07T08:00:00Z')))).toEqual(['2026-11-30T08:00:00.000Z']);
    expect(weeklySlots({ ...defaultBoardSchedule, enabled: false }, 'Europe/Warsaw', from, new Date('2026-12-31T00:00:00Z'))).toEqual([]);
    expect(weeklySlots(defaultBoardSchedule, 'Europe/Warsaw', from, from)).toEqual([]);
  });
});

describe('the daily digest', () => {
  it('goes out Monday to Friday at its local time', () => {
    const slots = dailySlots('17:00', 'Europe/Warsaw', new Date('2026-11-27T00:00:00Z'), new Date('2026-12-02T00:00:00Z'));
    expect(slots.map((s) => s.localDate)).toEqual(['2026-11-27', '2026-11-30', '2026-12-01']);
    expect(instants(slots)[0]).toBe('2026-11-27T16:00:00.000Z');
    expect(dueDailySlot('17:00', 'Europe/Warsaw', new Date('2026-11-28T16:00:00Z'))).toBeNull();
    expect(dueDailySlot('17:00', 'Europe/Warsaw', new Date('2026-11-30T16:30:00Z'))).toMatchObject({ localDate: '2026-11-30', localTime: '17:00' });
  });
});
