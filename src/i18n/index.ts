import i18next, { type TOptions } from 'i18next';
import type { ActivityType } from '../domain/activity-types.js';
import { en } from './locales/en.js';

/** Slack mrkdwn needs only &, < and > escaped (https://api.slack.com/reference/surfaces/formatting#escaping). */
export function escapeMrkdwn(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

const i18n = i18next.createInstance();
await i18n.init({
  resources: { en: { translation: en } },
  fallbackLng: 'en',
  supportedLngs: ['en'],
  nonExplicitSupportedLngs: true,
  initAsync: false,
  interpolation: { escape: escapeMrkdwn },
});

/** Everything a reply needs to speak a person's language: text, numbers, money, dates. */
export interface Translator {
  locale: string;
  t(key: string, vars?: TOptions): string;
  number(value: number, maxFractionDigits?: number): string;
  money(value: number): string;
  date(isoDate: string): string;
  time(at: Date, timeZone: string): string;
  /** The names a workspace gave its activity types, by key, for one and for many. */
  typeLabels: ReadonlyMap<string, { one: string; other: string }>;
}

type Labelled = Pick<ActivityType, 'key' | 'label' | 'labelPlural'>;

/**
 * `locale` is Slack's user locale, e.g. "en-US"; unknown ones fall back to English.
 * `types` are the workspace's: a type an admin named is called by that name.
 */
export function translator(locale: string, types: readonly Labelled[] = []): Translator {
  const safeLocale = Intl.NumberFormat.supportedLocalesOf([locale])[0] ?? 'en-US';
  const t = i18n.getFixedT(safeLocale);
  const typeLabels = new Map(
    types.flatMap((type) => (type.label === null ? [] : [[type.key, { one: type.label, other: type.labelPlural ?? type.label }] as const])),
  );
  return {
    locale: safeLocale,
    typeLabels,
    t: (key, vars) => t(key, vars ?? {}),
    number: (value, maxFractionDigits = 0) =>
      new Intl.NumberFormat(safeLocale, { maximumFractionDigits: maxFractionDigits }).format(value),
    money: (value) => new Intl.NumberFormat(safeLocale, { maximumFractionDigits: 2 }).format(value),
    date: (isoDate) =>
      new Intl.DateTimeFormat(safeLocale, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
        new Date(`${isoDate}T00:00:00Z`),
      ),
    time: (at, timeZone) =>
      new Intl.DateTimeFormat(safeLocale, { weekday: 'short', hour: 'numeric', minute: '2-digit', timeZone }).format(at),
  };
}

/** Translates a PacerError-shaped code into the person's language. */
export function errorText(tr: Translator, code: string, vars: Record<string, string | number>): string {
  const shown = Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, typeof v === 'number' ? tr.number(v) : v]));
  return tr.t(`errors.${code}`, { ...shown, defaultValue: tr.t('errors.unexpected', { ref: code }) });
}
