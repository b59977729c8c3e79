import { describe, expect, it } from 'vitest';
import { activityTypeEditSchema, applyTypeEdit, defaultActivityTypes, findActivityType, keyForNewType, maxCount, maxDailyPointsCap, readAliases } from '../../../src/domain/activity-types.js';
import { PacerError } from '../../../src/errors.js';

const types = defaultActivityTypes;
const edit = { label: 'Site visit', labelPlural: 'Site visits', aliases: ['visit', 'visits'], unit: 'count' as const, points: 3, active: true, countLimit: 30, dailyPointsCap: null };
const codeOf = (run: () => unknown) => {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof PacerError ? [error.code, error.vars] : error;
  }
};

describe('activity types', () => {
  it('a new type gets a key from its name, unique in the workspace', () => {
    expect(keyForNewType('Site visit', types)).toBe('site-visit');
    expect(keyForNewType('Demo', types)).toBe('demo-2');
    expect(keyForNewType('!!!', types)).toBe('activity');
  });

  it('renaming keeps the key, so past logs keep their meaning, and a one-word name can be typed', () => {
    const renamed = applyTypeEdit(types, 'demo', { ...edit, label: 'Showcase', labelPlural: null, aliases: ['demos'] });
    expect(renamed).toMatchObject({ key: 'demo', label: 'Showcase' });
    expect(findActivityType([...types.filter((t) => t.key !== 'demo'), renamed], 'showcase')?.key).toBe('demo');
  });

  it.each([
    [{ ...edit, aliases: ['calls'] }, null, ['type_word_taken', { word: 'calls', other: 'call' }]],
    [{ ...edit, label: 'Points' }, null, ['type_word_reserved', { word: 'points' }]],
    [{ ...edit, unit: 'money' as const }, 'call', ['type_unit_fixed', { name: 'call' }]],
    [edit, 'gone', ['type_not_found', { key: 'gone' }]],
  ])('refuses %o (editing %s)', (change, key, expected) => {
    expect(codeOf(() => applyTypeEdit(types, key, change))).toEqual(expected);
  });

  it('every default counted type says how much one log may plausibly count', () => {
    expect(Object.fromEntries(types.filter((t) => t.unit === 'count').map((t) => [t.key, t.countLimit]))).toEqual({
      call: 200, email: 300, meeting: 20, demo: 20, estimate: 50, proposal: 20, lost: 20, referral: 20,
    });
  });

  it('an edit sets the count limit, within what any log may count', () => {
    expect(applyTypeEdit(types, 'lost', { ...edit, label: 'lost deal', aliases: ['loss'], countLimit: 5 })).toMatchObject({ key: 'lost', countLimit: 5 });
    expect(activityTypeEditSchema.safeParse({ ...edit, countLimit: 0 }).success).toBe(false);
    expect(activityTypeEditSchema.safeParse({ ...edit, countLimit: maxCount + 1 }).success).toBe(false);
    expect(activityTypeEditSchema.safeParse({ ...edit, countLimit: 2.5 }).success).toBe(false);
  });

  it('no default type is capped; an edit caps a type’s daily points with a whole number from 1 to the maximum, or lifts the cap', () => {
    expect(types.filter((t) => t.dailyPointsCap !== null)).toEqual([]);
    const email = { ...edit, label: 'email', labelPlural: 'emails', aliases: ['mail'] };
    expect(applyTypeEdit(types, 'email', { ...email, dailyPointsCap: 20 })).toMatchObject({ key: 'email', dailyPointsCap: 20 });
    expect(applyTypeEdit(types, 'email', email)).toMatchObject({ key: 'email', dailyPointsCap: null });
    expect.soft(activityTypeEditSchema.safeParse({ ...edit, dailyPointsCap: maxDailyPointsCap }).success).toBe(true);
    for (const cap of [0, maxDailyPointsCap + 1, 2.5]) expect.soft(activityTypeEditSchema.safeParse({ ...edit, dailyPointsCap: cap }).success).toBe(false);
  });

  it('a type may keep its own words when changed', () => {
    expect(codeOf(() => applyTypeEdit(types, 'call', { ...edit, label: 'call', labelPlural: 'calls', aliases: ['calls', 'phone'] }))).toBeNull();
  });

  it('reads aliases as lower-case words without repeats, and refuses anything else', () => {
    expect(readAliases('Visits, onsite  visits')).toEqual(['visits', 'onsite']);
    expect(readAliases(null)).toEqual([]);
    expect(readAliases('ring <script>')).toBeUndefined();
  });
});
