import type { InputBlock, KnownBlock, ModalView } from '@slack/types';
import { defaultCountLimit, maxActivityTypes, maxCount, maxDailyPointsCap, type ActivityType } from '../src/domain/activity-types.js';
import type { Translator } from '../src/i18n/index.js';
import { ids } from '../src/slack/ids.js';
import { encodeTypeFormOrigin } from '../src/slack/button-values.js';
import { metricName } from './goal-text.js';
import { option } from './modals.js';
import { capitalise, context, limits, mrkdwn, plain, section, textField } from './text.js';

/** "*Emails* · `email` · counted · 1 point each · max 20 pts a day / Also: mail": one type as the admin list shows it. */
function typeLine(tr: Translator, type: ActivityType): string {
  const name = capitalise(metricName(tr, type.key), tr.locale);
  const facts = tr.t(type.unit === 'money' ? 'typeAdmin.lineMoney' : 'typeAdmin.lineCount', { name, key: type.key, count: type.points });
  const cap = type.dailyPointsCap === null ? '' : ` · ${tr.t('typeAdmin.lineCap', { count: type.dailyPointsCap })}`;
  const also = type.aliases.length > 0 ? `\n${tr.t('typeAdmin.lineAliases', { aliases: type.aliases.join(', ') })}` : '';
  return `${facts}${cap}${type.active ? '' : ` · _${tr.t('typeAdmin.lineOff')}_`}${also}`;
}

/** `/pacer types`: every activity type with an Edit button, and Add. Changes are made in a form pushed on top. */
export function buildActivityTypesModal(tr: Translator, types: readonly ActivityType[]): ModalView {
  const rows: KnownBlock[] = types.slice(0, maxActivityTypes).map((type) => ({
    type: 'section',
    block_id: `type_${type.key}`.slice(0, 255),
    text: mrkdwn(typeLine(tr, type)),
    accessory: {
      type: 'button',
      action_id: ids.actions.editActivityType,
      text: plain(tr.t('typeAdmin.edit'), limits.buttonText),
      value: type.key,
    },
  }));
  const add: KnownBlock[] =
    types.length < maxActivityTypes
      ? [{ type: 'actions', elements: [{ type: 'button', style: 'primary', action_id: ids.actions.addActivityType, text: plain(tr.t('typeAdmin.add'), limits.buttonText), value: 'new' }] }]
      : [context(tr.t('typeAdmin.full', { max: maxActivityTypes }))];
  return {
    type: 'modal',
    callback_id: ids.views.activityTypes,
    title: plain(tr.t('typeAdmin.title'), limits.modalTitle),
    close: plain(tr.t('typeAdmin.done'), limits.modalTitle),
    blocks: [section(tr.t('typeAdmin.intro')), { type: 'divider' }, ...rows, ...add],
  };
}

/** The form to add a type (`type` null) or change one. A type's unit is chosen once: past logs depend on it. */
export function buildActivityTypeForm(tr: Translator, type: ActivityType | null): ModalView {
  const f = ids.activityTypeForm;
  const unitChoice: KnownBlock = type
    ? context(tr.t(type.unit === 'money' ? 'typeAdmin.unitFixedMoney' : 'typeAdmin.unitFixedCount'))
    : {
        type: 'input',
        block_id: f.unit.block,
        label: plain(tr.t('typeAdmin.unit'), 2000),
        element: {
          type: 'static_select',
          action_id: f.unit.action,
          initial_option: option(tr, tr.t('typeAdmin.unitCount'), 'count'),
          options: [option(tr, tr.t('typeAdmin.unitCount'), 'count'), option(tr, tr.t('typeAdmin.unitMoney'), 'money')],
        },
      };
  const activeOption = option(tr, tr.t('typeAdmin.activeOption'), 'active');
  return {
    type: 'modal',
    callback_id: ids.views.activityTypeForm,
    private_metadata: encodeTypeFormOrigin({ key: type?.key ?? null }),
    title: plain(tr.t(type ? 'typeAdmin.editTitle' : 'typeAdmin.addTitle'), limits.modalTitle),
    submit: plain(tr.t('typeAdmin.save'), limits.modalTitle),
    close: plain(tr.t('typeAdmin.back'), limits.modalTitle),
    blocks: [
      textField(f.label, tr.t('typeAdmin.label'), { initial: type ? metricName(tr, type.key, 1) : '', hint: tr.t('typeAdmin.labelHint'), maxLength: 40 }),
      textField(f.plural, tr.t('typeAdmin.plural'), { initial: type ? metricName(tr, type.key, 2) : '', optional: true, maxLength: 40 }),
      textField(f.aliases, tr.t('typeAdmin.aliases'), { initial: type?.aliases.join(', '), optional: true, hint: tr.t('typeAdmin.aliasesHint'), maxLength: 500 }),
      unitChoice,
      {
        type: 'input',
        block_id: f.points.block,
        label: plain(tr.t('typeAdmin.points'), 2000),
        hint: plain(tr.t('typeAdmin.pointsHint'), 2000),
        element: { type: 'number_input', action_id: f.points.action, is_decimal_allowed: false, min_value: '0', max_value: '100', initial_value: String(type?.points ?? 1) },
      },
      // A money type's one number is its amount, so it has no count to limit.
      ...(type?.unit === 'money' ? [] : [countLimitField(tr, type)]),
      dailyPointsCapField(tr, type),
      {
        type: 'input',
        block_id: f.active.block,
        optional: true,
        label: plain(tr.t('typeAdmin.active'), 2000),
        element: {
          type: 'checkboxes',
          action_id: f.active.action,
          options: [activeOption],
          ...(type?.active === false ? {} : { initial_options: [activeOption] }),
        },
      },
    ],
  };
}

/** How many one log may count before `/log` asks whether the number was an amount. */
function countLimitField(tr: Translator, type: ActivityType | null): InputBlock {
  const f = ids.activityTypeForm.countLimit;
  return {
    type: 'input',
    block_id: f.block,
    label: plain(tr.t('typeAdmin.countLimit'), 2000),
    hint: plain(tr.t(type ? 'typeAdmin.countLimitHint' : 'typeAdmin.countLimitHintNew'), 2000),
    element: {
      type: 'number_input',
      action_id: f.action,
      is_decimal_allowed: false,
      min_value: '1',
      max_value: String(maxCount),
      initial_value: String(type?.countLimit ?? defaultCountLimit),
    },
  };
}

/** The most points one rep earns from the type in a local day; empty: no cap. */
function dailyPointsCapField(tr: Translator, type: ActivityType | null): InputBlock {
  const f = ids.activityTypeForm.dailyPointsCap;
  return {
    type: 'input',
    block_id: f.block,
    optional: true,
    label: plain(tr.t('typeAdmin.dailyPointsCap'), 2000),
    hint: plain(tr.t('typeAdmin.dailyPointsCapHint', { max: maxDailyPointsCap }), 2000),
    element: {
      type: 'number_input',
      action_id: f.action,
      is_decimal_allowed: false,
      min_value: '1',
      max_value: String(maxDailyPointsCap),
      ...(type && type.dailyPointsCap !== null ? { initial_value: String(type.dailyPointsCap) } : {}),
    },
  };
}
