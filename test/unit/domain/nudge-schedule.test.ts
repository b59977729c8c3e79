import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  checkAwayUntil,
  defaultNudgePrefs,
  dueNudgeSlot,
  isAway,
  nudgeCatchUpEnd,
  nudgeSlots,
  parseNudgeChange,
  type NudgePrefs,
} from '../../../src/domain/nudge-schedule.js';
import type { Weekday } from '../../../src/domain/periods.js';
import type { PacerError } from '../../../src/errors.js';

const everyDay: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 7];
const prefs = (change: Partial<NudgePrefs> = {}): NudgePrefs => ({ ...defaultNudgePrefs, ...change });
const yearOf = (zone: string, year = 2026) => ({
  from: DateTime.fromObject({ year }, { zone }).toJSDate(),
  to: DateTime.fromObject({ year: year + 1 }, { zone }).toJSDate(),
});
const localIn = (at: Date, zone: string) => DateTime.fromJSDate(at, { zone }).toFormat('yyyy-MM-dd HH:mm');
const minutes = (n: number) => n * 60_000;

describe('nudgeSlots over a whole year', () => {
  // 2026 has 52 whole weeks and one extra Thursday: 261 working days.
  it.each(['Europe/Warsaw', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham', 'Australia/Sydney', 'UTC'])(
    '09:00 Mon–Fri in %s: one slot each working day, at 09:00 local',
    (zone) => {
      const { from, to } = yearOf(zone);
      const slots = nudgeSlots(defaultNudgePrefs, zone, from, to);
      expect(slots).toHaveLength(261);
      expect(new Set(slots.map((s) => s.localDate)).size).toBe(261);
      for (const slot of slots) {
        const local = DateTime.fromJSDate(slot.at, { zone });
        expect(`${local.toISODate()} ${local.toFormat('HH:mm')}`).toBe(`${slot.localDate} 09:00`);
        expect(slot.localTime).toBe('09:00');
        expect(local.weekday).toBeLessThanOrEqual(5);
      }
      expect(slots.map((s) => s.at.getTime())).toEqual(slots.map((s) => s.at.getTime()).sort((a, b) => a - b));
    },
  );

  it('skips the days of an absence, up to and including its last day', () => {
    const { from, to } = yearOf('Europe/Warsaw');
    const slots = nudgeSlots(prefs({ awayUntil: '2026-03-06' }), 'Europe/Warsaw', from, to);
    // Working days from 1 Jan to Fri 6 Mar: 22 in January, 20 in February, 5 in March.
    expect(slots).toHaveLength(261 - 47);
    expect(slots[0]?.localDate).toBe('2026-03-09');
  });

  it.each([
    // A nudge time inside New York's gap and inside its repeated hour, every day of the year.
    ['America/New_York', '02:30'],
    ['America/New_York', '01:30'],
    ['Europe/Warsaw', '02:30'],
    ['Pacific/Chatham', '03:00'],
    ['Australia/Sydney', '02:30'],
  ])('every day at %s %s: exactly one slot a day, none lost or doubled by DST', (zone, at) => {
    const { from, to } = yearOf(zone);
    const slots = nudgeSlots(prefs({ at, days: everyDay }), zone, from, to);
    expect(slots).toHaveLength(365);
    expect(new Set(slots.map((s) => s.localDate)).size).toBe(365);
    for (const slot of slots) expect(localIn(slot.at, zone)).toBe(`${slot.localDate} ${slot.localTime}`);
  });

  it('nothing when nudges are off', () => {
    const { from, to } = yearOf('Europe/Warsaw');
    expect(nudgeSlots(prefs({ enabled: false }), 'Europe/Warsaw', from, to)).toEqual([]);
  });

  it('a year for one rep takes well under 5 ms', () => {
    const { from, to } = yearOf('America/New_York');
    const runs = Array.from({ length: 11 }, () => {
      const started = performance.now();
      nudgeSlots(defaultNudgePrefs, 'America/New_York', from, to);
      return performance.now() - started;
    }).sort((a, b) => a - b);
    expect(runs[5]).toBeLessThan(5);
  });
});

describe('nudgeSlots over short spans', () => {
  const zone = 'Europe/Warsaw';
  // Wed 25 Nov 2026; Warsaw is UTC+1, so the 09:00 slots are at 08:00Z.
  it.each([
    ['spans not aligned to days', '2026-11-25T08:30:00Z', '2026-11-27T07:30:00Z', ['2026-11-26']],
    ['from at a slot includes it', '2026-11-25T08:00:00Z', '2026-11-25T09:00:00Z', ['2026-11-25']],
    ['to at a slot excludes it', '2026-11-24T09:00:00Z', '2026-11-25T08:00:00Z', []],
    ['a weekend', '2026-11-27T12:00:00Z', '2026-11-30T07:59:00Z', []],
    ['an empty span', '2026-11-25T08:00:00Z', '2026-11-25T08:00:00Z', []],
    ['from after to', '2026-11-27T08:00:00Z', '2026-11-25T08:00:00Z', []],
  ])('%s', (_label, from, to, dates) => {
    const slots = nudgeSlots(defaultNudgePrefs, zone, new Date(from), new Date(to));
    expect(slots.map((s) => s.localDate)).toEqual(dates);
  });
});

describe('DST', () => {
  // Every day, so the Sunday transitions count.
  it.each([
    // Spring forward: the time does not exist, so the slot is the first instant after the gap.
    ['America/New_York', '2026-03-08', '02:30', '03:00', '2026-03-08T07:00:00.000Z'],
    ['Europe/Warsaw', '2026-03-29', '02:30', '03:00', '2026-03-29T01:00:00.000Z'],
    ['Pacific/Chatham', '2026-09-27', '03:00', '03:45', '2026-09-26T14:00:00.000Z'],
    ['Australia/Sydney', '2026-10-04', '02:30', '03:00', '2026-10-03T16:00:00.000Z'],
    // Fall back: the time happens twice; the slot is the first occurrence (still summer time).
    ['America/New_York', '2026-11-01', '01:30', '01:30', '2026-11-01T05:30:00.000Z'],
    ['Europe/Warsaw', '2026-10-25', '02:30', '02:30', '2026-10-25T00:30:00.000Z'],
    ['Australia/Sydney', '2026-04-05', '02:30', '02:30', '2026-04-04T15:30:00.000Z'],
    // Ordinary times on either side of a change keep their wall-clock time.
    ['America/New_York', '2026-03-08', '09:00', '09:00', '2026-03-08T13:00:00.000Z'],
    ['America/New_York', '2026-03-07', '09:00', '09:00', '2026-03-07T14:00:00.000Z'],
    ['Asia/Kolkata', '2026-03-08', '09:00', '09:00', '2026-03-08T03:30:00.000Z'],
  ])('%s on %s at %s runs at %s local (%s)', (zone, date, at, localTime, instant) => {
    const around = DateTime.fromISO(date, { zone });
    const slots = nudgeSlots(prefs({ at, days: everyDay }), zone, around.minus({ days: 1 }).toJSDate(), around.plus({ days: 2 }).toJSDate());
    const slot = slots.find((s) => s.localDate === date);
    expect(slot).toEqual({ localDate: date, localTime, at: new Date(instant) });
    expect(localIn(new Date(instant), zone)).toBe(`${date} ${localTime}`);
  });

  it('at the second 01:30 the due slot is still the first one, so the run is claimed once', () => {
    const due = dueNudgeSlot(prefs({ at: '01:30', days: everyDay }), 'America/New_York', new Date('2026-11-01T06:30:00Z'));
    expect(due?.at).toEqual(new Date('2026-11-01T05:30:00.000Z'));
  });
});

describe('dueNudgeSlot', () => {
  const warsaw = (utc: string, change: Partial<NudgePrefs> = {}) => dueNudgeSlot(prefs(change), 'Europe/Warsaw', new Date(utc));
  // Wed 25 Nov 2026 in Warsaw (UTC+1): the 09:00 slot is at 08:00Z, catch-up ends at 20:00 local, 19:00Z.
  const wednesday = { localDate: '2026-11-25', localTime: '09:00', at: new Date('2026-11-25T08:00:00Z') };

  it.each([
    ['a minute before the time', '2026-11-25T07:59:00Z', {}, null],
    ['at the time', '2026-11-25T08:00:00Z', {}, wednesday],
    ['late in the catch-up window', '2026-11-25T18:59:00Z', {}, wednesday],
    ['at the end of the catch-up window', '2026-11-25T19:00:00Z', {}, null],
    ['on a Saturday', '2026-11-28T08:00:00Z', {}, null],
    ['on a day the rep does not work', '2026-11-25T08:00:00Z', { days: [2, 4] as Weekday[] }, null],
    ['with nudges off', '2026-11-25T08:00:00Z', { enabled: false }, null],
    ['away through today', '2026-11-25T08:00:00Z', { awayUntil: '2026-11-25' }, null],
    ['away later still', '2026-11-25T08:00:00Z', { awayUntil: '2026-12-24' }, null],
    ['back today (away ended yesterday)', '2026-11-25T08:00:00Z', { awayUntil: '2026-11-24' }, wednesday],
    ['an unreadable stored time means the default 09:00', '2026-11-25T08:00:00Z', { at: '9 o’clock' }, wednesday],
  ] as const)('%s', (_label, now, change, expected) => {
    expect(warsaw(now, change)).toEqual(expected);
  });

  it.each([
    // 19:30 on Wed 25 Nov in Los Angeles is already Thursday in UTC.
    ['America/Los_Angeles', '09:00', '2026-11-26T03:30:00Z', '2026-11-25', '2026-11-25T17:00:00.000Z'],
    ['America/New_York', '20:30', '2026-11-26T02:00:00Z', '2026-11-25', '2026-11-26T01:30:00.000Z'],
    // 07:00 on Thu 26 Nov in Kolkata is still Wednesday in UTC.
    ['Asia/Kolkata', '06:30', '2026-11-26T01:30:00Z', '2026-11-26', '2026-11-26T01:00:00.000Z'],
  ])('in %s at %s, the slot belongs to the rep’s local date', (zone, at, now, localDate, instant) => {
    expect(dueNudgeSlot(prefs({ at }), zone, new Date(now))).toEqual({ localDate, localTime: at, at: new Date(instant) });
  });

  it.each([
    ['23:45, in the window', '2026-11-25T22:45:00Z', '2026-11-25'],
    ['00:10 the next day: dropped, not caught up in the small hours', '2026-11-25T23:10:00Z', null],
  ])('a 23:30 nudge in Warsaw at %s', (_label, now, localDate) => {
    expect(dueNudgeSlot(prefs({ at: '23:30' }), 'Europe/Warsaw', new Date(now))?.localDate ?? null).toBe(localDate);
  });

  it('an unknown time zone is read as UTC rather than stopping the scheduler', () => {
    expect(dueNudgeSlot(defaultNudgePrefs, 'Mars/Olympus_Mons', new Date('2026-11-25T09:00:00Z'))).toEqual({
      localDate: '2026-11-25',
      localTime: '09:00',
      at: new Date('2026-11-25T09:00:00Z'),
    });
    expect(nudgeSlots(defaultNudgePrefs, 'local', new Date('2026-11-25T00:00:00Z'), new Date('2026-11-26T00:00:00Z'))[0]?.at).toEqual(
      new Date('2026-11-25T09:00:00Z'),
    );
  });

  it.each([
    ['America/New_York', '02:30'],
    ['Europe/Warsaw', '23:30'],
    ['Pacific/Chatham', '20:00'],
    ['Australia/Sydney', '09:00'],
  ])('agrees with nudgeSlots for every slot of 2026 in %s at %s', (zone, at) => {
    const p = prefs({ at, days: everyDay });
    const { from, to } = yearOf(zone);
    for (const slot of nudgeSlots(p, zone, from, to)) {
      const end = nudgeCatchUpEnd(slot, zone).getTime();
      expect(dueNudgeSlot(p, zone, new Date(slot.at.getTime() - minutes(1)))).toBeNull();
      expect(dueNudgeSlot(p, zone, slot.at)).toEqual(slot);
      expect(dueNudgeSlot(p, zone, new Date(end - minutes(1)))).toEqual(slot);
      expect(dueNudgeSlot(p, zone, new Date(end))).toBeNull();
    }
  });
});

describe('nudgeCatchUpEnd', () => {
  it.each([
    ['09:00', '2026-11-25', '2026-11-25 20:00'],
    ['19:30', '2026-11-25', '2026-11-25 20:00'],
    ['20:00', '2026-11-25', '2026-11-25 21:00'],
    ['22:30', '2026-11-25', '2026-11-25 23:30'],
    ['23:30', '2026-11-25', '2026-11-26 00:00'],
    // The day clocks go back is 25 hours long; the window still ends at 20:00 local.
    ['09:00', '2026-10-25', '2026-10-25 20:00'],
  ])('a %s nudge on %s is caught up until %s local', (at, date, end) => {
    const zone = 'Europe/Warsaw';
    const [slot] = nudgeSlots(prefs({ at, days: everyDay }), zone, DateTime.fromISO(date, { zone }).toJSDate(), DateTime.fromISO(date, { zone }).plus({ days: 1 }).toJSDate());
    expect(slot).toBeDefined();
    if (slot) expect(localIn(nudgeCatchUpEnd(slot, zone), zone)).toBe(end);
  });
});

describe('parseNudgeChange', () => {
  it.each([
    ['off', { enabled: false }],
    ['ON', { enabled: true }],
    ['at 08:30', { at: '08:30' }],
    ['at 8:30', { at: '08:30' }],
    ['at 23:59', { at: '23:59' }],
    ['at 0:05', { at: '00:05' }],
    ['at 8am', { at: '08:00' }],
    ['at 2pm', { at: '14:00' }],
    ['at 8:30am', { at: '08:30' }],
    ['at 8:30 PM', { at: '20:30' }],
    ['at 7 a.m.', { at: '07:00' }],
    ['at 12am', { at: '00:00' }],
    ['at 12pm', { at: '12:00' }],
    ['days mon-thu', { days: [1, 2, 3, 4] }],
    ['days mon,wed,fri', { days: [1, 3, 5] }],
    ['days Mon, Wed and Fri', { days: [1, 3, 5] }],
    ['days monday - wednesday', { days: [1, 2, 3] }],
    ['days weekdays', { days: [1, 2, 3, 4, 5] }],
    ['days every day', { days: [1, 2, 3, 4, 5, 6, 7] }],
    ['days everyday', { days: [1, 2, 3, 4, 5, 6, 7] }],
    // A Sunday-to-Thursday week wraps around the end of the ISO week.
    ['days sun-thu', { days: [1, 2, 3, 4, 7] }],
    ['days fri', { days: [5] }],
  ])('%s', (text, change) => {
    expect(parseNudgeChange(text.split(' '))).toEqual(change);
  });

  it.each([
    ['', 'nudges_usage', {}],
    ['sometimes', 'nudges_usage', {}],
    ['off please', 'nudges_usage', {}],
    ['at', 'nudges_usage', {}],
    ['days', 'nudges_usage', {}],
    ['at 830', 'nudges_time', { given: '830' }],
    ['at 8', 'nudges_time', { given: '8' }],
    ['at 24:00', 'nudges_time', { given: '24:00' }],
    ['at 8:60', 'nudges_time', { given: '8:60' }],
    ['at 13pm', 'nudges_time', { given: '13pm' }],
    ['at 0am', 'nudges_time', { given: '0am' }],
    ['at 8.30', 'nudges_time', { given: '8.30' }],
    ['days mon-funday', 'nudges_days', { given: 'mon-funday' }],
    ['days mon-tue-wed', 'nudges_days', { given: 'mon-tue-wed' }],
    ['days constructor', 'nudges_days', { given: 'constructor' }],
    ['days mon, someday', 'nudges_days', { given: 'mon, someday' }],
  ])('“%s” is refused with %s', (text, code, vars) => {
    const words = text === '' ? [] : text.split(' ');
    expect(() => parseNudgeChange(words)).toThrow(expect.objectContaining({ code, vars }) as PacerError);
  });
});

describe('checkAwayUntil and isAway', () => {
  it.each([
    ['2026-11-25', 'today'],
    ['2026-12-24', 'next month'],
    ['2027-11-26', '366 days ahead, the furthest allowed'],
  ])('accepts %s (%s)', (date) => {
    expect(checkAwayUntil(date, '2026-11-25')).toBe(date);
  });

  it.each([
    ['2026-11-24', 'away_past', { date: '2026-11-24' }],
    ['2027-11-27', 'away_too_far', { max: 366 }],
    ['2026-02-30', 'away_date', { given: '2026-02-30' }],
  ])('refuses %s with %s', (date, code, vars) => {
    expect(() => checkAwayUntil(date, '2026-11-25')).toThrow(expect.objectContaining({ code, vars }) as PacerError);
  });

  it.each([
    [null, '2026-11-25', false],
    ['2026-11-25', '2026-11-25', true],
    ['2026-11-25', '2026-11-24', true],
    ['2026-11-24', '2026-11-25', false],
  ])('away until %s, on %s: %s', (awayUntil, date, away) => {
    expect(isAway(prefs({ awayUntil }), date)).toBe(away);
  });
});
