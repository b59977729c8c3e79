import type { ModalView } from '@slack/types';
import { maxLeadNameLength, maxLeadValue } from '../src/domain/lead-command.js';
import type { Translator } from '../src/i18n/index.js';
import { ids } from '../src/slack/ids.js';
import { option, type ModalOrigin } from './modals.js';
import { limits, plain, textField } from './text.js';

/**
 * The form behind a bare `/lead` and the Home tab's "Add a lead": the same fields as `/lead add`.
 * The source is a select, not radio buttons, so it reads back like every other Pacer form.
 */
export function buildLeadModal(tr: Translator, origin: ModalOrigin): ModalView {
  const f = ids.leadModal;
  const own = option(tr, tr.t('lead.modalSourceOwn'), 'own');
  return {
    type: 'modal',
    callback_id: ids.views.leadModal,
    title: plain(tr.t('lead.modalTitle'), limits.modalTitle),
    submit: plain(tr.t('lead.modalSubmit'), limits.modalTitle),
    close: plain(tr.t('modal.cancel'), limits.modalTitle),
    private_metadata: JSON.stringify(origin),
    blocks: [
      textField(f.name, tr.t('lead.modalName'), { optional: false, maxLength: maxLeadNameLength, placeholder: tr.t('lead.modalNamePlaceholder') }),
      {
        type: 'input',
        block_id: f.value.block,
        optional: true,
        label: plain(tr.t('lead.modalValue'), 2000),
        hint: plain(tr.t('lead.modalValueHint'), 2000),
        element: { type: 'number_input', action_id: f.value.action, is_decimal_allowed: true, min_value: '0.01', max_value: String(maxLeadValue) },
      },
      textField(f.product, tr.t('lead.modalProduct'), { optional: true, maxLength: 50, hint: tr.t('lead.modalProductHint') }),
      {
        type: 'input',
        block_id: f.followUp.block,
        optional: true,
        label: plain(tr.t('lead.modalFollowUp'), 2000),
        element: { type: 'datepicker', action_id: f.followUp.action },
      },
      textField(f.account, tr.t('lead.modalAccount'), { optional: true, maxLength: maxLeadNameLength, hint: tr.t('lead.modalAccountHint') }),
      {
        type: 'input',
        block_id: f.source.block,
        label: plain(tr.t('lead.modalSource'), 2000),
        element: {
          type: 'static_select',
          action_id: f.source.action,
          initial_option: own,
          options: [own, option(tr, tr.t('lead.modalSourceCompany'), 'company')],
        },
      },
    ],
  };
}
