import { describe, expect, it } from 'vitest';
import { readDateWords, type DateDirection } from '../../../src/domain/date-words.js';
import type { PacerError } from '../../../src/errors.js';

// A Wednesday.
const today = '2026-06-03';
const read = (text: string, direction: DateDirection, on = today) => readDateWords(text.split(' ').filter(Boolean), { today: on, direction });

describe('readDateWords', () => {
  it.each([
    ['today', 'future', '2026-06-03', 1],
    ['today', 'past', '2026-06-03', 1],
    ['tomorrow', 'future', '2026-06-04', 1],
    ['tomorrow', 'past', '2026-06-04', 1],
    ['yesterday', 'past', '2026-06-02', 1],
    ['yesterday', 'future', '2026-06-02', 1],
    ['TOMORROW', 'future', '2026-06-04', 1],
    ['friday', 'future', '2026-06-05', 1],
    ['fri', 'future', '2026-06-05', 1],
    ['Friday', 'past', '2026-05-29', 1],
    ['wednesday', 'future', '2026-06-10', 1],
    ['wed', 'past', '2026-05-27', 1],
    ['thu', 'future', '2026-06-04', 1],
    ['tuesday', 'past', '2026-06-02', 1],
    ['next friday', 'future', '2026-06-12', 2],
    ['next monday', 'future', '2026-06-08', 2],
    ['next wed', 'future', '2026-06-10', 2],
    ['next sunday', 'past', '2026-06-14', 2],
    ['last friday', 'past', '2026-05-29', 2],
    ['last tuesday', 'past', '2026-06-02', 2],
    ['last wednesday', 'future', '2026-05-27', 2],
    ['on friday', 'future', '2026-06-05', 2],
    ['On next friday', 'future', '2026-06-12', 3],
    ['in 3 days', 'future', '2026-06-06', 3],
    ['in 1 day', 'future', '2026-06-04', 3],
    ['in a day', 'future', '2026-06-04', 3],
    ['in a week', 'future', '2026-06-10', 3],
    ['in one week', 'future', '2026-06-10', 3],
    ['in 2 weeks', 'future', '2026-06-17', 3],
    ['in 365 days', 'future', '2027-06-03', 3],
    ['in 52 weeks', 'future', '2027-06-02', 3],
    ['3 days ago', 'past', '2026-05-31', 3],
    ['a week ago', 'past', '2026-05-27', 3],
    ['2 weeks ago', 'future', '2026-05-20', 3],
    ['2026-12-01', 'future', '2026-12-01', 1],
    ['2026-12-01', 'past', '2026-12-01', 1],
    ['on 2026-12-01', 'future', '2026-12-01', 2],
    ['1 Dec', 'future', '2026-12-01', 2],
    ['1 Dec', 'past', '2025-12-01', 2],
    ['Dec 1', 'future', '2026-12-01', 2],
    ['dec. 1', 'future', '2026-12-01', 2],
    ['1 December', 'future', '2026-12-01', 2],
    ['December 1', 'past', '2025-12-01', 2],
    ['1st dec', 'future', '2026-12-01', 2],
    ['Sept 22nd', 'future', '2026-09-22', 2],
    ['1 Dec 2027', 'future', '2027-12-01', 3],
    ['Dec 1, 2027', 'future', '2027-12-01', 3],
    ['1 Dec 5000', 'future', '2026-12-01', 2],
    ['on 1 Dec', 'future', '2026-12-01', 3],
    ['3 Jun', 'future', '2026-06-03', 2],
    ['3 Jun', 'past', '2026-06-03', 2],
    ['2 Jun', 'future', '2027-06-02', 2],
    ['4 Jun', 'past', '2025-06-04', 2],
    ['1.12', 'future', '2026-12-01', 1],
    ['1.12', 'past', '2025-12-01', 1],
    ['1.12.', 'future', '2026-12-01', 1],
    ['1.12.2026', 'past', '2026-12-01', 1],
    ['01.12.26', 'future', '2026-12-01', 1],
    ['3.6', 'future', '2026-06-03', 1],
  ])('reads "%s" looking to the %s as %s, using %i words', (text, direction, date, used) => {
    expect(read(text, direction as DateDirection)).toEqual({ date, used });
  });

  it.each([
    ['friday call the CFO', 1],
    ['in 3 days then call', 3],
    ['3 days ago after the demo', 3],
    ['1 Dec 12000', 2],
    ['on tomorrow acme', 2],
  ])('counts the words "%s" starts with as %i', (text, used) => {
    expect(read(text, 'future')?.used).toBe(used);
  });

  it.each([
    ['2 Jan', 'future', '2026-12-30', '2027-01-02'],
    ['30 Dec', 'future', '2026-12-30', '2026-12-30'],
    ['29.12', 'future', '2026-12-30', '2027-12-29'],
    ['friday', 'future', '2026-12-30', '2027-01-01'],
    ['in 3 days', 'future', '2026-12-30', '2027-01-02'],
    ['31 Dec', 'past', '2026-01-01', '2025-12-31'],
    ['monday', 'past', '2026-01-01', '2025-12-29'],
    ['29 Feb', 'future', today, '2028-02-29'],
    ['29 Feb', 'past', today, '2024-02-29'],
    ['29.2', 'future', '2028-02-29', '2028-02-29'],
    ['29.2.2028', 'past', today, '2028-02-29'],
    ['2028-02-29', 'future', today, '2028-02-29'],
    ['tomorrow', 'future', '2028-02-28', '2028-02-29'],
  ])('reads "%s" looking to the %s from %s as %s', (text, direction, on, date) => {
    expect(read(text, direction as DateDirection, on)?.date).toBe(date);
  });

  it.each([
    ['2026-02-30', '2026-02-30'],
    ['2026-02-29', '2026-02-29'],
    ['2026-13-01', '2026-13-01'],
    ['31.11', '31.11'],
    ['29.2.2026', '29.2.2026'],
    ['30 Feb', '30 Feb'],
    ['31 Nov', '31 Nov'],
    ['Nov 31', 'Nov 31'],
    ['on Nov 31 2026', 'Nov 31 2026'],
    ['0 Dec', '0 Dec'],
    ['Dec 45', 'Dec 45'],
  ])('refuses the impossible date "%s" instead of moving it', (text, given) => {
    for (const direction of ['future', 'past'] as const) {
      expect(() => read(text, direction)).toThrow(expect.objectContaining({ code: 'date_impossible', vars: { given } }) as PacerError);
    }
  });

  it.each([
    [''],
    ['acme'],
    ['5'],
    ['12000'],
    ['3.75'],
    ['45.12'],
    ['1/12'],
    ['12/01/2026'],
    ['on'],
    ['on acme'],
    ['on on friday'],
    ['next'],
    ['next week'],
    ['last'],
    ['in'],
    ['in 3'],
    ['in 3 months'],
    ['in 0 days'],
    ['in 366 days'],
    ['in 53 weeks'],
    ['in -3 days'],
    ['3 days'],
    ['days ago'],
    ['constructor'],
    ['toString 1'],
    ['Acme friday'],
  ])('reads "%s" as no date', (text) => {
    expect(read(text, 'future')).toBeNull();
    expect(read(text, 'past')).toBeNull();
  });

  it('insists on an ISO date for today', () => {
    expect(() => readDateWords(['friday'], { today: '3.6.2026', direction: 'future' })).toThrow(/YYYY-MM-DD/);
  });
});
