import type { KnownBlock } from '@slack/types';
import { typeWord } from '../src/domain/activity-types.js';
import type { LogOutcome } from '../src/services/activity-log.js';
import type { Translator } from '../src/i18n/index.js';
import { ids } from '../src/slack/ids.js';
import { amountOf, metricName, standingLine } from './goal-text.js';
import { context, limits, plain, section, type SlackMessage } from './text.js';

type Logged = LogOutcome['activity'];

/** "5 calls · 12,000": what was logged, in words. */
export function loggedWhat(tr: Translator, activity: Logged): string {
  const what = `${tr.number(activity.count)} ${metricName(tr, activity.typeKey, activity.count)}`;
  return activity.amount === null ? what : `${what} · ${amountOf(tr, 'revenue', activity.amount)}`;
}

function details(tr: Translator, activity: Logged): string[] {
  return [
    activity.lead && tr.t('log.lead', { lead: activity.lead }),
    activity.productLine && tr.t('log.product', { product: activity.productLine }),
    activity.note && tr.t('log.note', { note: activity.note }),
  ].filter((d): d is string => Boolean(d));
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
  const { activity } = outcome;
  const headline = tr.t('log.recorded', { what: loggedWhat(tr, activity) });
  const extra = details(tr, activity);
  return {
    text: headline,
    blocks: [
      section(extra.length > 0 ? `${headline} · ${extra.join(' · ')}` : headline),
      ...standingBlocks(tr, outcome),
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
