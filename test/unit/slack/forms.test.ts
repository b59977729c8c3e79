import type { ViewStateValue } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { defaultActivityTypes } from '../../../src/domain/activity-types.js';
import { readGoalForm, readLogForm } from '../../../src/slack/forms.js';
import { ids } from '../../../src/slack/ids.js';

type Fields = Record<string, { block: string; action: string }>;

/** state.values as Slack sends them for the given field values (missing fields are empty). */
function state(fields: Fields, values: Record<string, string>): Record<string, Record<string, ViewStateValue>> {
  return Object.fromEntries(
    Object.entries(fields).map(([key, field]) => {
      const value = values[key] ?? null;
      const selected = key === 'type' || key === 'metric' || key === 'period';
      const dated = key === 'startsOn' || key === 'endsOn';
      const entry: ViewStateValue = selected
        ? { type: 'static_select', selected_option: value ? { text: { type: 'plain_text', text: value }, value } : null }
        : dated
          ? { type: 'datepicker', selected_date: value }
          : { type: 'plain_text_input', value };
      return [field.block, { [field.action]: entry }];
    }),
  );
}

const errorsOf = (result: { ok: boolean; errors?: Record<string, { code: string }> }) =>
  Object.fromEntries(Object.entries(result.errors ?? {}).map(([block, e]) => [block, e.code]));

describe('the log form', () => {
  const read = (values: Record<string, string>) => readLogForm(state(ids.logModal, values), defaultActivityTypes);

  it('reads a complete deal', () => {
    expect(read({ type: 'deal', count: '1', amount: '12000.5', lead: ' Acme Corp ', product: '#Widgets', note: 'signed' })).toEqual({
      ok: true,
      value: { typeKey: 'deal', count: 1, amount: 12000.5, lead: 'Acme Corp', productLine: 'widgets', note: 'signed' },
    });
  });

  it('keeps an amount on a count type as what it is worth (an estimate’s value)', () => {
    expect(read({ type: 'estimate', count: '2', amount: '60000' })).toMatchObject({ ok: true, value: { amount: 60000, count: 2 } });
  });

  it.each([
    [{ type: 'salaries', count: '1' }, { [ids.logModal.type.block]: 'log_unknown_type' }],
    [{ type: 'call', count: '0' }, { [ids.logModal.count.block]: 'log_count_invalid' }],
    [{ type: 'call', count: '2.5' }, { [ids.logModal.count.block]: 'log_count_invalid' }],
    [{ type: 'deal', count: '1' }, { [ids.logModal.amount.block]: 'log_amount_missing' }],
    [{ type: 'deal', count: '1', amount: '-5' }, { [ids.logModal.amount.block]: 'log_amount_invalid' }],
    [{ type: 'call', count: '1', product: 'two words' }, { [ids.logModal.product.block]: 'product_invalid' }],
  ])('puts each mistake under its field: %j', (values, expected) => {
    expect(errorsOf(read(values))).toEqual(expected);
  });
});

describe('the goal form', () => {
  const read = (values: Record<string, string>) => readGoalForm(state(ids.goalModal, values), defaultActivityTypes, '2026-11-25');

  it('reads a custom-period goal', () => {
    expect(read({ metric: 'demo', target: '10', period: 'custom', startsOn: '2026-12-01', endsOn: '2026-12-20', note: 'enterprise only' })).toEqual({
      ok: true,
      value: { metric: 'demo', target: 10, period: { kind: 'custom', startsOn: '2026-12-01', endsOn: '2026-12-20' }, productLine: '', note: 'enterprise only' },
    });
  });

  it.each([
    [{ metric: 'salaries', target: '1', period: 'week' }, { [ids.goalModal.metric.block]: 'goal_unknown_metric' }],
    [{ metric: 'call', target: '1', period: 'fortnight' }, { [ids.goalModal.period.block]: 'goal_period_missing' }],
    [{ metric: 'call', target: 'lots', period: 'week' }, { [ids.goalModal.target.block]: 'goal_target_invalid' }],
    [{ metric: 'call', target: '2.5', period: 'week' }, { [ids.goalModal.target.block]: 'goal_target_invalid' }],
    [{ metric: 'call', target: '5', period: 'custom' }, { [ids.goalModal.startsOn.block]: 'goal_dates_invalid' }],
    [{ metric: 'call', target: '5', period: 'custom', startsOn: '2026-01-01', endsOn: '2026-01-31' }, { [ids.goalModal.endsOn.block]: 'goal_dates_past' }],
  ])('puts each mistake under its field: %j', (values, expected) => {
    expect(errorsOf(read(values))).toEqual(expected);
  });
});
