import type { ActionsBlock, Button } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { buildLogQuestion, buildLogReply, dayName } from '../../../blocks/log-reply.js';
import { buildLogModal } from '../../../blocks/modals.js';
import { defaultActivityTypes } from '../../../src/domain/activity-types.js';
import type { Goal } from '../../../src/domain/goals.js';
import type { DatedLogDraft } from '../../../src/domain/log-command.js';
import { computePace } from '../../../src/domain/pace.js';
import { periodSpan } from '../../../src/domain/periods.js';
import { translator } from '../../../src/i18n/index.js';
import type { GoalStanding } from '../../../src/services/standings.js';
import { decodeLogChoice } from '../../../src/slack/button-values.js';
import { ids } from '../../../src/slack/ids.js';
import { violationsInEveryLanguage } from '../../support/block-kit-limits.js';

const tr = translator('en-US');
// Wednesday 2 Dec 2026, noon in Warsaw.
const now = new Date('2026-12-02T11:00:00Z');
const zone = 'Europe/Warsaw';
const types = [...defaultActivityTypes];
const allText = (value: unknown) => JSON.stringify(value);

function standing(period: Goal['period']): GoalStanding {
  const goal: Goal = { id: 'G1', ownerType: 'rep', ownerId: 'U0RITA', metric: 'call', target: 40, period, productLine: '', note: null, setBy: 'U0RITA', derivedFromId: null };
  const span = periodSpan(period, now, zone);
  return { goal, span, pace: computePace({ actual: 5, target: 40, span, now, timeZone: zone }) };
}

const activity = {
  id: '00000000-0000-4000-8000-000000000009', teamId: 'T1', userId: 'U0RITA', typeKey: 'call', count: 5, amount: null, points: 5,
  lead: null, productLine: null, note: null, occurredAt: now,
};

describe('a log for an earlier day', () => {
  it('names the day when it is not today', () => {
    const reply = buildLogReply(tr, { activity: { ...activity, occurredAt: new Date('2026-11-27T11:00:00Z') }, standings: [], types, day: '2026-11-27' });
    expect(reply.text).toBe('Logged *5 calls* on Fri, Nov 27');
    expect(buildLogReply(tr, { activity, standings: [], types, day: null }).text).toBe('Logged *5 calls*');
  });

  it('says so when the day lies before a shown goal’s period, and not when the period holds it', () => {
    const earlier = { ...activity, occurredAt: new Date('2026-11-27T11:00:00Z') };
    const weekly = buildLogReply(tr, { activity: earlier, standings: [standing({ kind: 'week' })], types, day: '2026-11-27' });
    expect(allText(weekly.blocks)).toContain('Fri, Nov 27 is in an earlier period than some goals below');
    const yesterday = { ...activity, occurredAt: new Date('2026-12-01T11:00:00Z') };
    const sameWeek = buildLogReply(tr, { activity: yesterday, standings: [standing({ kind: 'week' })], types, day: '2026-12-01' });
    expect(allText(sameWeek.blocks)).not.toContain('earlier period');
  });

  it('names days in the reader’s language', () => {
    expect(dayName(tr, '2026-11-27')).toBe('Fri, Nov 27');
  });
});

describe('notes with mentions', () => {
  it('shows a mention as a mention and escapes everything else', () => {
    const reply = buildLogReply(tr, { activity: { ...activity, note: 'with <@U0BOB> & <b>team</b> <!channel>' }, standings: [], types });
    expect(allText(reply.blocks)).toContain('note: with <@U0BOB> &amp; &lt;b&gt;team&lt;/b&gt; &lt;!channel&gt;');
  });
});

describe('the question about a number more likely an amount', () => {
  const draft = (changes: Partial<DatedLogDraft>): DatedLogDraft => ({
    typeKey: 'lost', count: 5000, amount: null, lead: 'Acme', productLine: null, note: null, on: '2026-12-02', ...changes,
  });
  const question = { asCount: draft({}), asAmount: draft({ count: 1, amount: 5000 }) };
  const buttons = (message: { blocks: unknown[] }) =>
    (message.blocks.find((b) => (b as { type: string }).type === 'actions') as ActionsBlock | undefined)?.elements as Button[] | undefined;

  it('asks in the issue’s words, each button carrying its whole log', () => {
    const message = buildLogQuestion(tr, question, '2026-12-02');
    expect(message.text).toBe('*5,000 lost deals*, or *one lost deal worth 5,000*?');
    expect(buttons(message)?.map((b) => [b.action_id, b.text.text])).toEqual([
      [ids.actions.logAsCount, '5,000 lost deals'],
      [ids.actions.logAsAmount, 'One lost deal · 5,000'],
    ]);
    expect(buttons(message)?.map((b) => decodeLogChoice(b.value))).toEqual([question.asCount, question.asAmount]);
    expect(allText(message.blocks)).toContain('`/log lost $5,000`');
    expect(violationsInEveryLanguage((tr) => buildLogQuestion(tr, question, '2026-12-02'))).toEqual({});
  });

  it('names the day on the buttons when it is not today', () => {
    const earlier = { asCount: draft({ on: '2026-11-27' }), asAmount: draft({ count: 1, amount: 5000, on: '2026-11-27' }) };
    expect(buttons(buildLogQuestion(tr, earlier, '2026-12-02'))?.map((b) => b.text.text)).toEqual(['5,000 lost deals on Fri, Nov 27', 'One lost deal · 5,000 on Fri, Nov 27']);
  });

  it('keeps to the limits with the longest lead and note, and leaves out a log too long for a button', () => {
    const long = { lead: 'L'.repeat(200), note: 'n'.repeat(500), productLine: 'p'.repeat(50) };
    const longest = buildLogQuestion(tr, { asCount: draft(long), asAmount: draft({ ...long, count: 1, amount: 5000 }) }, '2026-12-02');
    expect(buttons(longest)).toHaveLength(2);
    expect(violationsInEveryLanguage((tr) => buildLogQuestion(tr, { asCount: draft(long), asAmount: draft({ ...long, count: 1, amount: 5000 }) }, '2026-12-02'))).toEqual({});
    const escaped = { lead: '\u0001'.repeat(200), note: '"'.repeat(500) };
    const unfit = buildLogQuestion(tr, { asCount: draft(escaped), asAmount: draft({ ...escaped, count: 1, amount: 5000 }) }, '2026-12-02');
    expect(buttons(unfit)).toBeUndefined();
    expect(allText(unfit.blocks)).toContain('`/log lost $5,000`');
  });

  it('refuses values that are not a whole, valid log', () => {
    const good = JSON.parse(buttons(buildLogQuestion(tr, question, '2026-12-02'))?.[0]?.value ?? '') as Record<string, unknown>;
    expect(decodeLogChoice(JSON.stringify({ ...good, v: 2 }))).toBeNull();
    expect(decodeLogChoice(JSON.stringify({ v: 1, draft: { ...question.asCount, count: 0 } }))).toBeNull();
    expect(decodeLogChoice(JSON.stringify({ v: 1, draft: { ...question.asCount, on: 'friday' } }))).toBeNull();
    expect(decodeLogChoice(JSON.stringify({ v: 1, draft: { ...question.asCount, on: undefined } }))).toBeNull();
    expect(decodeLogChoice("'; DROP TABLE activities; --")).toBeNull();
    expect(decodeLogChoice(undefined)).toBeNull();
  });
});

describe('the log form', () => {
  it('offers the day, today unless changed', () => {
    const form = buildLogModal(tr, ['call', 'deal'], { channelId: null }, '2026-12-02');
    const day = form.blocks.find((b) => b.block_id === ids.logModal.on.block);
    expect(day).toMatchObject({ type: 'input', optional: true, element: { type: 'datepicker', action_id: ids.logModal.on.action, initial_date: '2026-12-02' } });
    expect(allText(day)).toContain('up to 90 days back');
    expect(violationsInEveryLanguage((tr) => buildLogModal(tr, ['call', 'deal'], { channelId: null }, '2026-12-02'))).toEqual({});
    const fromHome = buildLogModal(tr, ['call'], { channelId: null });
    expect(fromHome.blocks.find((b) => b.block_id === ids.logModal.on.block)).toMatchObject({ element: { placeholder: { text: 'Today' } } });
  });
});
