import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  addQuestion,
  answerableCheckIn,
  checkInFlags,
  checkInsBetween,
  closesAt,
  commitmentOf,
  defaultCheckInQuestions,
  defaultCheckInSchedule,
  isAwayFor,
  isDaytime,
  latestCheckIn,
  maxCheckInQuestions,
  moveQuestion,
  parseCheckInCommand,
  readCheckInAnswers,
  reminderAt,
  removeQuestion,
  validateCheckInSetup,
  type CheckInQuestion,
  type CheckInSchedule,
} from '../../../src/domain/check-ins.js';
import { checkInErrors, checkInTexts, checkInUsage } from '../../../src/i18n/locales/en-checkins.js';

const localIn = (at: Date, zone: string) => DateTime.fromJSDate(at, { zone }).toFormat('ccc yyyy-MM-dd HH:mm');
const questions: CheckInQuestion[] = defaultCheckInQuestions.map((q) => ({ ...q, label: q.id }));
const schedule = (change: Partial<CheckInSchedule> = {}): CheckInSchedule => ({ ...defaultCheckInSchedule, ...change });
const ids = (list: readonly { id: string }[]) => list.map((q) => q.id);

describe('the setup form’s questions', () => {
  it('adds a question with a fresh id, up to the limit', () => {
    const blank = (id: string) => ({ id });
    expect(ids(addQuestion(questions, blank))).toEqual(['wins', 'blockers', 'confidence', 'help', 'commitment', 'q6']);
    expect(ids(addQuestion([{ id: 'q2' }, { id: 'x' }], blank))).toEqual(['q2', 'x', 'q3']);
    const full = Array.from({ length: maxCheckInQuestions }, (_, i) => ({ id: `q${i + 1}` }));
    expect(() => addQuestion(full, blank)).toThrow('checkin_too_many_questions');
  });

  it('removes any question but the last one', () => {
    expect(ids(removeQuestion(questions, 'blockers'))).toEqual(['wins', 'confidence', 'help', 'commitment']);
    expect(() => removeQuestion([{ id: 'wins' }], 'wins')).toThrow('checkin_last_question');
  });

  it.each([
    ['confidence', 'up', ['wins', 'confidence', 'blockers', 'help', 'commitment']],
    ['confidence', 'down', ['wins', 'blockers', 'help', 'confidence', 'commitment']],
    ['wins', 'up', ['wins', 'blockers', 'confidence', 'help', 'commitment']],
    ['commitment', 'down', ['wins', 'blockers', 'confidence', 'help', 'commitment']],
  ] as const)('moves %s %s', (id, direction, order) => {
    expect(ids(moveQuestion(questions, id, direction))).toEqual(order);
  });

  it('accepts the defaults as they open', () => {
    const draft = { questions: questions.map((q) => ({ ...q })), weekday: '5', at: '15:00', reminderHours: '24' };
    expect(validateCheckInSetup(draft)).toEqual({ ok: true, value: { questions, weekday: 5, at: '15:00', reminderHours: 24 } });
  });

  it('names each mistake by its field', () => {
    const draft = {
      questions: [{ id: 'wins', kind: 'text', label: ' ', role: null }, { id: 'q2', kind: 'colour', label: 'Colour?', role: null }],
      weekday: '8',
      at: '25:00',
      reminderHours: '3',
    };
    const result = validateCheckInSetup(draft);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors.map((e) => [e.field, e.error.code])).toEqual([
      [{ question: 'wins', part: 'label' }, 'checkin_question_label'],
      [{ question: 'q2', part: 'kind' }, 'checkin_question_kind'],
      ['weekday', 'checkin_weekday'],
      ['at', 'checkin_time'],
      ['reminder', 'checkin_reminder'],
    ]);
  });

  it('reads 12-hour times', () => {
    const draft = { questions, weekday: '1', at: '4:30 pm', reminderHours: '4' };
    expect(validateCheckInSetup(draft)).toMatchObject({ ok: true, value: { at: '16:30' } });
  });
});

describe('answers', () => {
  const filled = { wins: 'Acme signed', blockers: 'none', confidence: '4', help: 'no', commitment: 'Call 40 leads' };
  const raw = (values: Record<string, string | null>, details: Record<string, string> = {}) =>
    Object.fromEntries(Object.entries(values).map(([id, value]) => [id, { value, detail: details[id] ?? null }]));

  it('reads a whole check-in', () => {
    expect(readCheckInAnswers(questions, raw(filled))).toEqual({
      ok: true,
      value: { wins: 'Acme signed', blockers: 'none', confidence: 4, help: { yes: false, detail: null }, commitment: 'Call 40 leads' },
    });
  });

  it.each([
    [{ wins: null }, 'wins', 'value', 'checkin_answer_missing'],
    [{ confidence: '7' }, 'confidence', 'value', 'checkin_answer_scale'],
    [{ help: 'yes' }, 'help', 'detail', 'checkin_answer_what'],
    [{ help: 'maybe' }, 'help', 'value', 'checkin_answer_yesno'],
    [{ wins: 'x'.repeat(2001) }, 'wins', 'value', 'checkin_answer_too_long'],
  ])('refuses %j under its field', (change, question, part, code) => {
    const result = readCheckInAnswers(questions, raw({ ...filled, ...change }));
    expect(result.ok ? [] : result.errors.map((e) => [e.question, e.part, e.error.code])).toEqual([[question, part, code]]);
  });

  it('takes “yes” as the text it is for a text question', () => {
    expect(readCheckInAnswers(questions, raw({ ...filled, wins: 'yes' }))).toMatchObject({ ok: true, value: { wins: 'yes' } });
  });

  it('reads numbers with thousands separators and refuses words', () => {
    const deals: CheckInQuestion[] = [{ id: 'q1', kind: 'number', label: 'Deals', role: null }];
    expect(readCheckInAnswers(deals, raw({ q1: '12,000' }))).toEqual({ ok: true, value: { q1: 12_000 } });
    expect(readCheckInAnswers(deals, raw({ q1: 'many' }))).toMatchObject({ ok: false, errors: [{ question: 'q1', error: { code: 'checkin_answer_number' } }] });
    // `12,5` is never 125: refused where the comma groups thousands, twelve and a half where it is the decimal sign.
    expect(readCheckInAnswers(deals, raw({ q1: '12,5' }))).toMatchObject({ ok: false, errors: [{ question: 'q1', error: { code: 'checkin_answer_number' } }] });
    expect(readCheckInAnswers(deals, raw({ q1: '12,5' }), ',')).toEqual({ ok: true, value: { q1: 12.5 } });
    expect(readCheckInAnswers(deals, raw({ q1: '12 000' }), ',')).toEqual({ ok: true, value: { q1: 12_000 } });
  });

  it.each([
    [2, false, ['low_confidence']],
    [3, true, ['help']],
    [1, true, ['low_confidence', 'help']],
    [3, false, []],
  ])('confidence %d, help %s: flags %j', (confidence, help, flags) => {
    expect(checkInFlags(questions, { confidence, help: { yes: help, detail: help ? 'pricing' : null } })).toEqual(flags);
  });

  it('shows back last week’s commitment', () => {
    expect(commitmentOf(questions, { commitment: 'Call 40 leads' })).toBe('Call 40 leads');
    expect(commitmentOf(questions, null)).toBeNull();
  });
});

describe('when reps are asked, reminded and the check-in closes', () => {
  it('finds the latest check-in asked, in the rep’s own zone', () => {
    // Friday 4 Dec 2026 14:30 UTC: 15:30 in Warsaw (asked), 09:30 in New York (not yet).
    const now = new Date('2026-12-04T14:30:00Z');
    expect(latestCheckIn(schedule(), 'Europe/Warsaw', now)).toEqual({ week: '2026-12-04', askAt: new Date('2026-12-04T14:00:00Z') });
    expect(latestCheckIn(schedule(), 'America/New_York', now)).toEqual({ week: '2026-11-27', askAt: new Date('2026-11-27T20:00:00Z') });
  });

  it('opens answers from the evening before', () => {
    expect(answerableCheckIn(schedule(), 'Europe/Warsaw', new Date('2026-12-03T16:59:00Z')).week).toBe('2026-11-27');
    expect(answerableCheckIn(schedule(), 'Europe/Warsaw', new Date('2026-12-03T17:00:00Z')).week).toBe('2026-12-04');
  });

  it.each([
    // Friday 15:00 + 24 h is Saturday: the reminder waits for Monday 09:00, and the check-in closes Tuesday 18:00.
    ['Europe/Warsaw', schedule(), 'Mon 2026-12-07 09:00', 'Tue 2026-12-08 18:00'],
    ['America/New_York', schedule(), 'Mon 2026-12-07 09:00', 'Tue 2026-12-08 18:00'],
    // Monday 10:00 + 4 h is in the day; 16:00 + 4 h is after it: Tuesday morning.
    ['Asia/Tokyo', schedule({ weekday: 1, at: '10:00', reminderHours: 4 }), 'Mon 2026-11-30 14:00', 'Tue 2026-12-01 18:00'],
    ['Asia/Tokyo', schedule({ weekday: 1, at: '16:00', reminderHours: 4 }), 'Tue 2026-12-01 09:00', 'Wed 2026-12-02 18:00'],
    // Thursday 17:00 + 2 days is Saturday: Monday.
    ['America/Los_Angeles', schedule({ weekday: 4, at: '17:00', reminderHours: 48 }), 'Mon 2026-12-07 09:00', 'Tue 2026-12-08 18:00'],
  ] as const)('in %s, %j: reminder %s, close %s', (zone, plan, reminder, close) => {
    const week = latestCheckIn(plan, zone, new Date('2026-12-04T23:59:00Z')).week;
    expect(localIn(reminderAt(plan, zone, week), zone)).toBe(reminder);
    expect(localIn(closesAt(plan, zone, week), zone)).toBe(close);
    expect(isDaytime(reminderAt(plan, zone, week), zone)).toBe(true);
  });

  it('keeps local time across the end of summer time', () => {
    // Europe leaves summer time on 25 Oct 2026: 15:00 Warsaw is 13:00 UTC before, 14:00 after.
    const asks = checkInsBetween(schedule(), 'Europe/Warsaw', new Date('2026-10-16T00:00:00Z'), new Date('2026-11-01T00:00:00Z'));
    expect(asks.map((a) => [a.week, a.localTime, a.askAt.toISOString()])).toEqual([
      ['2026-10-16', '15:00', '2026-10-16T13:00:00.000Z'],
      ['2026-10-23', '15:00', '2026-10-23T13:00:00.000Z'],
      ['2026-10-30', '15:00', '2026-10-30T14:00:00.000Z'],
    ]);
  });

  it('counts a rep away through the check-in’s date', () => {
    expect(isAwayFor('2026-12-04', '2026-12-04')).toBe(true);
    expect(isAwayFor('2026-12-03', '2026-12-04')).toBe(false);
    expect(isAwayFor(null, '2026-12-04')).toBe(false);
  });
});

describe('the first check-in', () => {
  it('is the first asked after the setup was saved', () => {
    // Saved on Thursday morning: last Friday's check-in never was; this Friday's is answered.
    const now = new Date('2026-12-03T10:00:00Z');
    expect(answerableCheckIn(schedule(), 'Europe/Warsaw', now).week).toBe('2026-11-27');
    expect(answerableCheckIn(schedule(), 'Europe/Warsaw', now, new Date('2026-12-03T09:00:00Z')).week).toBe('2026-12-04');
  });
});

describe('/checkin', () => {
  it.each([
    ['', { action: 'form' }],
    ['help', { action: 'help' }],
    ['setup', { action: 'setup', team: null }],
    ['Setup "North East"', { action: 'setup', team: 'North East' }],
    ['status East', { action: 'status', team: 'East' }],
    ['skip  on holiday ', { action: 'skip', reason: 'on holiday' }],
  ])('reads "%s"', (text, expected) => {
    expect(parseCheckInCommand(text)).toEqual(expected);
  });

  it.each([
    ['later', 'checkin_usage'],
    ['skip', 'checkin_skip_reason'],
    [`skip ${'x'.repeat(501)}`, 'checkin_skip_reason'],
    [`status ${'x'.repeat(101)}`, 'checkin_usage'],
  ])('refuses "%s"', (text, code) => {
    expect(() => parseCheckInCommand(text)).toThrow(code);
  });

  // Every example the check-in texts show must be something /checkin accepts.
  const examples = [...JSON.stringify({ checkInTexts, checkInErrors, checkInUsage }).matchAll(/`\/checkin([^`]*)`/g)]
    .map((m) => (m[1] ?? '').trim())
    .filter((example) => !example.includes('&lt;') && !example.includes('{{') && !example.includes('['));
  it.each(examples.map((e) => [e]))('the example "/checkin %s" parses', (example) => {
    expect(() => parseCheckInCommand(example)).not.toThrow();
  });
});
