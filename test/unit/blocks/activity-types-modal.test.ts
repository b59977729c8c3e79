import { describe, expect, it } from 'vitest';
import { buildActivityTypeForm, buildActivityTypesModal } from '../../../blocks/activity-types-modal.js';
import { defaultActivityTypes, maxActivityTypes, type ActivityType } from '../../../src/domain/activity-types.js';
import { translator } from '../../../src/i18n/index.js';
import { decodeTypeFormOrigin } from '../../../src/slack/button-values.js';
import { ids } from '../../../src/slack/ids.js';
import { violationsInEveryLanguage } from '../../support/block-kit-limits.js';

const tr = translator('en-US');
const many: ActivityType[] = Array.from({ length: maxActivityTypes }, (_, i) => ({
  key: `type-${i}`.padEnd(30, 'x'), label: 'L'.repeat(40), labelPlural: 'P'.repeat(40), aliases: Array.from({ length: 15 }, (_, j) => `alias${i}-${j}`.padEnd(30, 'y')),
  unit: i % 2 ? 'money' : 'count', points: 100, active: i % 3 !== 0, countLimit: 10_000, dailyPointsCap: 1000,
}));

describe('activity type admin surfaces', () => {
  it('the list shows each type with its key, unit, points and other words, and Add while there is room', () => {
    const list = buildActivityTypesModal(tr, defaultActivityTypes);
    const text = JSON.stringify(list.blocks);
    expect(text).toContain('*Deals* · `deal` · with an amount · 10 points a log');
    expect(text).toContain('Also: calls, phone, dial, dials');
    expect(text).not.toContain('a day');
    expect(text).toContain(ids.actions.addActivityType);
    expect(violationsInEveryLanguage((tr) => buildActivityTypesModal(tr, defaultActivityTypes))).toEqual({});
  });

  it('a full workspace’s list keeps to the limits and offers no Add', () => {
    const list = buildActivityTypesModal(tr, many);
    expect(violationsInEveryLanguage((tr) => buildActivityTypesModal(tr, many))).toEqual({});
    expect(JSON.stringify(list.blocks)).not.toContain(ids.actions.addActivityType);
  });

  it('the form names the type it changes, fixes an existing type’s unit, and offers a unit for a new one', () => {
    const edit = buildActivityTypeForm(tr, many[1] ?? null);
    expect(decodeTypeFormOrigin(edit.private_metadata)).toEqual({ key: many[1]?.key });
    expect(JSON.stringify(edit.blocks)).not.toContain(ids.activityTypeForm.unit.block);
    expect(violationsInEveryLanguage((tr) => buildActivityTypeForm(tr, many[1] ?? null))).toEqual({});
    const add = buildActivityTypeForm(tr, null);
    expect(decodeTypeFormOrigin(add.private_metadata)).toEqual({ key: null });
    expect(JSON.stringify(add.blocks)).toContain(ids.activityTypeForm.unit.block);
    expect(violationsInEveryLanguage((tr) => buildActivityTypeForm(tr, null))).toEqual({});
  });

  it('the form shows how much one log of a counted type may count, and none for an amount type', () => {
    const limitOf = (form: ReturnType<typeof buildActivityTypeForm>) =>
      form.blocks.find((b) => b.block_id === ids.activityTypeForm.countLimit.block) as { element: { initial_value?: string; max_value?: string } } | undefined;
    const lost = defaultActivityTypes.find((t) => t.key === 'lost') ?? null;
    expect(limitOf(buildActivityTypeForm(tr, lost))?.element).toMatchObject({ initial_value: '20', max_value: '10000' });
    expect(limitOf(buildActivityTypeForm(tr, null))?.element).toMatchObject({ initial_value: '100' });
    expect(limitOf(buildActivityTypeForm(tr, defaultActivityTypes.find((t) => t.key === 'deal') ?? null))).toBeUndefined();
  });

  it('a capped type shows its cap in the list, and the form offers the cap with a hint on padding', () => {
    const capped = defaultActivityTypes.map((t) => (t.key === 'email' ? { ...t, dailyPointsCap: 20 } : t.key === 'call' ? { ...t, dailyPointsCap: 1 } : t));
    const text = JSON.stringify(buildActivityTypesModal(tr, capped).blocks);
    expect(text).toContain('*Emails* · `email` · counted · 1 point each · max 20 pts a day');
    expect(text).toContain('*Calls* · `call` · counted · 1 point each · max 1 pt a day');
    const capOf = (type: ActivityType | null) =>
      buildActivityTypeForm(tr, type).blocks.find((b) => b.block_id === ids.activityTypeForm.dailyPointsCap.block);
    expect(capOf(capped.find((t) => t.key === 'email') ?? null)).toMatchObject({
      optional: true,
      label: { text: 'Daily points cap' },
      hint: { text: expect.stringContaining('Padding does not pay: cap emails at 20 points a day') },
      element: { type: 'number_input', is_decimal_allowed: false, min_value: '1', max_value: '1000', initial_value: '20' },
    });
    expect(capOf(null)).toMatchObject({ element: { type: 'number_input' } });
    expect(capOf(null)).not.toHaveProperty('element.initial_value');
    expect(capOf(defaultActivityTypes.find((t) => t.key === 'deal') ?? null)).toBeDefined();
  });
});
