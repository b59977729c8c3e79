import type { ActionsBlock, KnownBlock, ModalView } from '@slack/types';
import type { NudgeLine } from '../src/domain/leads.js';
import type { NudgePrefs } from '../src/domain/nudge-schedule.js';
import type { Translator } from '../src/i18n/index.js';
import { ids } from '../src/slack/ids.js';
import { encodeLeadButton, encodeSnooze } from '../src/slack/button-values.js';
import { context, limits, plain, section, type SlackMessage } from './text.js';

/** A nudge names at most this many items: notification fatigue is the first reason people mute a bot. */
export const nudgeItemLimit = 10;

export interface NudgeContent {
  items: readonly NudgeLine[];
  /** All the rep's items; more than shown are counted in a closing line. */
  total: number;
  now: Date;
  timeZone: string;
  today: string;
}

const dayMs = 24 * 60 * 60 * 1000;
const daysBetween = (from: Date, to: Date) => Math.max(0, Math.floor((to.getTime() - from.getTime()) / dayMs));

function itemText(tr: Translator, item: NudgeLine, content: NudgeContent): string {
  const { lead } = item;
  const facts = [
    tr.t(`lead.stages.${lead.stage}`),
    ...(lead.value !== null ? [tr.money(lead.value)] : []),
    ...(lead.productLine ? [`#${lead.productLine}`] : []),
  ].join(' · ');
  const why =
    item.kind === 'missed' ? tr.t('nudge.missed', { date: tr.date(lead.nextFollowUpOn ?? content.today) })
    : item.kind === 'checkback' ? tr.t('nudge.checkback', { count: daysBetween(lead.closedAt ?? content.now, content.now) })
    : tr.t('nudge.unchased', { count: daysBetween(lead.lastTouchedAt, content.now) });
  return `*${tr.t('nudge.leadName', { name: lead.name })}* — ${why}\n${facts}`;
}

function itemActions(tr: Translator, item: NudgeLine): ActionsBlock {
  const value = encodeLeadButton(item.lead.id);
  const snooze = {
    type: 'static_select' as const,
    action_id: ids.actions.nudgeSnooze,
    placeholder: plain(tr.t('nudge.snooze'), limits.placeholder),
    options: [1, 3, 7].map((days) => ({ text: plain(tr.t('nudge.snoozeDays', { count: days }), limits.optionText), value: encodeSnooze(item.lead.id, days) })),
  };
  const elements: ActionsBlock['elements'] =
    item.kind === 'checkback'
      ? [
          { type: 'button', style: 'primary', action_id: ids.actions.nudgeSatisfaction, value, text: plain(tr.t('nudge.recordSatisfaction'), limits.buttonText) },
          snooze,
        ]
      : [
          { type: 'button', style: 'primary', action_id: ids.actions.nudgeTouched, value, text: plain(tr.t('nudge.touched'), limits.buttonText) },
          snooze,
          { type: 'datepicker', action_id: ids.actions.nudgeReschedule, placeholder: plain(tr.t('nudge.reschedule'), limits.placeholder) },
          {
            type: 'button',
            style: 'danger',
            action_id: ids.actions.nudgeLost,
            value,
            text: plain(tr.t('nudge.lost'), limits.buttonText),
            confirm: {
              title: plain(tr.t('nudge.lostConfirmTitle'), 100),
              text: plain(tr.t('nudge.lostConfirmText', { name: item.lead.name }), 300),
              confirm: plain(tr.t('nudge.lost'), 30),
              deny: plain(tr.t('nudge.keep'), 30),
            },
          },
        ];
  return { type: 'actions', block_id: `${ids.nudgeItemBlock}${item.lead.id}`, elements };
}

/** The rep's morning DM: what needs them, most pressing first, each with its buttons. */
export function buildNudge(tr: Translator, content: NudgeContent): SlackMessage {
  const shown = content.items.slice(0, nudgeItemLimit);
  const title = tr.t('nudge.title', { count: content.total });
  const blocks: KnownBlock[] = [
    section(title),
    ...shown.flatMap((item) => [section(itemText(tr, item, content)), itemActions(tr, item)]),
    ...(content.total > shown.length ? [context(tr.t('nudge.more', { count: content.total - shown.length }))] : []),
    context(tr.t('nudge.footer')),
  ];
  return { text: title, blocks };
}

/**
 * The same nudge after a click: the item's buttons give way to what was done, the rest stays
 * as it was. Block ids come from Pacer's own message, so an unknown one leaves the message alone.
 */
export function markNudgeItem(blocks: readonly KnownBlock[], leadId: string, done: string): KnownBlock[] {
  const blockId = `${ids.nudgeItemBlock}${leadId}`;
  return blocks.map((block) => (block.block_id === blockId ? { ...context(`:white_check_mark: ${done}`), block_id: blockId } : block));
}

/** The check-back form: how satisfied the customer is, and any complaint. */
export function buildSatisfactionModal(tr: Translator, leadName: string, metadata: string): ModalView {
  return {
    type: 'modal',
    callback_id: ids.views.satisfaction,
    private_metadata: metadata,
    title: plain(tr.t('nudge.satisfactionTitle'), limits.modalTitle),
    submit: plain(tr.t('nudge.save'), limits.modalTitle),
    close: plain(tr.t('nudge.cancel'), limits.modalTitle),
    blocks: [
      section(tr.t('nudge.satisfactionIntro', { name: leadName })),
      {
        type: 'input',
        block_id: ids.satisfactionModal.score.block,
        label: plain(tr.t('nudge.satisfactionScore'), 2000),
        element: {
          type: 'static_select',
          action_id: ids.satisfactionModal.score.action,
          placeholder: plain(tr.t('nudge.satisfactionPick'), limits.placeholder),
          options: [5, 4, 3, 2, 1].map((score) => ({ text: plain(tr.t(`nudge.score${score}`), limits.optionText), value: String(score) })),
        },
      },
      {
        type: 'input',
        block_id: ids.satisfactionModal.complaint.block,
        optional: true,
        label: plain(tr.t('nudge.complaint'), 2000),
        element: { type: 'plain_text_input', action_id: ids.satisfactionModal.complaint.action, multiline: true, max_length: 1000 },
      },
    ],
  };
}

/** Where a person's nudges stand (`/pacer nudges`): off, or when they come, and any absence. */
export function buildNudgeSettings(tr: Translator, prefs: NudgePrefs, timeZone: string): SlackMessage {
  const when = prefs.days.map((d) => tr.weekday(d, 'short')).join(', ');
  const state = prefs.enabled ? tr.t('pacer.nudgesOn', { at: prefs.at, days: when, timeZone }) : tr.t('pacer.nudgesOff');
  const text = prefs.awayUntil ? `${state}\n${tr.t('pacer.awayUntil', { date: tr.date(prefs.awayUntil) })}` : state;
  return { text, blocks: [section(text)] };
}
