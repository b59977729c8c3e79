import { describe, expect, it } from 'vitest';
import { buildGoalList, buildGoalRemoved, buildGoalSetReply, buildGoalUndone } from '../../../blocks/goal-reply.js';
import { goalVersion, type Goal } from '../../../src/domain/goals.js';
import { computePace } from '../../../src/domain/pace.js';
import { periodSpan } from '../../../src/domain/periods.js';
import { translator } from '../../../src/i18n/index.js';
import type { GoalChange } from '../../../src/services/goal-book.js';
import type { GoalStanding } from '../../../src/services/standings.js';
import { decodeGoalUndo } from '../../../src/slack/button-values.js';
import { ids } from '../../../src/slack/ids.js';
import { violationsInEveryLanguage } from '../../support/block-kit-limits.js';

const tr = translator('en-US');
const now = new Date('2026-11-25T11:00:00Z'); // Wednesday noon in Warsaw
const zone = 'Europe/Warsaw';
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const rita = { type: 'rep', userId: 'U0RITA' } as const;
const allText = (value: unknown) => JSON.stringify(value);

function goal(more: Partial<Goal> = {}): Goal {
  return { id: uuid(1), ownerType: 'rep', ownerId: 'U0RITA', metric: 'call', target: 40, period: { kind: 'week' }, productLine: '', note: null, setBy: 'U0RITA', derivedFromId: null, ...more };
}

function standing(more: Partial<Goal> = {}, actual = 0): GoalStanding {
  const full = goal(more);
  const span = periodSpan(full.period, now, zone);
  return { goal: full, span, pace: computePace({ actual, target: full.target, span, now, timeZone: zone }) };
}

function change(more: Partial<GoalChange> = {}): GoalChange {
  return { standing: standing(), before: null, owner: rita, derived: null, detached: false, unchanged: false, ...more };
}

function undoValue(message: { blocks: unknown[] }): string | undefined {
  type Element = { action_id?: string; value?: string };
  const elements = (message.blocks as { elements?: Element[] }[]).flatMap((b) => b.elements ?? []);
  return elements.find((e) => e.action_id === ids.actions.undoGoal)?.value;
}

describe('goal replies', () => {
  it('a goal set again as it was says nothing changed and offers no Undo', () => {
    const same = buildGoalSetReply(tr, change({ unchanged: true, before: { target: 40, note: null, setBy: 'U0RITA', derivedFromId: null } }), 'U0RITA');
    expect(same.text).toBe('Nothing changed: that goal is already *calls 40 weekly*.');
    expect(undoValue(same)).toBeUndefined();
    const forRep = buildGoalSetReply(tr, change({ unchanged: true }), 'U0MIA');
    expect(forRep.text).toBe('Nothing changed: <@U0RITA>’s goal is already *calls 40 weekly*.');
  });

  it('Undo of a change carries the goal’s version as the change left it', () => {
    const value = undoValue(buildGoalSetReply(tr, change({ before: { target: 30, note: 'old', setBy: 'U0MIA', derivedFromId: null } }), 'U0RITA'));
    expect(decodeGoalUndo(value)).toEqual({ kind: 'change', goalId: uuid(1), before: { target: 30, note: 'old', setBy: 'U0MIA', derivedFromId: null }, version: goalVersion(goal()) });
    expect(goalVersion(goal({ target: 41 }))).not.toBe(goalVersion(goal()));
    expect(goalVersion(goal({ note: 'x' }))).not.toBe(goalVersion(goal()));
  });

  it.each([
    [{ perUnit: 4, teamName: 'East' }, 'With this quota goes an estimates goal (4 estimates per unit of quota, team East’s rule):'],
    [{ perUnit: 2.5, teamName: 'West & Co' }, '(2.5 estimates per unit of quota, team West &amp; Co’s rule)'],
    [{ perUnit: 3, teamName: null }, '(3 estimates per unit of quota, the standard rule;'],
  ])('a quota’s estimate goal names the rule used: %j', (rule, text) => {
    const derived = { standing: standing({ id: uuid(2), metric: 'estimate', target: 40, productLine: 'widgets', derivedFromId: uuid(1) }), rule };
    const reply = buildGoalSetReply(tr, change({ standing: standing({ metric: 'deal', target: 10, productLine: 'widgets' }), derived }), 'U0RITA');
    expect(allText(reply.blocks)).toContain(text);
  });

  it('a daily goal is named as typed and paced over today', () => {
    const reply = buildGoalSetReply(tr, change({ standing: standing({ target: 10, period: { kind: 'day' } }) }), 'U0RITA');
    expect(reply.text).toBe('Goal set: *calls 10 daily*');
    expect(allText(reply.blocks)).toContain('*Calls today:* 0 / 10 — behind pace (expected 5 by now)');
  });

  it('a removal says what went with it, and its Undo carries the whole goal', () => {
    const quota = goal({ metric: 'deal', target: 10, period: { kind: 'custom', startsOn: '2026-12-01', endsOn: '2026-12-20' }, productLine: 'widgets', note: 'win back', setBy: 'U0MAX' });
    const reply = buildGoalRemoved(tr, { goal: quota, derived: goal({ id: uuid(2), metric: 'estimate', target: 30, productLine: 'widgets', period: quota.period, derivedFromId: quota.id }), owner: rita });
    expect(reply.text).toBe('Goal removed: *deals 10 Dec 1 – Dec 20 for #widgets*');
    expect(allText(reply.blocks)).toContain('Its estimates goal, *estimates 30 Dec 1 – Dec 20 for #widgets*, goes with it');
    const { id: _id, ...removed } = quota;
    expect(decodeGoalUndo(undoValue(reply))).toEqual({ kind: 'removal', goal: removed });
    expect(buildGoalUndone(tr, { kind: 'removal', goal: removed }, quota).text).toBe('Undone: *deals 10 Dec 1 – Dec 20 for #widgets* is back.');
  });

  it('Undo values stay within Slack’s 2,000 characters with the longest notes', () => {
    const note = '"\\'.repeat(150);
    const set = buildGoalSetReply(tr, change({ standing: standing({ note }), before: { target: 30, note, setBy: 'U0MIA', derivedFromId: uuid(3) } }), 'U0RITA');
    const removed = buildGoalRemoved(tr, { goal: goal({ note, metric: 'value:estimate', productLine: 'p'.repeat(50) }), derived: null, owner: rita });
    expect(violationsInEveryLanguage((tr) => buildGoalSetReply(tr, change({ standing: standing({ note }), before: { target: 30, note, setBy: 'U0MIA', derivedFromId: uuid(3) } }), 'U0RITA'))).toEqual({});
    expect(violationsInEveryLanguage((tr) => buildGoalRemoved(tr, { goal: goal({ note, metric: 'value:estimate', productLine: 'p'.repeat(50) }), derived: null, owner: rita }))).toEqual({});
    expect(decodeGoalUndo(undoValue(removed))).toMatchObject({ kind: 'removal', goal: { note } });
  });

  it('the list redrawn after Remove leads with the removal and still keeps to 50 blocks', () => {
    const many = Array.from({ length: 80 }, (_, i) => standing({ id: uuid(i + 10), note: 'x'.repeat(300) }, i));
    const list = buildGoalList(tr, { standings: many, owner: rita }, 'U0RITA', { goal: goal(), derived: null, owner: rita });
    expect(violationsInEveryLanguage((tr) => buildGoalList(tr, { standings: many, owner: rita }, 'U0RITA', { goal: goal(), derived: null, owner: rita }))).toEqual({});
    expect(list.text).toBe('Goal removed: *calls 40 weekly*');
    expect(undoValue(list)).toBeDefined();
    const shown = list.blocks.filter((b) => b.block_id?.startsWith('goal_')).length;
    expect(allText(list.blocks.at(-1))).toContain(`…and ${80 - shown} more goals`);
  });
});

describe('goal Undo values', () => {
  it.each([
    ['a button from before versions', JSON.stringify({ goalId: uuid(1), before: null })],
    ['a change without its version', JSON.stringify({ v: 2, kind: 'change', goalId: uuid(1), before: null })],
    ['a removal of an unknown owner type', JSON.stringify({ v: 2, kind: 'removal', goal: { ...goal(), id: undefined, ownerType: 'galaxy' } })],
    ['not JSON', 'undo-me'],
  ])('refuses %s', (_what, raw) => {
    expect(decodeGoalUndo(raw)).toBeNull();
  });
});
