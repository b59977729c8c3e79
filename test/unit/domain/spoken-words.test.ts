import { describe, expect, it } from 'vitest';
import { defaultActivityTypes, findActivityType, typeWords, type ActivityType } from '../../../src/domain/activity-types.js';
import { parseBoardCommand } from '../../../src/domain/board-command.js';
import { decimalSignOf, readFieldNumber, readNumber } from '../../../src/domain/command-text.js';
import { parseGoalCommand } from '../../../src/domain/goal-command.js';
import { parseLeadCommand, readWonAmount } from '../../../src/domain/lead-command.js';
import { parseLogCommand } from '../../../src/domain/log-command.js';
import { parsePacerCommand } from '../../../src/domain/pacer-command.js';
import { spokenMetricWords, spokenPeriodWords, spokenTypeWords } from '../../../src/domain/spoken-words.js';

const today = '2026-11-25';
const types = defaultActivityTypes;
const self = { type: 'self' } as const;

describe('words in Russian, Polish and German', () => {
  it('name one default type each, never an English word of another type, a period or a metric', () => {
    const owners = new Map<string, string[]>();
    for (const [key, words] of Object.entries(spokenTypeWords)) for (const word of words) owners.set(word, [...(owners.get(word) ?? []), key]);
    const englishOwners = new Map(types.flatMap((type) => typeWords(type).map((word) => [word, type.key] as const)));
    expect([...owners].filter(([, keys]) => keys.length > 1)).toEqual([]);
    expect([...owners.keys()].filter((word) => englishOwners.has(word) && englishOwners.get(word) !== owners.get(word)?.[0])).toEqual([]);
    expect([...owners.keys()].filter((word) => Object.hasOwn(spokenPeriodWords, word) || Object.hasOwn(spokenMetricWords, word))).toEqual([]);
    expect(Object.keys(spokenTypeWords).filter((key) => !types.some((type) => type.key === key))).toEqual([]);
    expect([...owners.keys()].filter((word) => word !== word.toLowerCase())).toEqual([]);
  });

  it.each([
    ['звонок 5', 'call', 5],
    ['Звонки 3', 'call', 3],
    ['telefon 3', 'call', 3],
    ['Anruf 3', 'call', 3],
    ['встреча', 'meeting', 1],
    ['spotkania 2', 'meeting', 2],
    ['Termin', 'meeting', 1],
    ['Empfehlung', 'referral', 1],
  ])('/log %s logs %s × %i', (text, typeKey, count) => {
    expect(parseLogCommand(text, types, [], today)).toMatchObject({ action: 'log', draft: { typeKey, count } });
  });

  it('/log сделка 12000 is a deal worth 12,000', () => {
    expect(parseLogCommand('сделка 12000', types, [], today)).toMatchObject({ action: 'log', draft: { typeKey: 'deal', amount: 12000 } });
  });

  it.each([
    ['звонки 40 неделя', 'call', 40, 'week'],
    ['звонки 40 в неделю', 'call', 40, 'week'],
    ['40 звонков в месяц', 'call', 40, 'month'],
    ['telefony 40 na tydzień', 'call', 40, 'week'],
    ['spotkania 10 miesięcznie', 'meeting', 10, 'month'],
    ['Anrufe 40 Woche', 'call', 40, 'week'],
    ['Anrufe 40 pro Woche', 'call', 40, 'week'],
    ['Umsatz 50000 im Quartal', 'revenue', 50000, 'quarter'],
    ['выручка 100000 ежемесячно', 'revenue', 100000, 'month'],
    ['punkty 30 dziennie', 'points', 30, 'day'],
  ])('/goal %s sets %s %i a %s', (text, metric, target, period) => {
    expect(parseGoalCommand(text, types, today)).toMatchObject({ action: 'set', owner: self, spec: { metric, target, period: { kind: period } } });
  });

  it.each([
    ['месяц', 'month'],
    ['tydzień', 'week'],
    ['Quartal', 'quarter'],
  ])('/board %s shows the %s', (text, kind) => {
    expect(parseBoardCommand(text)).toMatchObject({ action: 'show', window: { kind } });
  });

  it('a word the workspace gave a type wins over the built-in one', () => {
    const offers: ActivityType = { ...types.find((type) => type.key === 'estimate')!, aliases: ['oferta'] };
    const workspace = types.map((type) => (type.key === 'estimate' ? offers : type));
    expect(findActivityType(workspace, 'oferta')?.key).toBe('estimate');
    expect(findActivityType(types, 'oferta')?.key).toBe('proposal');
  });

  it('a switched-off type is not found by its other names either', () => {
    const withoutCalls = types.map((type) => (type.key === 'call' ? { ...type, active: false } : type));
    expect(findActivityType(withoutCalls, 'звонок')).toBeUndefined();
  });
});

describe('numbers written the local way', () => {
  it.each([
    ['en-US', '.'],
    ['en-GB', '.'],
    ['ru-RU', ','],
    ['pl-PL', ','],
    ['de-DE', ','],
    ['ja-JP', '.'],
    ['xx-YY', '.'],
  ] as const)('%s writes decimals with “%s”', (locale, sign) => {
    expect(decimalSignOf(locale)).toBe(sign);
  });

  it.each([
    ['12000', 12000],
    ['12.000', 12000],
    ['1.250.000', 1250000],
    ['12 000', 12000],
    ['12,5k', 12500],
    ['1,5', 1.5],
    ['12,50', 12.5],
    ['12.5', 12.5],
    ['€12.000', 12000],
    ['12,000', undefined],
    ['12.00.0', undefined],
  ])('with a decimal comma, %s reads as %s', (text, value) => {
    expect(readNumber(text, ',')).toBe(value);
  });

  it('keeps the English reading with a decimal point', () => {
    expect(readNumber('12,000')).toBe(12000);
    expect(readNumber('12.5')).toBe(12.5);
    expect(readNumber('1,5')).toBeUndefined();
  });

  it.each([
    ['сделка 12 000 Acme', 12000],
    ['Abschluss 12.000 Acme', 12000],
    ['deal 12,5k Acme', 12500],
    ['umowa 1 250 000', 1250000],
  ])('/log %s with a decimal comma is a deal worth %i', (text, amount) => {
    expect(parseLogCommand(text, types, [], today, ',')).toMatchObject({ action: 'log', draft: { typeKey: 'deal', count: 1, amount } });
  });

  it('/log with a decimal comma still reads a count and an amount apart', () => {
    expect(parseLogCommand('сметы 2 60000', types, [], today, ',')).toMatchObject({ action: 'log', draft: { typeKey: 'estimate', count: 2, amount: 60000 } });
  });

  it('/log refuses 12,000 from a reader whose comma is a decimal sign, rather than guess', () => {
    expect(() => parseLogCommand('deal 12,000 Acme', types, [], today, ',')).toThrow(expect.objectContaining({ code: 'log_number_unreadable', vars: expect.objectContaining({ given: '12,000' }) }));
  });

  it('/goal reads the target the local way', () => {
    expect(parseGoalCommand('выручка 100 000 в месяц', types, today, ',')).toMatchObject({ spec: { metric: 'revenue', target: 100000, period: { kind: 'month' } } });
    expect(parseGoalCommand('Umsatz 50.000 monatlich', types, today, ',')).toMatchObject({ spec: { metric: 'revenue', target: 50000 } });
  });

  it('/lead reads amounts the local way, and refuses 12,000 rather than guess', () => {
    expect(parseLeadCommand('add Acme 12 000', { today, decimal: ',' })).toMatchObject({ action: 'add', draft: { name: 'Acme', value: 12000 } });
    expect(parseLeadCommand('add Acme GmbH 12.000 #cloud', { today, decimal: ',' })).toMatchObject({ draft: { name: 'Acme GmbH', value: 12000, productLine: 'cloud' } });
    expect(readWonAmount(['12,5k'], ',')).toBe(12500);
    expect(readWonAmount(['1 250 000'], ',')).toBe(1250000);
    expect(() => parseLeadCommand('add Acme 12,000', { today, decimal: ',' })).toThrow(expect.objectContaining({ code: 'lead_value_invalid' }));
    expect(() => readWonAmount(['12,000'], ',')).toThrow(expect.objectContaining({ code: 'lead_value_invalid' }));
    expect(parseLeadCommand('add Acme 12,000', { today })).toMatchObject({ draft: { value: 12000 } });
  });

  it('/pacer team … estimates reads 2,5 with a decimal comma', () => {
    expect(parsePacerCommand('team East estimates 2,5', ',')).toMatchObject({ action: 'team.configure', settings: { estimatesPerQuotaUnit: 2.5 } });
    expect(() => parsePacerCommand('team East estimates 2,5')).toThrow(expect.objectContaining({ code: 'pacer_estimates' }));
  });

  it.each([
    ['0.5', '.', 0.5],
    ['0.5', ',', 0.5],
    ['0,5', ',', 0.5],
    ['1.234', ',', 1.234],
    ['0,5', '.', undefined],
    ['1,000', ',', 1],
    ['12.000,5', ',', undefined],
    ['', ',', undefined],
  ] as const)('a number field holding %s for a reader writing %s reads %s', (raw, decimal, value) => {
    expect(readFieldNumber(raw, decimal)).toBe(value);
  });
});

describe('/pacer language and /pacer currency', () => {
  it.each([
    ['language', { action: 'language.show' }],
    ['language de', { action: 'language.set', language: 'de' }],
    ['language Русский', { action: 'language.set', language: 'ru' }],
    ['language polski', { action: 'language.set', language: 'pl' }],
    ['currency', { action: 'currency.show' }],
    ['currency eur', { action: 'currency.set', currency: 'EUR' }],
    ['currency none', { action: 'currency.set', currency: null }],
  ])('/pacer %s', (text, command) => {
    expect(parsePacerCommand(text)).toEqual(command);
  });

  it.each(['language klingon', 'language de ru', 'currency euros', 'currency EUR USD'])('/pacer %s is refused with the right form', (text) => {
    expect(() => parsePacerCommand(text)).toThrow(expect.objectContaining({ code: expect.stringMatching(/^pacer_(language|currency)$/) }));
  });
});
