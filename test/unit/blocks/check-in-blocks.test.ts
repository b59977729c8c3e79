import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildCheckInModal, buildCoachingNoteModal } from '../../../blocks/check-in-form.js';
import { buildCheckInAsk, buildCheckInReply, buildCheckInStatus, buildCheckInSummary } from '../../../blocks/check-in-messages.js';
import { buildCheckInSetupModal } from '../../../blocks/check-in-setup.js';
import { maxCheckInQuestions, maxQuestionLabel, maxTextAnswer, roundStanding, type CheckInAnswer, type CheckInQuestion } from '../../../src/domain/check-ins.js';
import { translator } from '../../../src/i18n/index.js';
import { defaultSetupQuestions } from '../../../src/slack/check-in-form.js';
import { decodeRep, decodeRound, decodeSetupOrigin } from '../../../src/slack/check-in-values.js';
import { ids } from '../../../src/slack/ids.js';
import { violationsInEveryLanguage } from '../../support/block-kit-limits.js';

const tr = translator('en-US');
const salesTeamId = '5b1f0f3e-8a43-4c39-9d0f-1a2b3c4d5e6f';
const week = '2026-12-04';
const questions = defaultSetupQuestions(tr);
/** The most a check-in holds: ten questions of the longest label, every kind. */
const longest: CheckInQuestion[] = Array.from({ length: maxCheckInQuestions }, (_, i) => ({
  id: `q${i + 1}`,
  kind: (['text', 'scale', 'yesno', 'number'] as const)[i % 4] ?? 'text',
  label: 'Q'.repeat(maxQuestionLabel),
  role: i === 2 ? 'confidence' : null,
}));
const schedule = { weekday: '5', at: '15:00', reminderHours: '24' };
const allText = (value: unknown) => JSON.stringify(value);
const actionIds = (block: unknown) => z.object({ elements: z.array(z.object({ action_id: z.string() })) }).parse(block).elements.map((e) => e.action_id);

function answer(change: Partial<CheckInAnswer> = {}): CheckInAnswer {
  return {
    teamId: 'T1', salesTeamId, week, userId: 'U0RITA', flagged: false, late: false, submittedAt: new Date('2026-12-04T15:00:00Z'), threadPosts: [], skippedReason: null,
    answers: { wins: 'Signed <Acme> & co', blockers: 'none', confidence: 2, help: { yes: true, detail: 'pricing' }, commitment: 'Call 40 leads' },
    ...change,
  };
}

describe('the setup form', () => {
  it('opens with the five default questions, each with its kind, and the schedule', () => {
    const view = buildCheckInSetupModal(tr, { salesTeamId, teamName: 'East', questions, schedule });
    expect(violationsInEveryLanguage((tr) => buildCheckInSetupModal(tr, { salesTeamId, teamName: 'East', questions: defaultSetupQuestions(tr), schedule }))).toEqual({});
    expect(decodeSetupOrigin(view.private_metadata)?.questions.map((q) => q.id)).toEqual(['wins', 'blockers', 'confidence', 'help', 'commitment']);
    expect(allText(view)).toContain('What do you commit to for next week?');
    // The first question cannot move up, the last not down; with one question left there is no Remove.
    const tools = view.blocks.filter((b) => b.block_id?.startsWith(ids.checkIn.setup.tools)).map(actionIds);
    expect(tools[0]).toEqual([ids.checkIn.actions.moveDown, ids.checkIn.actions.removeQuestion]);
    expect(tools.at(-1)).toEqual([ids.checkIn.actions.moveUp, ids.checkIn.actions.removeQuestion]);
    const single = buildCheckInSetupModal(tr, { salesTeamId, teamName: 'East', questions: questions.slice(0, 1), schedule });
    expect(single.blocks.some((b) => b.block_id?.startsWith(ids.checkIn.setup.tools))).toBe(false);
  });

  it('keeps to Block Kit at ten questions, and offers no eleventh', () => {
    const view = buildCheckInSetupModal(tr, { salesTeamId, teamName: 'N'.repeat(100), questions: longest, schedule });
    expect(violationsInEveryLanguage((tr) => buildCheckInSetupModal(tr, { salesTeamId, teamName: 'N'.repeat(100), questions: longest, schedule }))).toEqual({});
    expect(allText(view)).not.toContain(ids.checkIn.actions.addQuestion);
    expect(view.private_metadata?.length).toBeLessThanOrEqual(3000);
  });
});

describe('the rep’s form and DM', () => {
  it('shows last week’s commitment and one field per question; a yes/no has its “what”', () => {
    const view = buildCheckInModal(tr, { teamName: 'East', salesTeamId, week, questions, lastCommitment: 'Call 40 leads', answers: null });
    expect(violationsInEveryLanguage((tr) => buildCheckInModal(tr, { teamName: 'East', salesTeamId, week, questions: defaultSetupQuestions(tr), lastCommitment: 'Call 40 leads', answers: null }))).toEqual({});
    expect(decodeRound(view.private_metadata)).toEqual({ salesTeamId, week });
    expect(allText(view)).toContain('Last week you committed to: _Call 40 leads_');
    expect(view.blocks.map((b) => b.block_id).filter(Boolean)).toEqual(['checkin_a.wins', 'checkin_a.blockers', 'checkin_a.confidence', 'checkin_a.help', 'checkin_a_detail.help', 'checkin_a.commitment']);
  });

  it('keeps to Block Kit at ten long questions with long answers', () => {
    const answers = Object.fromEntries(longest.map((q) => [q.id, q.kind === 'text' ? 'A'.repeat(maxTextAnswer) : q.kind === 'yesno' ? { yes: true, detail: 'D'.repeat(maxTextAnswer) } : 3]));
    expect(violationsInEveryLanguage((tr) => buildCheckInModal(tr, { teamName: 'East', salesTeamId, week, questions: longest, lastCommitment: 'C'.repeat(maxTextAnswer), answers }))).toEqual({});
    expect(violationsInEveryLanguage((tr) => buildCheckInReply(tr, { salesTeamId, week, questions: longest, answer: answer({ answers }), flags: ['low_confidence', 'help'] }))).toEqual({});
  });

  it('the DM carries the week’s numbers, last week’s commitment and the button; the reminder is short', () => {
    const dm = buildCheckInAsk(tr, { salesTeamId, week, teamName: 'East', standings: ['*Calls this week:* 8 / 40'], lastCommitment: 'Call 40 leads', reminder: false });
    expect(violationsInEveryLanguage((tr) => buildCheckInAsk(tr, { salesTeamId, week, teamName: 'East', standings: ['*Calls this week:* 8 / 40'], lastCommitment: 'Call 40 leads', reminder: false }))).toEqual({});
    expect(allText(dm)).toContain('Your numbers this week:\\n• *Calls this week:* 8 / 40');
    expect(allText(dm)).toContain('Last week you committed to');
    const reminder = buildCheckInAsk(tr, { salesTeamId, week, teamName: 'East', standings: [], lastCommitment: null, reminder: true });
    expect(reminder.text).toBe('Reminder: your check-in for team East is still open');
    expect(allText(reminder)).toContain(ids.checkIn.actions.start);
  });
});

describe('the managers’ side', () => {
  const round = { expected: ['U0RITA', 'U0BOB', 'U0ANN'], away: ['U0JO'] };

  it('a reply is flagged, escapes what the rep typed, and carries the coaching note button', () => {
    const reply = buildCheckInReply(tr, { salesTeamId, week, questions, answer: answer({ late: true }), flags: ['low_confidence', 'help'] });
    expect(allText(reply)).toContain('*<@U0RITA>* · :warning: low confidence · :sos: help asked · late');
    expect(allText(reply)).toContain('Signed &lt;Acme&gt; &amp; co');
    expect(allText(reply)).toContain('Yes — pricing');
    const button = reply.blocks.flatMap((b) => (b.type === 'actions' ? b.elements : []))[0];
    expect(decodeRep(button && 'value' in button ? button.value : undefined)).toEqual({ salesTeamId, week, repId: 'U0RITA' });
  });

  it('the summary counts answers, names the missing, the skipped and the away; the closed one says so', () => {
    const standing = roundStanding(round, [answer({ flagged: true }), { userId: 'U0BOB', skippedReason: 'on holiday', flagged: false, late: false }]);
    const open = buildCheckInSummary(tr, { teamName: 'East', week, standing, closed: false, skipReasons: new Map([['U0BOB', 'on holiday']]) });
    expect(violationsInEveryLanguage((tr) => buildCheckInSummary(tr, { teamName: 'East', week, standing, closed: false, skipReasons: new Map([['U0BOB', 'on holiday']]) }))).toEqual({});
    expect(allText(open)).toContain('*1 / 3* answered\\n:warning: Flagged: <@U0RITA>\\nNot yet: <@U0ANN>\\nSkipped: <@U0BOB> (on holiday)\\nAway: <@U0JO>');
    const closed = buildCheckInSummary(tr, { teamName: 'East', week, standing, closed: true, skipReasons: new Map() });
    expect(closed.text).toBe('Check-in · team East · week of Dec 4 · closed');
    expect(allText(closed)).toContain('Missing: <@U0ANN>');
  });

  it('the status offers “Nudge the missing” only while someone is missing', () => {
    const missing = buildCheckInStatus(tr, { salesTeamId, week, teamName: 'East', standing: roundStanding(round, []), closed: false });
    expect(allText(missing)).toContain(ids.checkIn.actions.nudgeMissing);
    const all = buildCheckInStatus(tr, { salesTeamId, week, teamName: 'East', standing: roundStanding({ expected: ['U0RITA'], away: [] }, [answer()]), closed: true });
    expect(allText(all)).not.toContain(ids.checkIn.actions.nudgeMissing);
    expect(allText(all)).toContain('This check-in is closed');
  });

  it('the coaching note form names the rep and keeps to Block Kit', () => {
    const view = buildCoachingNoteModal(tr, { salesTeamId, week, repId: 'U0RITA' });
    expect(violationsInEveryLanguage((tr) => buildCoachingNoteModal(tr, { salesTeamId, week, repId: 'U0RITA' }))).toEqual({});
    expect(allText(view)).toContain('A note for <@U0RITA>');
  });
});
