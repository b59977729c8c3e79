import { describe, expect, it } from 'vitest';
import { metricName } from '../../../blocks/goal-text.js';
import { spokenLanguages } from '../../../src/domain/spoken-words.js';
import { catalogues, translator } from '../../../src/i18n/index.js';

describe('translator', () => {
  it.each([
    ['ru-RU', ['1 звонок', '2 звонка', '5 звонков', '21 звонок']],
    ['pl-PL', ['1 telefon', '2 telefony', '5 telefonów', '22 telefony']],
    ['de-DE', ['1 Anruf', '5 Anrufe']],
    ['en-US', ['1 call', '5 calls']],
  ])('%s counts with its own plural rules', (locale, expected) => {
    const tr = translator(locale);
    expect(expected.map((text) => Number(text.split(' ')[0])).map((n) => `${n} ${tr.t('types.call', { count: n })}`)).toEqual(expected);
  });

  it.each([
    ['de-DE', '12.000'],
    ['ru-RU', '12\u00a0000'],
    ['pl-PL', '12\u00a0000'],
    ['en-GB', '12,000'],
  ])('%s writes numbers its own way', (locale, written) => {
    expect(translator(locale).number(12000)).toBe(written);
  });

  it('a reader whose Slack is in a language Pacer does not speak reads English, numbers and days included', () => {
    const tr = translator('ja-JP');
    expect(tr.t('types.call', { count: 5 })).toBe('calls');
    expect(tr.number(12000)).toBe('12,000');
    expect(tr.weekday(1, 'short')).toBe('Mon');
    expect(tr.locale).toBe('en-US');
  });

  it('speaks English, Russian, Polish and German: the languages a workspace may choose', () => {
    expect(Object.keys(catalogues).sort()).toEqual(['de', 'en', 'pl', 'ru']);
    expect([...spokenLanguages].sort()).toEqual(Object.keys(catalogues).sort());
  });

  it('shows amounts in the workspace’s currency, the reader’s way', () => {
    expect(translator('de-DE', [], 'EUR').money(12000)).toMatch(/^12\.000\s€$/);
    expect(translator('en-US', [], 'USD').money(12000)).toBe('$12,000');
    expect(translator('en-US', [], 'USD').money(12000.5)).toBe('$12,000.50');
    expect(translator('pl-PL', [], 'PLN').money(1250.5)).toMatch(/^1250,50\szł$/);
    expect(translator('en-US').money(12000)).toBe('12,000');
  });

  it('names a metric on its own by its dictionary plural, and counts it with the language’s plural forms', () => {
    const ru = translator('ru-RU');
    expect([metricName(ru, 'call'), metricName(ru, 'call', 1), metricName(ru, 'call', 2), metricName(ru, 'call', 5)]).toEqual(['звонки', 'звонок', 'звонка', 'звонков']);
    expect(metricName(translator('pl-PL'), 'call')).toBe('telefony');
    expect(metricName(translator('en-US'), 'call')).toBe('calls');
    // A type the workspace renamed keeps its name; one Pacer has no word for reads as counted.
    const renamed = translator('ru-RU', [{ key: 'call', label: 'Созвон', labelPlural: 'Созвоны' }]);
    expect(metricName(renamed, 'call')).toBe('Созвоны');
    expect(metricName(ru, 'webinar')).toBe('webinar');
  });
});
