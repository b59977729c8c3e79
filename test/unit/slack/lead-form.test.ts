import { describe, expect, it } from 'vitest';
import { buildLeadModal } from '../../../blocks/lead-modal.js';
import { translator } from '../../../src/i18n/index.js';
import { ids } from '../../../src/slack/ids.js';
import { readLeadForm } from '../../../src/slack/lead-form.js';
import { submittedState } from '../../../src/stand-in/view-state.js';

const view = buildLeadModal(translator('en-US'), { channelId: null });
const today = '2026-11-25';
const f = ids.leadModal;
const read = (typed: Record<string, string | null>, open: string[] = []) => readLeadForm(submittedState(view, typed), today, open);
const errorUnder = (result: ReturnType<typeof read>) => (result.ok ? {} : Object.fromEntries(Object.entries(result.errors).map(([block, e]) => [block, e.code])));

describe('readLeadForm', () => {
  it('reads a lead as /lead add would save it', () => {
    expect(read({ name: ' Acme Corp ', value: '12000.5', product: '#Widgets', follow_up: '2026-11-27', account: 'Acme Holdings', source: 'company' })).toEqual({
      ok: true,
      value: { name: 'Acme Corp', account: 'Acme Holdings', value: 12000.5, productLine: 'widgets', source: 'company', stage: 'new', nextFollowUpOn: '2026-11-27' },
    });
  });

  it('takes the defaults for what is left empty', () => {
    expect(read({ name: 'Acme' })).toEqual({
      ok: true,
      value: { name: 'Acme', account: null, value: null, productLine: null, source: 'own', stage: 'new', nextFollowUpOn: null },
    });
  });

  it.each([
    [{ name: null }, f.name.block, 'lead_name_invalid'],
    [{ name: 'Acme', value: '0' }, f.value.block, 'lead_value_invalid'],
    [{ name: 'Acme', value: 'lots' }, f.value.block, 'lead_value_invalid'],
    [{ name: 'Acme', product: 'two words' }, f.product.block, 'product_invalid'],
    [{ name: 'Acme', follow_up: '2026-11-24' }, f.followUp.block, 'lead_followup_past'],
    [{ name: 'Acme', follow_up: '2026-02-30' }, f.followUp.block, 'lead_followup_date'],
    [{ name: 'Acme', account: 'x'.repeat(201) }, f.account.block, 'lead_account_invalid'],
    [{ name: 'Acme', source: 'partner' }, f.source.block, 'lead_source_invalid'],
  ])('shows the mistake in %j under its field', (typed, block, code) => {
    expect(errorUnder(read(typed))).toEqual({ [block]: code });
  });

  it('refuses a name the rep already has open, whatever its case and spacing', () => {
    expect(errorUnder(read({ name: 'acme   CORP' }, ['Beta', 'Acme Corp']))).toEqual({ [f.name.block]: 'lead_exists' });
  });
});
