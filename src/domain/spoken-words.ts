/**
 * The words reps type in Russian, Polish and German beside the English ones: names of the default
 * activity types in their common forms, periods and metrics. Every rep may use any of them, so a
 * team of mixed languages reads one another's commands; English words always work. A word a
 * workspace gave a type itself (an alias, a label) wins over these.
 */

export type RecurringPeriodWord = 'day' | 'week' | 'month' | 'quarter';

/** Words for the default types' keys, lower case; each word names one key only. */
export const spokenTypeWords: Readonly<Record<string, readonly string[]>> = {
  call: [
    'звонок', 'звонка', 'звонки', 'звонков', 'созвон', 'созвона', 'созвоны', 'созвонов',
    'telefon', 'telefony', 'telefonów', 'telefonu', 'rozmowa', 'rozmowy', 'rozmów', 'połączenie', 'połączenia', 'połączeń',
    'anruf', 'anrufe', 'anrufen', 'telefonat', 'telefonate',
  ],
  email: [
    'письмо', 'письма', 'писем', 'имейл', 'имейла', 'имейлы', 'имейлов', 'емейл', 'емейла', 'емейлы', 'емейлов', 'мейл', 'мейла', 'мейлы', 'мейлов',
    'maile', 'maili', 'mejl', 'mejle', 'mejli',
  ],
  meeting: [
    'встреча', 'встречи', 'встреч', 'встречу',
    'spotkanie', 'spotkania', 'spotkań',
    'termin', 'termine', 'treffen',
  ],
  demo: [
    'демо', 'демонстрация', 'демонстрации', 'демонстраций', 'презентация', 'презентации', 'презентаций',
    'prezentacja', 'prezentacje', 'prezentacji', 'pokaz', 'pokazy', 'pokazów',
    'vorführung', 'vorführungen', 'präsentation', 'präsentationen',
  ],
  estimate: [
    'смета', 'сметы', 'смет', 'расчёт', 'расчёта', 'расчёты', 'расчётов', 'расчет', 'расчета', 'расчеты', 'расчетов',
    'wycena', 'wyceny', 'wycen',
    'kostenvoranschlag', 'kostenvoranschläge', 'kva', 'schätzung', 'schätzungen',
  ],
  proposal: [
    'кп', 'предложение', 'предложения', 'предложений',
    'oferta', 'oferty', 'ofert',
    'angebot', 'angebote',
  ],
  deal: [
    'сделка', 'сделки', 'сделок', 'сделку', 'продажа', 'продажи', 'продаж',
    'umowa', 'umowy', 'umów', 'transakcja', 'transakcje', 'transakcji', 'sprzedaż',
    'abschluss', 'abschlüsse', 'auftrag', 'aufträge', 'verkauf', 'verkäufe',
  ],
  lost: [
    'отказ', 'отказа', 'отказы', 'отказов', 'проигрыш', 'проигрыша', 'проигрыши', 'проигрышей',
    'przegrana', 'przegrane', 'przegranych', 'strata', 'straty', 'strat',
    'verloren', 'verlust', 'verluste',
  ],
  referral: [
    'рекомендация', 'рекомендации', 'рекомендаций', 'реферал', 'рефералы', 'рефералов',
    'polecenie', 'polecenia', 'poleceń', 'rekomendacja', 'rekomendacje', 'rekomendacji',
    'empfehlung', 'empfehlungen',
  ],
};

/** Recurring periods: `/goal звонки 40 неделя`, `/goal Anrufe 40 pro Woche`, `/board miesiąc`. */
export const spokenPeriodWords: Readonly<Record<string, RecurringPeriodWord>> = {
  день: 'day', дня: 'day', дней: 'day', ежедневно: 'day',
  неделя: 'week', неделю: 'week', недели: 'week', недель: 'week', неделе: 'week', еженедельно: 'week',
  месяц: 'month', месяца: 'month', месяцев: 'month', месяце: 'month', ежемесячно: 'month',
  квартал: 'quarter', квартала: 'quarter', кварталов: 'quarter', квартале: 'quarter', ежеквартально: 'quarter',
  dzień: 'day', dni: 'day', dziennie: 'day', codziennie: 'day',
  tydzień: 'week', tygodnia: 'week', tygodnie: 'week', tygodni: 'week', tygodniu: 'week', tygodniowo: 'week',
  miesiąc: 'month', miesiąca: 'month', miesiące: 'month', miesięcy: 'month', miesiącu: 'month', miesięcznie: 'month',
  kwartał: 'quarter', kwartału: 'quarter', kwartały: 'quarter', kwartałów: 'quarter', kwartale: 'quarter', kwartalnie: 'quarter',
  tag: 'day', tage: 'day', tagen: 'day', täglich: 'day',
  woche: 'week', wochen: 'week', wöchentlich: 'week',
  monat: 'month', monate: 'month', monatlich: 'month',
  quartal: 'quarter', quartale: 'quarter', quartalsweise: 'quarter', vierteljährlich: 'quarter',
};

/** Words that only join a target to its period: `40 в неделю`, `40 na tydzień`, `40 w tygodniu`, `40 pro Woche`, `40 im Monat`. */
export const spokenPeriodJoiners: readonly string[] = ['в', 'за', 'каждый', 'каждую', 'na', 'co', 'w', 'pro', 'je', 'im', 'am', 'jede', 'jeden'];

/** The metrics that are not types: revenue and points. */
export const spokenMetricWords: Readonly<Record<string, 'revenue' | 'points'>> = {
  выручка: 'revenue', выручку: 'revenue', оборот: 'revenue',
  przychód: 'revenue', przychody: 'revenue', obrót: 'revenue',
  umsatz: 'revenue', umsätze: 'revenue',
  очки: 'points', очков: 'points', баллы: 'points', баллов: 'points',
  punkty: 'points', punktów: 'points', pkt: 'points',
  punkte: 'points',
};

/** The languages Pacer writes in; the i18n catalogues hold exactly these. */
export const spokenLanguages = ['en', 'ru', 'pl', 'de'] as const;
export type SpokenLanguage = (typeof spokenLanguages)[number];

/** How a workspace speaks in its channels, and the currency of its amounts. */
export interface WorkspaceVoice {
  /** Null until an install or an admin sets it: channel posts are in English. */
  language: SpokenLanguage | null;
  /** ISO 4217; null: amounts are shown without a currency. */
  currency: string | null;
}

/** A voice an admin chose: a language always, a currency or none. */
export type ChosenVoice = WorkspaceVoice & { language: SpokenLanguage };

/** `/pacer language de`: a language by its code or its own name. */
const languageNames: Readonly<Record<string, SpokenLanguage>> = {
  en: 'en', english: 'en',
  ru: 'ru', russian: 'ru', русский: 'ru',
  pl: 'pl', polish: 'pl', polski: 'pl',
  de: 'de', german: 'de', deutsch: 'de',
};

export function readLanguage(word: string): SpokenLanguage | undefined {
  const key = word.toLowerCase();
  return Object.hasOwn(languageNames, key) ? languageNames[key] : undefined;
}

/** `/pacer currency EUR`: an ISO 4217 code Intl knows; `none` for amounts without one (null). */
export function readCurrency(word: string): string | null | undefined {
  const code = word.toUpperCase();
  if (code === 'NONE') return null;
  return Intl.supportedValuesOf('currency').includes(code) ? code : undefined;
}
