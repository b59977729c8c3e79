import { describe, expect, it } from 'vitest';
import {
  parseLeadCommand,
  readAssignRest,
  readFollowUpDate,
  readLostReason,
  readStage,
  readTouchNote,
  readWonAmount,
  validateLeadDraft,
} from '../../../src/domain/lead-command.js';
import type { LeadDraft } from '../../../src/domain/leads.js';
import type { PacerError } from '../../../src/errors.js';

// A Wednesday.
const today = '2026-06-03';
const parse = (text: string) => parseLeadCommand(text, { today });
const draft: LeadDraft = { name: 'Acme', account: null, value: null, productLine: null, source: 'own', stage: 'new', nextFollowUpOn: null };
const add = (changes: Partial<LeadDraft>) => ({ action: 'add', draft: { ...draft, ...changes } });
const self = { type: 'self' } as const;
const failsWith = (code: string, vars?: Record<string, string | number>) =>
  expect.objectContaining(vars ? { code, vars } : { code }) as PacerError;

describe('parseLeadCommand', () => {
  it.each([
    ['', { action: 'modal' }],
    ['  ', { action: 'modal' }],
    ['help', { action: 'help' }],
    ['HELP add', { action: 'help' }],
    ['import', { action: 'import' }],
  ])('reads "%s"', (text, expected) => {
    expect(parse(text)).toEqual(expected);
  });

  it.each([
    ['add Acme', add({})],
    ['ADD Acme Corp', add({ name: 'Acme Corp' })],
    ['add Acme Corp 12000', add({ name: 'Acme Corp', value: 12000 })],
    ['add "acme corp" 12000', add({ name: 'acme corp', value: 12000 })],
    ['add “Acme Corp” $12,500.50', add({ name: 'Acme Corp', value: 12500.5 })],
    [
      'add Acme Corp $12,000 #widgets follow up friday source company',
      add({ name: 'Acme Corp', value: 12000, productLine: 'widgets', nextFollowUpOn: '2026-06-05', source: 'company' }),
    ],
    ['add Acme 12k followup 1 Dec', add({ value: 12000, nextFollowUpOn: '2026-12-01' })],
    ['add Acme follow-up in 3 days', add({ nextFollowUpOn: '2026-06-06' })],
    ['add Acme follow up on next friday from company', add({ nextFollowUpOn: '2026-06-12', source: 'company' })],
    ['add Acme follow up today', add({ nextFollowUpOn: today })],
    ['add Acme follow up 2026-12-01 20000', add({ nextFollowUpOn: '2026-12-01', value: 20000 })],
    ['add Acme follow up 1 Dec 5000', add({ nextFollowUpOn: '2026-12-01', value: 5000 })],
    ['add Acme from own', add({ source: 'own' })],
    ['add Acme Source Company', add({ source: 'company' })],
    ['add Acme account Acme Holdings 5000', add({ account: 'Acme Holdings', value: 5000 })],
    ['add Acme account "Acme Holdings Ltd" #widgets', add({ account: 'Acme Holdings Ltd', productLine: 'widgets' })],
    ['add Acme #widgets account Acme Holdings follow up fri', add({ productLine: 'widgets', account: 'Acme Holdings', nextFollowUpOn: '2026-06-05' })],
    ['add Acme <#C0123|widgets> 1.5m', add({ productLine: 'widgets', value: 1_500_000 })],
    ['add 3M Company 50k', add({ name: '3M Company', value: 50_000 })],
    ['add From Scratch Bakery 500', add({ name: 'From Scratch Bakery', value: 500 })],
    ['add Open Source Labs source company', add({ name: 'Open Source Labs', source: 'company' })],
    ['add Acme source partner', add({ name: 'Acme source partner' })],
    ['add Q&amp;A Partners', add({ name: 'Q&A Partners' })],
  ])('reads "%s"', (text, expected) => {
    expect(parse(text)).toEqual(expected);
  });

  it.each([
    ['add', 'lead_name_missing', undefined],
    ['add 12000 Acme', 'lead_name_missing', undefined],
    ['add #widgets Acme', 'lead_name_missing', undefined],
    ['add <@U0RITA> 500', 'lead_name_missing', undefined],
    ['add ""', 'lead_name_missing', undefined],
    ['add Acme 0', 'lead_value_invalid', { given: '0', max: 100_000_000 }],
    ['add Acme -5', 'lead_value_invalid', { given: '-5', max: 100_000_000 }],
    ['add Acme 1,5', 'lead_value_invalid', { given: '1,5', max: 100_000_000 }],
    ['add Acme 200000000', 'lead_value_invalid', { given: '200000000', max: 100_000_000 }],
    ['add Acme 12.345', 'lead_value_invalid', { given: '12.345', max: 100_000_000 }],
    ['add Acme #a #b', 'product_one_only', undefined],
    ['add Acme #bad!name', 'product_invalid', undefined],
    ['add Acme follow up yesterday', 'lead_followup_past', { date: '2026-06-02' }],
    ['add Acme follow up 1.12.2025', 'lead_followup_past', { date: '2025-12-01' }],
    ['add Acme follow up soon', 'lead_followup_date', { given: 'soon' }],
    ['add Acme follow up 1/12', 'lead_followup_date', { given: '1/12' }],
    ['add Acme followup', 'lead_followup_date_missing', undefined],
    ['add Acme follow up #widgets', 'lead_followup_date_missing', undefined],
    ['add Acme follow up 31.11', 'date_impossible', { given: '31.11' }],
    ['add "Acme" great prospect', 'lead_add_leftover', { given: 'great prospect' }],
    ['add Acme 5000 6000', 'lead_add_leftover', { given: '6000' }],
    ['add Acme 5000 follow up friday urgent', 'lead_add_leftover', { given: 'urgent' }],
    ['add Acme follow up friday follow up monday', 'lead_add_leftover', { given: 'follow up monday' }],
    ['add Acme source company from own', 'lead_add_leftover', { given: 'from own' }],
    ['add Acme 500 source partner', 'lead_add_leftover', { given: 'source partner' }],
    ['add Acme 500 <@U0RITA>', 'lead_add_leftover', { given: '<@U0RITA>' }],
    ['add Acme account', 'lead_account_missing', undefined],
    ['add Acme account 5000', 'lead_account_missing', undefined],
    [`add ${'x'.repeat(201)}`, 'lead_name_invalid', { max: 200 }],
    [`add Acme account ${'x'.repeat(201)}`, 'lead_account_invalid', { max: 200 }],
  ])('refuses "%s" with %s', (text, code, vars) => {
    expect(() => parse(text)).toThrow(failsWith(code, vars));
  });

  it.each([
    ['list', { action: 'list', scope: self }],
    ['list <@U0RITA|rita>', { action: 'list', scope: { type: 'rep', userId: 'U0RITA' } }],
    ['list team East', { action: 'list', scope: { type: 'team', name: 'East' } }],
    ['list team "East Coast"', { action: 'list', scope: { type: 'team', name: 'East Coast' } }],
    ['list TEAM East Coast', { action: 'list', scope: { type: 'team', name: 'East Coast' } }],
    ['pipeline', { action: 'pipeline', scope: self }],
    ['pipeline team East', { action: 'pipeline', scope: { type: 'team', name: 'East' } }],
    ['Pipeline <@U0BOB>', { action: 'pipeline', scope: { type: 'rep', userId: 'U0BOB' } }],
  ])('reads "%s"', (text, expected) => {
    expect(parse(text)).toEqual(expected);
  });

  it.each([
    ['list all', 'lead_scope_unknown', { given: 'all' }],
    ['pipeline everyone here', 'lead_scope_unknown', { given: 'everyone here' }],
    ['list <@U0RITA> extra', 'lead_scope_unknown', { given: 'extra' }],
    ['list @rita', 'user_not_mention', { given: '@rita' }],
    ['list team', 'lead_team_missing', undefined],
    ['pipeline team <@U0RITA>', 'lead_team_missing', undefined],
  ])('refuses "%s" with %s', (text, code, vars) => {
    expect(() => parse(text)).toThrow(failsWith(code, vars));
  });

  it.each([
    ['touch Acme Corp called the CFO', { action: 'touch', subject: ['Acme', 'Corp', 'called', 'the', 'CFO'] }],
    ['touch "Acme Corp" called', { action: 'touch', subject: ['Acme Corp', 'called'] }],
    ['touch Acme #widgets demo', { action: 'touch', subject: ['Acme', '#widgets', 'demo'] }],
    ['touch Acme <#C0123|widgets> demo', { action: 'touch', subject: ['Acme', '#widgets', 'demo'] }],
    ['touch Acme met <@U0RITA>', { action: 'touch', subject: ['Acme', 'met', '<@U0RITA>'] }],
    ['followup Acme friday', { action: 'followup', subject: ['Acme', 'friday'] }],
    ['follow-up Acme in 3 days', { action: 'followup', subject: ['Acme', 'in', '3', 'days'] }],
    ['Follow Up Acme 1 Dec', { action: 'followup', subject: ['Acme', '1', 'Dec'] }],
    ['stage Acme qualified', { action: 'stage', subject: ['Acme', 'qualified'] }],
    ['won Acme 12k', { action: 'won', subject: ['Acme', '12k'] }],
    ['lost Acme went with a competitor', { action: 'lost', subject: ['Acme', 'went', 'with', 'a', 'competitor'] }],
    ['assign Acme Corp <@U0BOB|bob>', { action: 'assign', subject: ['Acme', 'Corp'], userId: 'U0BOB' }],
    ['assign "Acme Corp" <@U0BOB>', { action: 'assign', subject: ['Acme Corp'], userId: 'U0BOB' }],
  ])('reads "%s"', (text, expected) => {
    expect(parse(text)).toEqual(expected);
  });

  it.each([
    ['dance', 'lead_unknown_verb', { given: 'dance' }],
    ['follow Acme', 'lead_unknown_verb', { given: 'follow' }],
    ['<@U0RITA> list', 'lead_unknown_verb', { given: '<@U0RITA>' }],
    ['"touch" Acme', 'lead_unknown_verb', { given: 'touch' }],
    ['touch', 'lead_subject_missing', { verb: 'touch' }],
    ['follow up', 'lead_subject_missing', { verb: 'followup' }],
    ['follow-up', 'lead_subject_missing', { verb: 'followup' }],
    ['stage', 'lead_subject_missing', { verb: 'stage' }],
    ['won ""', 'lead_subject_missing', { verb: 'won' }],
    ['lost', 'lead_subject_missing', { verb: 'lost' }],
    ['assign', 'lead_subject_missing', { verb: 'assign' }],
    ['assign <@U0BOB>', 'lead_subject_missing', { verb: 'assign' }],
    ['assign Acme', 'lead_assign_usage', undefined],
    ['assign <@U0BOB> Acme', 'lead_assign_usage', undefined],
    ['assign Acme @bob', 'user_not_mention', { given: '@bob' }],
  ])('refuses "%s" with %s', (text, code, vars) => {
    expect(() => parse(text)).toThrow(failsWith(code, vars));
  });
});

describe('readFollowUpDate', () => {
  it.each([
    [['friday'], '2026-06-05'],
    [['on', 'Friday'], '2026-06-05'],
    [['in', '3', 'days'], '2026-06-06'],
    [['on', '1', 'Dec'], '2026-12-01'],
    [['today'], today],
    [['2026-12-01'], '2026-12-01'],
  ])('reads %j', (rest, date) => {
    expect(readFollowUpDate(rest, today)).toBe(date);
  });

  it.each([
    [[], 'lead_followup_date_missing', undefined],
    [['soon'], 'lead_followup_date', { given: 'soon' }],
    [['friday', 'please'], 'lead_followup_date', { given: 'friday please' }],
    [['1/12'], 'lead_followup_date', { given: '1/12' }],
    [['yesterday'], 'lead_followup_past', { date: '2026-06-02' }],
    [['3', 'days', 'ago'], 'lead_followup_past', { date: '2026-05-31' }],
    [['last', 'monday'], 'lead_followup_past', { date: '2026-06-01' }],
    [['2026-02-30'], 'date_impossible', { given: '2026-02-30' }],
  ])('refuses %j with %s', (rest, code, vars) => {
    expect(() => readFollowUpDate(rest, today)).toThrow(failsWith(code, vars));
  });
});

describe('readStage', () => {
  const stages = 'new, contacted, qualified, estimate, negotiation, won, lost';

  it.each([
    [['qualified'], 'qualified'],
    [['NEGOTIATION'], 'negotiation'],
    [['won'], 'won'],
  ])('reads %j', (rest, stage) => {
    expect(readStage(rest)).toBe(stage);
  });

  it.each([
    [[], 'lead_stage_missing', { stages }],
    [['estimate', 'sent'], 'lead_stage_unknown', { given: 'estimate sent', stages }],
    [['proposal'], 'lead_stage_unknown', { given: 'proposal', stages }],
  ])('refuses %j with %s', (rest, code, vars) => {
    expect(() => readStage(rest)).toThrow(failsWith(code, vars));
  });
});

describe('readWonAmount', () => {
  it.each([
    [[], null],
    [['12k'], 12_000],
    [['$12,500.50'], 12_500.5],
  ])('reads %j', (rest, amount) => {
    expect(readWonAmount(rest)).toBe(amount);
  });

  it.each([
    [['12000', 'finally'], 'lead_won_leftover', { given: 'finally' }],
    [['finally', 'signed'], 'lead_won_leftover', { given: 'finally signed' }],
    [['0'], 'lead_value_invalid', { given: '0', max: 100_000_000 }],
    [['200000000'], 'lead_value_invalid', { given: '200000000', max: 100_000_000 }],
  ])('refuses %j with %s', (rest, code, vars) => {
    expect(() => readWonAmount(rest)).toThrow(failsWith(code, vars));
  });
});

describe('readers of the rest', () => {
  it('reads a lost reason, none, or refuses a long one', () => {
    expect(readLostReason(['went', 'with', 'a', 'competitor'])).toBe('went with a competitor');
    expect(readLostReason([])).toBeNull();
    expect(() => readLostReason(['x'.repeat(201)])).toThrow(failsWith('lead_lost_reason_too_long', { max: 200 }));
  });

  it('reads a touch note, none, or refuses a long one', () => {
    expect(readTouchNote(['called', 'the', 'CFO'])).toBe('called the CFO');
    expect(readTouchNote([])).toBeNull();
    expect(() => readTouchNote(['x'.repeat(501)])).toThrow(failsWith('lead_note_too_long', { max: 500 }));
  });

  it('wants nothing after the lead in assign', () => {
    expect(() => readAssignRest([])).not.toThrow();
    expect(() => readAssignRest(['please'])).toThrow(failsWith('lead_assign_usage'));
  });
});

describe('validateLeadDraft', () => {
  it('accepts a lead from the form with any open stage', () => {
    const fromForm = { ...draft, stage: 'qualified', nextFollowUpOn: '2026-06-10', account: 'Acme Holdings' } as const;
    expect(validateLeadDraft(fromForm, today)).toEqual(fromForm);
  });

  it.each([
    [{ nextFollowUpOn: '2026-06-02' }, 'lead_followup_past', { date: '2026-06-02' }],
    [{ nextFollowUpOn: '2026-02-30' }, 'lead_followup_date', { given: '2026-02-30' }],
    [{ name: ' ' }, 'lead_name_invalid', { max: 200 }],
    [{ value: -1 }, 'lead_value_invalid', { given: '-1', max: 100_000_000 }],
    [{ productLine: 'two words' }, 'product_invalid', undefined],
    [{ stage: 'won' }, 'lead_draft_invalid', { field: 'stage' }],
  ])('refuses %j with %s', (changes, code, vars) => {
    expect(() => validateLeadDraft({ ...draft, ...changes } as LeadDraft, today)).toThrow(failsWith(code, vars));
  });
});
