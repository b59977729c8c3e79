import { describe, expect, it } from 'vitest';
import { buildGoalList, buildGoalSetReply } from '../../../blocks/goal-reply.js';
import { buildHome } from '../../../blocks/home.js';
import { buildLogReply, buildUndoReply } from '../../../blocks/log-reply.js';
import { buildGoalModal, buildLogModal } from '../../../blocks/modals.js';
import { buildHelp, buildProblem } from '../../../blocks/notice.js';
import { defaultActivityTypes } from '../../../src/domain/activity-types.js';
import type { Goal } from '../../../src/domain/goals.js';
import type { Lead } from '../../../src/domain/leads.js';
import { computePace } from '../../../src/domain/pace.js';
import { periodSpan } from '../../../src/domain/periods.js';
import { translator } from '../../../src/i18n/index.js';
import type { HomeSnapshot } from '../../../src/services/home-dashboard.js';
import type { GoalStanding } from '../../../src/services/standings.js';
import { decodeGoalUndo } from '../../../src/slack/button-values.js';
import { ids } from '../../../src/slack/ids.js';
import { blockKitViolations, violationsInEveryLanguage } from '../../support/block-kit-limits.js';

const tr = translator('en-US');
const now = new Date('2026-11-25T11:00:00Z'); // Wednesday noon in Warsaw
const zone = 'Europe/Warsaw';
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function standing(goal: Partial<Goal>, actual: number): GoalStanding {
  const full: Goal = { id: uuid(1), ownerType: 'rep', ownerId: 'U0RITA', metric: 'call', target: 40, period: { kind: 'week' }, productLine: '', note: null, setBy: 'U0RITA', derivedFromId: null, ...goal };
  const span = periodSpan(full.period, now, zone);
  return { goal: full, span, pace: computePace({ actual, target: full.target, span, now, timeZone: zone }) };
}

const activity = {
  id: uuid(9), teamId: 'T1', userId: 'U0RITA', typeKey: 'call', count: 5, amount: null, points: 5,
  lead: 'Acme <Corp>', productLine: 'widgets', note: 'called CFO', occurredAt: now,
};
const allText = (value: unknown) => JSON.stringify(value);

describe('log reply', () => {
  const reply = buildLogReply(tr, { activity, standings: [standing({}, 8)], types: [...defaultActivityTypes] });

  it('says what was logged and where the goal stands, in the issue’s words', () => {
    expect(reply.text).toBe('Logged *5 calls*');
    expect(allText(reply.blocks)).toContain('*Calls this week:* 8 / 40 — behind pace (expected 20 by now)');
    expect(allText(reply.blocks)).toContain('lead: Acme &lt;Corp&gt;');
  });

  it('carries an Undo button holding exactly that log’s id', () => {
    const actions = reply.blocks.find((b) => b.type === 'actions');
    expect(actions).toMatchObject({ elements: [{ action_id: ids.actions.undoLog, value: activity.id }] });
  });

  it('suggests a goal when none is moved', () => {
    const lonely = buildLogReply(tr, { activity, standings: [], types: [...defaultActivityTypes] });
    expect(allText(lonely.blocks)).toContain('/goal call 40 weekly');
  });

  it('money shows the amount and undo restates it', () => {
    const deal = { ...activity, typeKey: 'deal', count: 1, amount: 12000 };
    const undone = buildUndoReply(tr, { activity: deal, standings: [], types: [...defaultActivityTypes] });
    expect(undone.text).toBe('Undone: 1 deal · 12,000 is no longer counted.');
  });

  it('stays within Block Kit limits with the longest lead and note', () => {
    const long = { ...activity, lead: 'L'.repeat(200), note: 'n'.repeat(500) };
    const many = Array.from({ length: 12 }, (_, i) => standing({ id: uuid(i), metric: 'points', target: 10_000 }, i));
    expect(violationsInEveryLanguage((tr) => buildLogReply(tr, { activity: long, standings: many, types: [...defaultActivityTypes] }))).toEqual({});
  });
});

describe('goal replies', () => {
  it('a new goal says so, and Undo knows there was none before', () => {
    const reply = buildGoalSetReply(tr, { standing: standing({}, 0), before: null, owner: { type: 'rep', userId: 'U0RITA' }, derived: null, detached: false, unchanged: false }, 'U0RITA');
    expect(reply.text).toBe('Goal set: *calls 40 weekly*');
    const button = reply.blocks.find((b) => b.type === 'actions');
    const value = button?.type === 'actions' && button.elements[0]?.type === 'button' ? button.elements[0].value : undefined;
    expect(decodeGoalUndo(value)).toEqual({ kind: 'change', goalId: uuid(1), before: null, version: expect.any(String) });
  });

  it('a changed goal shows the old target', () => {
    const reply = buildGoalSetReply(tr, { standing: standing({ metric: 'revenue', target: 50000, productLine: 'widgets', period: { kind: 'month' } }, 0), before: { target: 40000, note: null, setBy: 'U0MIA', derivedFromId: null }, owner: { type: 'rep', userId: 'U0RITA' }, derived: null, detached: false, unchanged: false }, 'U0MIA');
    expect(reply.text).toBe('Goal updated for <@U0RITA>: *revenue 50,000 monthly for #widgets* (was 40,000)');
  });

  it('the list keeps to 50 blocks however many goals there are', () => {
    const many = Array.from({ length: 80 }, (_, i) => standing({ id: uuid(i), note: 'x'.repeat(300) }, i));
    const list = buildGoalList(tr, { standings: many, owner: { type: 'rep', userId: 'U0RITA' } }, 'U0RITA');
    expect(violationsInEveryLanguage((tr) => buildGoalList(tr, { standings: many, owner: { type: 'rep', userId: 'U0RITA' } }, 'U0RITA'))).toEqual({});
    expect(allText(list.blocks.at(-1))).toMatch(/…and \d+ more goals/);
  });

  it('team and company goals say whose they are', () => {
    const change = (owner: { type: 'team'; name: string } | { type: 'company' }) =>
      buildGoalSetReply(tr, { standing: standing({ metric: 'revenue', target: 200000, period: { kind: 'quarter' } }, 0), before: null, owner, derived: null, detached: false, unchanged: false }, 'U0MIA').text;
    expect(change({ type: 'team', name: 'East' })).toBe('Goal set for team East: *revenue 200,000 quarterly*');
    expect(change({ type: 'company' })).toBe('Goal set for the company: *revenue 200,000 quarterly*');
  });

  it('a custom period is named by its dates', () => {
    const custom = standing({ metric: 'demo', target: 10, period: { kind: 'custom', startsOn: '2026-12-01', endsOn: '2026-12-20' } }, 0);
    expect(allText(buildGoalList(tr, { standings: [custom], owner: { type: 'rep', userId: 'U0RITA' } }, 'U0RITA').blocks)).toContain('*Demos Dec 1 – Dec 20:* 0 / 10 — starts Dec 1');
  });
});

function lead(name: string, nextFollowUpOn: string | null, more: Partial<Lead> = {}): Lead {
  return {
    id: `lead-${name}`, teamId: 'T1', ownerId: 'U0RITA', name, account: name, value: null, productLine: null, source: 'own', stage: 'contacted',
    lostReason: null, wonAmount: null, closedAt: null, lastTouchedAt: now, nextFollowUpOn, checkedBackAt: null, satisfaction: null, complaint: null, createdAt: now,
    ...more,
  };
}

describe('home and modals', () => {
  const types = [...defaultActivityTypes];
  const snapshot: HomeSnapshot = {
    member: { teamId: 'T1', userId: 'U0RITA', name: 'Rita', timeZone: zone, locale: 'en-US', isAdmin: false, refreshedAt: now },
    standings: [standing({}, 8)],
    week: [{ typeKey: 'call', productLine: null, count: 8, amount: 0, points: 8 }, { typeKey: 'deal', productLine: 'widgets', count: 1, amount: 12000, points: 10 }],
    types,
    now,
    teams: [],
    followUps: [],
    standing: { line: null, ranked: 0, team: null, ranking: { by: 'points' }, streak: 0, badges: [] },
  };

  it('the Home shows the rep’s rank on the team board, streak and badges', () => {
    const line = { userId: 'U0RITA', name: 'Rita', rank: 2, tied: false, score: 18, points: 18, counts: { call: 8 }, revenue: 12000, biggestDeal: 12000, kudos: 0, streak: 4 };
    const home = buildHome(tr, { ...snapshot, standing: { line, ranked: 7, team: 'East', ranking: { by: 'points' }, streak: 4, badges: ['first-deal', 'top-of-week'] } });
    const text = JSON.stringify(home.blocks);
    expect(text).toContain('Rank *2* of 7 this week in East · 18 pts');
    expect(text).toContain('Streak: *4* working days');
    expect(text).toContain('First deal · 🏆 Top of the week');
    expect(JSON.stringify(buildHome(tr, snapshot).blocks)).toContain('Not on this week’s board yet');
  });

  it('a manager’s Home shows each rep’s main goal, those behind first and named', () => {
    const home = buildHome(tr, {
      ...snapshot,
      teams: [{ name: 'East', reps: [{ userId: 'U0AHEAD', main: standing({}, 30) }, { userId: 'U0SLOW', main: standing({}, 2) }, { userId: 'U0NEW', main: null }] }],
    });
    const text = allText(home.blocks);
    expect(text).toContain('Team East');
    expect(text).toContain('<@U0SLOW> · *Calls this week:* 2 / 40 — behind pace (expected 20 by now)\\n<@U0AHEAD>');
    expect(text).toContain('<@U0NEW> · no goal yet');
    expect(text).toContain('Behind or at risk: <@U0SLOW>');
    expect(
      violationsInEveryLanguage((tr) => 
        buildHome(tr, {
          ...snapshot,
          teams: [{ name: 'East', reps: [{ userId: 'U0AHEAD', main: standing({}, 30) }, { userId: 'U0SLOW', main: standing({}, 2) }, { userId: 'U0NEW', main: null }] }],
        }),
      ),
    ).toEqual({});
  });

  it('Home shows the goal with a bar, the week’s activity, and the three buttons', () => {
    const home = buildHome(tr, snapshot);
    const text = allText(home.blocks);
    expect(text).toContain('▰▰▱▱▱▱▱▱▱▱ 20%');
    expect(text).toContain('8 calls\\n1 deal · 12,000');
    expect(text).toContain('18 points this week');
    expect(home.blocks.find((b) => b.type === 'actions')).toMatchObject({
      elements: [
        { action_id: ids.actions.openLogModal, text: { text: 'Log activity' } },
        { action_id: ids.actions.openGoalModal, text: { text: 'Set a goal' } },
        { action_id: ids.actions.openLeadModal, text: { text: 'Add a lead' } },
      ],
    });
    expect(text).toContain('No follow-ups due today.');
    expect(violationsInEveryLanguage((tr) => buildHome(tr, snapshot))).toEqual({});
  });

  it('Home lists today’s follow-ups, overdue flagged and first, names escaped', () => {
    // Wednesday 25 Nov in Warsaw.
    const home = buildHome(tr, { ...snapshot, followUps: [lead('Acme <Corp>', '2026-11-25'), lead('Initech', '2026-11-20'), lead('Globex', '2026-11-24')] });
    const text = allText(home.blocks);
    expect(text).toContain('Today’s follow-ups');
    expect(text).toContain(
      ':warning: *Initech* · *overdue* since Nov 20 (5 days)\\n:warning: *Globex* · *overdue* since Nov 24 (1 day)\\n*Acme &lt;Corp&gt;* · due today',
    );
    expect(text).not.toContain('/lead list');
    expect(violationsInEveryLanguage((tr) => buildHome(tr, { ...snapshot, followUps: [lead('Acme <Corp>', '2026-11-25'), lead('Initech', '2026-11-20'), lead('Globex', '2026-11-24')] }))).toEqual({});
  });

  it('Home shows ten follow-ups, counts the rest, and keeps to the limits with the longest names', () => {
    const many = Array.from({ length: 13 }, (_, i) => lead(`${String(i).padStart(2, '0')} ${'L'.repeat(197)}`, '2026-11-25'));
    const home = buildHome(tr, { ...snapshot, followUps: many, standings: Array.from({ length: 150 }, (_, i) => standing({ id: uuid(i) }, i)) });
    const text = allText(home.blocks);
    expect(text).toContain(`*09 ${'L'.repeat(76)}…* · due today`);
    expect(text).not.toContain('*10 L');
    expect(text).toContain('and 3 more: `/lead list`');
    expect(violationsInEveryLanguage((tr) => buildHome(tr, { ...snapshot, followUps: many, standings: Array.from({ length: 150 }, (_, i) => standing({ id: uuid(i) }, i)) }))).toEqual({});
  });

  it('Home stays within 100 blocks with very many goals', () => {
    const many = Array.from({ length: 150 }, (_, i) => standing({ id: uuid(i) }, i));
    expect(violationsInEveryLanguage((tr) => buildHome(tr, { ...snapshot, standings: many }))).toEqual({});
  });

  it('the modals keep to the limits with 120 activity types of 60 characters', () => {
    const keys = Array.from({ length: 120 }, (_, i) => `type-${i}-${'x'.repeat(50)}`);
    expect(violationsInEveryLanguage((tr) => buildLogModal(tr, keys, { channelId: 'C0SALES' }))).toEqual({});
    expect(violationsInEveryLanguage((tr) => buildGoalModal(tr, keys, { channelId: null }))).toEqual({});
  });

  it('help and problems show the right form', () => {
    expect(buildHelp(tr, 'log', ['call', 'email']).text).toContain('Types: call, email.');
    expect(buildHelp(tr, 'goal', ['call']).text).toContain('Metrics: call, revenue, points.');
    expect(allText(buildProblem('Nope', 'Try /log call 5').blocks)).toContain('Try /log call 5');
  });
});

describe('the limit checker itself', () => {
  it('catches an over-long button and too many blocks', () => {
    const button = { type: 'actions' as const, elements: [{ type: 'button' as const, action_id: 'a', text: { type: 'plain_text' as const, text: 'x'.repeat(76) } }] };
    expect(blockKitViolations({ blocks: Array.from({ length: 51 }, () => button) })).toContain('51 blocks > 50');
    expect(blockKitViolations({ blocks: [button] })[0]).toContain('text is 76 > 75');
  });
});
