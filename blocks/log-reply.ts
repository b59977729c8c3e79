import type { KnownBlock } from '@slack/types';
import { typeWord } from '../src/domain/activity-types.js';
import type { DatedLogDraft } from '../src/domain/log-command.js';
import type { LogOutcome } from '../src/services/activity-log.js';
import { escapeMrkdwn, type Translator } from '../src/i18n/index.js';
import { encodeLogChoice } from '../src/slack/button-values.js';
import { ids } from '../src/slack/ids.js';
import { amountOf, metricName, standingLine } from './goal-text.js';
import { context, limits, plain, section, type SlackMessage } from './text.js';

type Logged = LogOutcome['activity'];

/** "5 calls · 12,000": what was logged, in words. */
export function loggedWhat(tr: Translator, activity: Logged): string {
  const what = `${tr.number(activity.count)} ${metricName(tr, activity.typeKey, activity.count)}`;
  return activity.amount === null ? what : `${what} · ${amountOf(tr, 'revenue', activity.amount)}`;
}

/** "Fri, Nov 27": a day a log was for, in the reader's language. */
export function dayName(tr: Translator, isoDate: string): string {
  return new Intl.DateTimeFormat(tr.locale, { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}

/**
 * A note as mrkdwn: escaped, except user mentions, which /log keeps as `<@U123>` so that Slack shows
 * the person's name (https://docs.slack.dev/messaging/formatting-message-text#mentioning-users).
 */
function noteText(note: string): string {
  return note
    .split(/(<@[UW][A-Z0-9]+>)/)
    .map((part, i) => (i % 2 === 1 ? part : escapeMrkdwn(part)))
    .join('');
}

function details(tr: Translator, activity: Logged): string[] {
  return [
    activity.lead && tr.t('log.lead', { lead: activity.lead }),
    activity.productLine && tr.t('log.product', { product: activity.productLine }),
    activity.note && tr.t('log.note', { note: noteText(activity.note) }),
  ].filter((d): d is string => Boolean(d));
}

/** Said when the day logged lies before a shown goal's current period, so the standing does not hold it. */
function earlierPeriod(tr: Translator, outcome: LogOutcome): KnownBlock[] {
  const { day, activity, standings } = outcome;
  const outside = standings.some((s) => activity.occurredAt < s.span.start);
  return day && outside ? [context(tr.t('log.earlierPeriod', { day: dayName(tr, day) }))] : [];
}

function standingBlocks(tr: Translator, outcome: LogOutcome): KnownBlock[] {
  if (outcome.standings.length === 0) {
    const type = outcome.types.find((t) => t.key === outcome.activity.typeKey);
    const hint = type?.unit === 'money' ? 'log.noRevenueGoal' : 'log.noGoals';
    return [context(tr.t(hint, { type: type ? typeWord(type) : outcome.activity.typeKey }))];
  }
  return [section(outcome.standings.map((s) => standingLine(tr, s)).join('\n'))];
}

/** The ephemeral answer to a log: what was recorded, where each moved goal stands, and Undo. */
export function buildLogReply(tr: Translator, outcome: LogOutcome): SlackMessage {
  const { activity, day } = outcome;
  const what = loggedWhat(tr, activity);
  const headline = day ? tr.t('log.recordedOn', { what, day: dayName(tr, day) }) : tr.t('log.recorded', { what });
  const extra = details(tr, activity);
  return {
    text: headline,
    blocks: [
      section(extra.length > 0 ? `${headline} · ${extra.join(' · ')}` : headline),
      ...standingBlocks(tr, outcome),
      ...earlierPeriod(tr, outcome),
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            action_id: ids.actions.undoLog,
            text: plain(tr.t('log.undo'), limits.buttonText),
            value: activity.id,
          },
        ],
      },
    ],
  };
}

/** Replaces the log reply once the log is undone, with the goals as they now stand. */
export function buildUndoReply(tr: Translator, outcome: LogOutcome): SlackMessage {
  const text = tr.t('log.undone', { what: loggedWhat(tr, outcome.activity) });
  const standings = outcome.standings.map((s) => standingLine(tr, s));
  return {
    text,
    blocks: [section(text), ...(standings.length > 0 ? [section(standings.join('\n'))] : [])],
  };
}

/**
 * "*5,000 lost deals*, or *one lost deal worth 5,000*?": a number above the type's count limit,
 * asked about. Each button carries its whole log; a button whose log does not fit a button value
 * is left out, and the hint says how to write it instead. `today` is the rep's local date.
 */
export function buildLogQuestion(tr: Translator, question: { asCount: DatedLogDraft; asAmount: DatedLogDraft }, today: string): SlackMessage {
  const { asCount, asAmount } = question;
  const typeKey = asCount.typeKey;
  const names: Record<string, string> = {
    count: tr.number(asCount.count),
    many: metricName(tr, typeKey, asCount.count),
    one: metricName(tr, typeKey, 1),
    amount: tr.money(asAmount.amount ?? 0),
  };
  const on = asCount.on === today ? null : dayName(tr, asCount.on);
  const text = tr.t('log.ask', names);
  const buttons = [
    { actionId: ids.actions.logAsCount, label: tr.t(on ? 'log.askAsCountOn' : 'log.askAsCount', { ...names, day: on ?? '' }), value: encodeLogChoice(asCount) },
    { actionId: ids.actions.logAsAmount, label: tr.t(on ? 'log.askAsAmountOn' : 'log.askAsAmount', { ...names, day: on ?? '' }), value: encodeLogChoice(asAmount) },
  ].flatMap(({ actionId, label, value }) =>
    value === null ? [] : [{ type: 'button' as const, action_id: actionId, text: plain(label, limits.buttonText), value }],
  );
  return {
    text,
    blocks: [
      section(text),
      ...(buttons.length > 0 ? [{ type: 'actions' as const, elements: buttons }] : []),
      context(tr.t('log.askHint', { type: typeWord({ key: typeKey, label: tr.typeLabels.get(typeKey)?.one ?? null }) })),
    ],
  };
}
