import type { InputBlock, ModalView, PlainTextOption } from '@slack/types';
import { maxCount } from '../src/domain/activity-types.js';
import { maxDaysBack } from '../src/domain/log-command.js';
import { recurringPeriods } from '../src/domain/periods.js';
import type { Translator } from '../src/i18n/index.js';
import { ids } from '../src/slack/ids.js';
import { capitalise, limits, plain } from './text.js';
import { metricName } from './goal-text.js';

export function option(tr: Translator, label: string, value: string): PlainTextOption {
  return { text: plain(capitalise(label, tr.locale), limits.optionText), value };
}

function textInput(
  tr: Translator,
  field: { block: string; action: string },
  label: string,
  options: { multiline?: boolean; maxLength: number; hint?: string; placeholder?: string },
): InputBlock {
  return {
    type: 'input',
    block_id: field.block,
    optional: true,
    label: plain(label, 2000),
    ...(options.hint ? { hint: plain(options.hint, 2000) } : {}),
    element: {
      type: 'plain_text_input',
      action_id: field.action,
      multiline: options.multiline ?? false,
      max_length: options.maxLength,
      ...(options.placeholder ? { placeholder: plain(options.placeholder, limits.placeholder) } : {}),
    },
  };
}

/** Where a modal's result should be told: the channel the command came from, or the rep's DM. */
export interface ModalOrigin {
  channelId: string | null;
}

function modal(tr: Translator, callbackId: string, title: string, submit: string, origin: ModalOrigin, blocks: InputBlock[]): ModalView {
  return {
    type: 'modal',
    callback_id: callbackId,
    title: plain(title, limits.modalTitle),
    submit: plain(submit, limits.modalTitle),
    close: plain(tr.t('modal.cancel'), limits.modalTitle),
    private_metadata: JSON.stringify(origin),
    blocks,
  };
}

/**
 * The form behind a bare `/log` and the Home tab's "Log activity". `today` (the rep's local date)
 * fills the day; left empty, the day is today all the same.
 */
export function buildLogModal(tr: Translator, typeKeys: readonly string[], origin: ModalOrigin, today?: string): ModalView {
  const f = ids.logModal;
  return modal(tr, ids.views.logModal, tr.t('modal.logTitle'), tr.t('modal.submitLog'), origin, [
    {
      type: 'input',
      block_id: f.type.block,
      label: plain(tr.t('modal.type'), 2000),
      element: {
        type: 'static_select',
        action_id: f.type.action,
        options: typeKeys.slice(0, 100).map((key) => option(tr, metricName(tr, key, 1), key)),
      },
    },
    {
      type: 'input',
      block_id: f.count.block,
      label: plain(tr.t('modal.count'), 2000),
      element: {
        type: 'number_input',
        action_id: f.count.action,
        is_decimal_allowed: false,
        min_value: '1',
        max_value: String(maxCount),
        initial_value: '1',
      },
    },
    {
      type: 'input',
      block_id: f.amount.block,
      optional: true,
      label: plain(tr.t('modal.amount'), 2000),
      hint: plain(tr.t('modal.amountHint'), 2000),
      element: { type: 'number_input', action_id: f.amount.action, is_decimal_allowed: true, min_value: '0.01' },
    },
    textInput(tr, f.lead, tr.t('modal.lead'), { maxLength: 200 }),
    textInput(tr, f.product, tr.t('modal.product'), { maxLength: 50, hint: tr.t('modal.productHint') }),
    textInput(tr, f.note, tr.t('modal.note'), { maxLength: 500, multiline: true }),
    {
      type: 'input',
      block_id: f.on.block,
      optional: true,
      label: plain(tr.t('log.formDay'), 2000),
      hint: plain(tr.t('log.formDayHint', { max: maxDaysBack }), 2000),
      element: {
        type: 'datepicker',
        action_id: f.on.action,
        ...(today ? { initial_date: today } : { placeholder: plain(tr.t('log.formDayToday'), limits.placeholder) }),
      },
    },
  ]);
}

/** The form behind a bare `/goal` and the Home tab's "Set a goal". */
export function buildGoalModal(tr: Translator, metrics: readonly string[], origin: ModalOrigin): ModalView {
  const f = ids.goalModal;
  const adjectives = { day: 'daily', week: 'weekly', month: 'monthly', quarter: 'quarterly' } as const;
  const periods = recurringPeriods.map((kind) => option(tr, tr.t(`period.${adjectives[kind]}`), kind));
  return modal(tr, ids.views.goalModal, tr.t('modal.goalTitle'), tr.t('modal.submitGoal'), origin, [
    {
      type: 'input',
      block_id: f.metric.block,
      label: plain(tr.t('modal.metric'), 2000),
      element: {
        type: 'static_select',
        action_id: f.metric.action,
        options: metrics.slice(0, 100).map((m) => option(tr, metricName(tr, m), m)),
      },
    },
    {
      type: 'input',
      block_id: f.target.block,
      label: plain(tr.t('modal.target'), 2000),
      element: { type: 'number_input', action_id: f.target.action, is_decimal_allowed: true, min_value: '0.01' },
    },
    {
      type: 'input',
      block_id: f.period.block,
      label: plain(tr.t('modal.period'), 2000),
      element: {
        type: 'static_select',
        action_id: f.period.action,
        initial_option: periods[0],
        options: [...periods, option(tr, tr.t('modal.periodCustom'), 'custom')],
      },
    },
    {
      type: 'input',
      block_id: f.startsOn.block,
      optional: true,
      label: plain(tr.t('modal.startsOn'), 2000),
      hint: plain(tr.t('modal.customHint'), 2000),
      element: { type: 'datepicker', action_id: f.startsOn.action },
    },
    {
      type: 'input',
      block_id: f.endsOn.block,
      optional: true,
      label: plain(tr.t('modal.endsOn'), 2000),
      element: { type: 'datepicker', action_id: f.endsOn.action },
    },
    textInput(tr, f.product, tr.t('modal.product'), { maxLength: 50, hint: tr.t('modal.productHint') }),
    textInput(tr, f.note, tr.t('modal.goalNote'), {
      maxLength: 300,
      multiline: true,
      placeholder: tr.t('modal.goalNotePlaceholder'),
    }),
  ]);
}
