/**
 * One word of a slash command's text, after Slack's escaping is undone. A #word that
 * names a real channel arrives as a channel; log and goal read it as a product line.
 */
export type Token =
  | { kind: 'word'; text: string }
  | { kind: 'quoted'; text: string }
  | { kind: 'user'; userId: string }
  | { kind: 'product'; name: string }
  | { kind: 'channel'; channelId: string; name: string };

// With `should_escape: true` Slack sends mentions as <@U123|name> or <@U123>, and a
// #word that matches a channel as <#C123|name>; a #word that matches none stays plain.
const tokenPattern = /<@([UW][A-Z0-9]+)(?:\|[^>]*)?>|<#([CG][A-Z0-9]+)(?:\|([^>]*))?>|"([^"]*)"|“([^”]*)”|(\S+)/g;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(tokenPattern)) {
    const [, userId, channelId, channelName, quoted, smartQuoted, word] = m;
    if (userId) tokens.push({ kind: 'user', userId });
    else if (channelId) tokens.push({ kind: 'channel', channelId, name: (channelName ?? '').toLowerCase() });
    else if (quoted !== undefined || smartQuoted !== undefined)
      tokens.push({ kind: 'quoted', text: (quoted ?? smartQuoted ?? '').trim() });
    else if (word?.startsWith('#') && word.length > 1) tokens.push({ kind: 'product', name: word.slice(1).toLowerCase() });
    else if (word) tokens.push({ kind: 'word', text: unescapeEntities(word) });
  }
  return tokens;
}

/** Slack escapes &, < and > in command text as HTML entities. */
function unescapeEntities(text: string): string {
  return text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
}

const multipliers: Record<string, number> = { k: 1_000, m: 1_000_000 };

/** How a reader writes a decimal: `12.5` (English) or `12,5` (Russian, Polish, German). */
export type DecimalSign = '.' | ',';

/** The decimal sign of a Slack locale such as `de-DE`, as `Intl` writes numbers there. */
export function decimalSignOf(locale: string): DecimalSign {
  const supported = Intl.NumberFormat.supportedLocalesOf([locale])[0] ?? 'en-US';
  const decimal = new Intl.NumberFormat(supported).formatToParts(1.5).find((part) => part.type === 'decimal');
  return decimal?.value === ',' ? ',' : '.';
}

const pointNumber = /^[$€£]?(\d{1,3}(?:,\d{3})+|\d{1,3}(?: \d{3})+|\d+)(\.\d+)?([km])?$/i;
// With a decimal comma, dots or spaces group thousands (12.000, 12 000). A comma before exactly
// three digits could be either sign (is `12,000` twelve or twelve thousand?), so it reads as neither;
// a dot before one or two digits can only be a decimal point (`12.5`).
const commaNumber = /^[$€£]?(\d{1,3}(?:\.\d{3})+|\d{1,3}(?: \d{3})+|\d+)(,\d{1,2}|,\d{4,})?([km])?$/i;
const commaReaderPoint = /^[$€£]?(\d+)(\.\d{1,2})([km])?$/i;

/**
 * Reads "12000", "12,000", "$12,000.50", "12k" or "1.5m" as a number; anything else is undefined.
 * Thousands separators are only accepted in groups of three, so "1,5" is not read as 15. With a
 * decimal comma: "12.000", "12 000", "12,5k", "1,5".
 */
export function readNumber(text: string, decimal: DecimalSign = '.'): number | undefined {
  const m = decimal === '.' ? pointNumber.exec(text) : (commaNumber.exec(text) ?? commaReaderPoint.exec(text));
  if (!m) return undefined;
  const [, whole = '', fraction = '', suffix] = m;
  const digits = decimal === '.' || fraction.startsWith('.') ? whole.replaceAll(',', '') : whole.replaceAll('.', '');
  const value = Number(digits.replaceAll(' ', '') + fraction.replace(',', '.')) * (suffix ? (multipliers[suffix.toLowerCase()] ?? 1) : 1);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * A number field's value: Slack sends `0.5` whatever the reader's language; `0,5` is read too where
 * the comma is the reader's decimal sign. Anything else (`1,000`, `12.000` typed by hand) is undefined.
 */
export function readFieldNumber(raw: string, decimal: DecimalSign): number | undefined {
  const text = raw.trim();
  if (/^-?\d+(?:\.\d+)?$/.test(text)) return Number(text);
  if (decimal === ',' && /^-?\d+,\d+$/.test(text)) return Number(text.replace(',', '.'));
  return undefined;
}

/**
 * Where thousands are grouped with spaces (`12 000`, Russian and Polish), Slack's text splits one
 * number into words; this joins a number of one to three digits with the three-digit groups after it.
 */
export function joinDigitGroups(tokens: Token[]): Token[] {
  const joined: Token[] = [];
  for (const token of tokens) {
    const last = joined.at(-1);
    if (token.kind === 'word' && /^\d{3}(?:,\d+)?[km]?$/i.test(token.text) && last?.kind === 'word' && /^[-+]?[$€£]?\d{1,3}(?: \d{3})*$/.test(last.text)) {
      joined[joined.length - 1] = { kind: 'word', text: `${last.text} ${token.text}` };
    } else joined.push(token);
  }
  return joined;
}

export function tokenText(token: Token): string {
  switch (token.kind) {
    case 'user':
      return `<@${token.userId}>`;
    case 'product':
      return `#${token.name}`;
    case 'channel':
      return `<#${token.channelId}>`;
    default:
      return token.text;
  }
}

/** In /log and /goal a #word is a product line, even when Slack matched it to a channel. */
export function asProductLines(tokens: Token[]): Token[] {
  return tokens.map((t) => (t.kind === 'channel' && t.name ? { kind: 'product', name: t.name } : t));
}
