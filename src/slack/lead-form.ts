import type { ViewStateValue } from '@slack/bolt';
import { z } from 'zod';
import { readFieldNumber, type DecimalSign } from '../domain/command-text.js';
import { maxLeadValue, validateLeadDraft } from '../domain/lead-command.js';
import { leadNameKey, type LeadDraft } from '../domain/leads.js';
import { PacerError } from '../errors.js';
import type { FieldErrors, FormResult } from './forms.js';
import { ids } from './ids.js';

type StateValues = Record<string, Record<string, ViewStateValue>>;

const f = ids.leadModal;
const sourceSchema = z.enum(['company', 'own']);

/** Which field each of validateLeadDraft's errors belongs under. */
const errorBlocks: Record<string, string> = {
  lead_name_invalid: f.name.block,
  lead_account_invalid: f.account.block,
  lead_value_invalid: f.value.block,
  product_invalid: f.product.block,
  lead_followup_date: f.followUp.block,
  lead_followup_past: f.followUp.block,
};

function read(values: StateValues, field: { block: string; action: string }): string | null {
  const state = values[field.block]?.[field.action];
  const raw = state?.selected_option?.value ?? state?.selected_date ?? state?.value ?? null;
  return raw === null || raw.trim() === '' ? null : raw.trim();
}

/**
 * Reads the lead form with the same rules as `/lead add`; `today` is the rep's local date and
 * `openNames` the names of their open leads, so a taken name shows under the name field; `decimal` the rep's decimal sign.
 */
export function readLeadForm(values: StateValues, today: string, openNames: readonly string[] = [], decimal: DecimalSign = '.'): FormResult<LeadDraft> {
  const source = sourceSchema.safeParse(read(values, f.source));
  if (!source.success) return { ok: false, errors: { [f.source.block]: new PacerError('lead_source_invalid') } };
  const valueText = read(values, f.value);
  const value = valueText === null ? null : (readFieldNumber(valueText, decimal) ?? Number.NaN);
  if (value !== null && !Number.isFinite(value)) {
    return { ok: false, errors: { [f.value.block]: new PacerError('lead_value_invalid', { given: valueText ?? '', max: maxLeadValue }) } };
  }
  const errors: FieldErrors = {};
  try {
    const draft = validateLeadDraft(
      {
        name: read(values, f.name) ?? '',
        account: read(values, f.account),
        value,
        productLine: (read(values, f.product) ?? '').replace(/^#/, '').toLowerCase() || null,
        source: source.data,
        stage: 'new',
        nextFollowUpOn: read(values, f.followUp),
      },
      today,
    );
    const taken = openNames.find((name) => leadNameKey(name) === leadNameKey(draft.name));
    if (taken === undefined) return { ok: true, value: draft };
    errors[f.name.block] = new PacerError('lead_exists', { name: taken });
  } catch (error) {
    if (!(error instanceof PacerError)) throw error;
    errors[errorBlocks[error.code] ?? f.name.block] = error;
  }
  return { ok: false, errors };
}
