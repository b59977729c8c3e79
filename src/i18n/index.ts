import i18next, { type TOptions } from 'i18next';
import type { ActivityType } from '../domain/activity-types.js';
import { decimalSignOf, type DecimalSign } from '../domain/command-text.js';
import { de } from './locales/de.js';
import { en } from './locales/en.js';
import { pl } from './locales/pl.js';
import { ru } from './locales/ru.js';

/** Slack mrkdwn needs only &, < and > escaped (https://api.slack.com/reference/surfaces/formatting#escaping). */
export function escapeMrkdwn(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** The languages Pacer speaks; a reader whose Slack is in any other reads English. */
export const catalogues = { en, ru, pl, de } as const;
export type Language = keyof typeof catalogues;

const i18n = i18next.createInstance();
await i18n.init({
  resources: Object.fromEntries(Object.entries(catalogues).map(([language, translation]) => [language, { translation }])),
  fallbackLng: 'en',
  supportedLngs: Object.keys(catalogues),
  nonExplicitSupportedLngs: true,
  initAsync: false,
  interpolation: { escape: escapeMrkdwn },
});

/** Everything a reply needs to speak a person's language: text, numbers, money, dates. */
export interface Translator {
  locale: string;
  t(key: string, vars?: TOptions): string;
  number(value: number, maxFractionDigits?: number): string;
  /** An amount, with the workspace's currency when it has one: `12.000 €`, `$12,000`. */
  money(value: number): string;
  date(isoDate: string): string;
  time(at: Date, timeZone: string): string;
  /** An ISO weekday (1 = Monday) in the person's language: `Monday`, or `Mon` short. */
  weekday(isoDay: number, width?: 'long' | 'short'): string;
  /** How the person writes a decimal, for reading the numbers they type (`12,5k`, `12.000`). */
  decimal: DecimalSign;
  /** The names a workspace gave its activity types, by key, for one and for many. */
  typeLabels: ReadonlyMap<string, { one: string; other: string }>;
}

type Labelled = Pick<ActivityType, 'key' | 'label' | 'labelPlural'>;

/**
 * `locale` is Slack's user locale, e.g. "en-US"; unknown ones fall back to English.
 * `types` are the workspace's: a type an admin named is called by that name; `currency` its ISO code.
 */
export function translator(locale: string, types: readonly Labelled[] = [], currency: string | null = null): Translator {
  const known = Intl.NumberFormat.supportedLocalesOf([locale])[0];
  // A reader of a language Pacer does not speak reads English, with English numbers and dates around it.
  const safeLocale = known !== undefined && Object.hasOwn(catalogues, new Intl.Locale(known).language) ? known : 'en-US';
  const t = i18n.getFixedT(safeLocale);
  const typeLabels = new Map(
    types.flatMap((type) => (type.label === null ? [] : [[type.key, { one: type.label, other: type.labelPlural ?? type.label }] as const])),
  );
  return {
    locale: safeLocale,
    typeLabels,
    decimal: decimalSignOf(safeLocale),
    t: (key, vars) => t(key, vars ?? {}),
    number: (value, maxFractionDigits = 0) => numberFormat(safeLocale, maxFractionDigits).format(value),
    money: (value) => (currency === null ? numberFormat(safeLocale, 2) : moneyFormat(safeLocale, currency, Number.isInteger(value) ? 0 : 2)).format(value),
    date: (isoDate) => dateFormat(safeLocale, 'UTC', 'date').format(new Date(`${isoDate}T00:00:00Z`)),
    time: (at, timeZone) => dateFormat(safeLocale, timeZone, 'time').format(at),
    weekday: (isoDay, width = 'long') => weekdayFormat(safeLocale, width).format(new Date(Date.UTC(2024, 0, isoDay))),
  };
}

// Building an Intl formatter costs tens of microseconds, using one well under one: a nudge
// run formats thousands of numbers and dates, so formatters are kept per locale and shape.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

// Whole amounts without cents (12.000 €), others with both digits ($12,000.50).
function moneyFormat(locale: string, currency: string, fractionDigits: 0 | 2): Intl.NumberFormat {
  const key = `m:${locale}:${currency}:${fractionDigits}`;
  let format = formatters.get(key) as Intl.NumberFormat | undefined;
  if (!format) formatters.set(key, (format = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits })));
  return format;
}

function numberFormat(locale: string, maxFractionDigits: number): Intl.NumberFormat {
  const key = `n:${locale}:${maxFractionDigits}`;
  let format = formatters.get(key) as Intl.NumberFormat | undefined;
  if (!format) formatters.set(key, (format = new Intl.NumberFormat(locale, { maximumFractionDigits: maxFractionDigits })));
  return format;
}

// 1 January 2024 was a Monday: ISO weekday n falls on the nth.
function weekdayFormat(locale: string, width: 'long' | 'short'): Intl.DateTimeFormat {
  const key = `weekday:${locale}:${width}`;
  let format = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) formatters.set(key, (format = new Intl.DateTimeFormat(locale, { weekday: width, timeZone: 'UTC' })));
  return format;
}

function dateFormat(locale: string, timeZone: string, shape: 'date' | 'time'): Intl.DateTimeFormat {
  const key = `${shape}:${locale}:${timeZone}`;
  let format = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) {
    const options: Intl.DateTimeFormatOptions =
      shape === 'date' ? { month: 'short', day: 'numeric', timeZone } : { weekday: 'short', hour: 'numeric', minute: '2-digit', timeZone };
    formatters.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  }
  return format;
}

/** Translates a PacerError-shaped code into the person's language. */
export function errorText(tr: Translator, code: string, vars: Record<string, string | number>): string {
  const shown = Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, typeof v === 'number' ? tr.number(v) : v]));
  return tr.t(`errors.${code}`, { ...shown, defaultValue: tr.t('errors.unexpected', { ref: code }) });
}
