import type { KnownBlock } from '@slack/types';
import { typeWord } from '../src/domain/activity-types.js';
import { daysBetween, type LeadRow } from '../src/domain/lead-list.js';
import type { Lead, LeadStage } from '../src/domain/leads.js';
import type { Translator } from '../src/i18n/index.js';
import type { LogOutcome } from '../src/services/activity-log.js';
import type { LeadScope, PipelineReport, WonResult } from '../src/services/lead-book.js';
import { standingLine } from './goal-text.js';
import { loggedWhat } from './log-reply.js';
import { clip, context, limits, section, type SlackMessage } from './text.js';

/** At most this many leads are listed in one message; the rest are counted. */
export const maxListedLeads = 40;
/** A long lead name is cut in a list line, so forty of them fit one message. */
const listNameLength = 80;
/** Room kept for the title and the "and N more" line when packing a list. */
const listReserve = 600;

function stageName(tr: Translator, stage: LeadStage): string {
  return tr.t(`lead.stages.${stage}`);
}

function weekdayOf(tr: Translator, isoDate: string): string {
  return new Intl.DateTimeFormat(tr.locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}

/** "today", "tomorrow", "Friday, Nov 27" within the week, else "Dec 1". `inDays` counts from the reader's today. */
export function followUpWhen(tr: Translator, isoDate: string, inDays: number): string {
  if (inDays === 0) return tr.t('lead.today');
  if (inDays === 1) return tr.t('lead.tomorrow');
  if (inDays > 1 && inDays < 7) return tr.t('lead.weekdayDate', { weekday: weekdayOf(tr, isoDate), date: tr.date(isoDate) });
  return tr.date(isoDate);
}

function followUpPhrase(tr: Translator, isoDate: string | null, inDays: number | null): string {
  if (isoDate === null || inDays === null) return tr.t('lead.noFollowUp');
  if (inDays < 0) return tr.t('lead.overdueSince', { date: tr.date(isoDate), count: -inDays });
  return tr.t('lead.followUpOn', { when: followUpWhen(tr, isoDate, inDays) });
}

function valuePhrase(tr: Translator, value: number | null): string {
  return value === null ? tr.t('lead.noValue') : tr.t('lead.worth', { value: tr.money(value) });
}

/** What is kept about a lead, in a line: value, product line, account, follow-up, source. */
export function leadDetails(tr: Translator, lead: Lead, today: string): string {
  const followUp = lead.nextFollowUpOn === null ? null : daysBetween(today, lead.nextFollowUpOn);
  return [
    valuePhrase(tr, lead.value),
    lead.productLine && tr.t('lead.product', { product: lead.productLine }),
    lead.account !== lead.name && tr.t('lead.account', { account: lead.account }),
    followUpPhrase(tr, lead.nextFollowUpOn, followUp),
    tr.t(lead.source === 'company' ? 'lead.sourceCompany' : 'lead.sourceOwn'),
  ]
    .filter((part): part is string => Boolean(part))
    .join(' · ');
}

/** `/lead add` and the lead form: what was saved. No Undo: a lead added by mistake is marked lost. */
export function buildLeadAdded(tr: Translator, lead: Lead, today: string): SlackMessage {
  const headline = tr.t('lead.added', { name: lead.name });
  return {
    text: headline,
    blocks: [section(`${headline}\n${leadDetails(tr, lead, today)}`), context(tr.t('lead.addedNext', { name: lead.name }))],
  };
}

function listTitle(tr: Translator, whose: LeadScope, count: number, readerId: string): string {
  if (whose.type === 'team') return tr.t('lead.listTitleTeam', { team: whose.name, count });
  if (whose.type === 'rep' && whose.userId !== readerId) return tr.t('lead.listTitleRep', { rep: whose.userId, count });
  return tr.t('lead.listTitle', { count });
}

function emptyList(tr: Translator, whose: LeadScope, readerId: string): string {
  if (whose.type === 'team') return tr.t('lead.listEmptyTeam', { team: whose.name });
  if (whose.type === 'rep' && whose.userId !== readerId) return tr.t('lead.listEmptyRep', { rep: whose.userId });
  return tr.t('lead.listEmpty');
}

function rowLine(tr: Translator, row: LeadRow, showOwner: boolean): string {
  const { lead } = row;
  const line = tr.t('lead.listLine', {
    name: clip(lead.name, listNameLength),
    stage: stageName(tr, lead.stage),
    value: lead.value === null ? tr.t('lead.noValue') : tr.money(lead.value),
    followUp: followUpPhrase(tr, lead.nextFollowUpOn, row.followUpInDays),
    touched: row.daysSinceTouch === 0 ? tr.t('lead.touchedToday') : tr.t('lead.touchedAgo', { count: row.daysSinceTouch }),
  });
  return showOwner ? `${line} · ${tr.t('lead.listOwner', { owner: lead.ownerId })}` : line;
}

/**
 * `/lead list`: open leads, most pressing first, packed into sections; at most forty, and no more
 * than one message holds (Slack answers msg_blocks_too_long past roughly 13k characters); the rest are counted.
 */
export function buildLeadList(tr: Translator, rows: readonly LeadRow[], whose: LeadScope, readerId: string): SlackMessage {
  const title = listTitle(tr, whose, rows.length, readerId);
  if (rows.length === 0) {
    const empty = emptyList(tr, whose, readerId);
    return { text: empty, blocks: [section(`*${title}*`), section(empty)] };
  }
  const showOwner = whose.type === 'team';
  const blocks: KnownBlock[] = [section(`*${title}*`)];
  let lines: string[] = [];
  let shown = 0;
  const sizeWith = (more: string[]) => JSON.stringify([...blocks, section(more.join('\n'))]).length;
  for (const row of rows.slice(0, maxListedLeads)) {
    const line = rowLine(tr, row, showOwner);
    if (lines.length > 0 && [...lines, line].join('\n').length > limits.sectionText) {
      blocks.push(section(lines.join('\n')));
      lines = [];
    }
    if (sizeWith([...lines, line]) > limits.messageCharacters - listReserve) break;
    lines.push(line);
    shown += 1;
  }
  if (lines.length > 0) blocks.push(section(lines.join('\n')));
  const more = rows.length - shown;
  if (more > 0) blocks.push(context(tr.t('lead.listMore', { count: more })));
  return { text: title, blocks };
}

/** Where the goals a lead's log moved now stand, or how to set one when it moved none. */
function loggedBlocks(tr: Translator, outcome: LogOutcome): KnownBlock[] {
  if (outcome.standings.length > 0) return [section(outcome.standings.map((s) => standingLine(tr, s)).join('\n'))];
  const type = outcome.types.find((t) => t.key === outcome.activity.typeKey);
  const hint = type?.unit === 'money' ? 'log.noRevenueGoal' : 'log.noGoals';
  return [context(tr.t(hint, { type: type ? typeWord(type) : outcome.activity.typeKey }))];
}

/** `/lead touch`: the touch, its note, and the activity it logged with where goals stand. */
export function buildLeadTouched(tr: Translator, before: Lead, after: Lead, note: string | null, logged: LogOutcome | null): SlackMessage {
  const headline =
    before.stage === after.stage
      ? tr.t('lead.touched', { name: after.name })
      : tr.t('lead.touchedMoved', { name: after.name, stage: stageName(tr, after.stage) });
  const blocks: KnownBlock[] = [section(note ? `${headline}\n${tr.t('lead.note', { note })}` : headline)];
  if (logged) blocks.push(section(tr.t('lead.alsoLogged', { what: loggedWhat(tr, logged.activity) })), ...loggedBlocks(tr, logged));
  return { text: headline, blocks };
}

export function buildFollowUpSet(tr: Translator, lead: Lead, today: string): SlackMessage {
  const date = lead.nextFollowUpOn ?? today;
  const text = tr.t('lead.followUpSet', { name: lead.name, when: followUpWhen(tr, date, daysBetween(today, date)) });
  return { text, blocks: [section(text)] };
}

export function buildStageSet(tr: Translator, lead: Lead): SlackMessage {
  const text = tr.t('lead.stageSet', { name: lead.name, stage: stageName(tr, lead.stage) });
  return { text, blocks: [section(text)] };
}

/** `/lead won`: the win, repeat business from the account, and the goals the deal moved. */
export function buildLeadWon(tr: Translator, result: WonResult): SlackMessage {
  const { lead, logged, accountWins } = result;
  const headline = tr.t('lead.won', { name: lead.name, amount: tr.money(lead.wonAmount ?? lead.value ?? 0) });
  const repeat = accountWins >= 2 ? [section(tr.t('lead.repeatBusiness', { count: accountWins, ordinal: true, account: lead.account }))] : [];
  return {
    text: headline,
    blocks: [section(headline), ...repeat, ...(logged ? loggedBlocks(tr, logged) : [context(tr.t('lead.wonNotLogged'))])],
  };
}

export function buildLeadLost(tr: Translator, lead: Lead): SlackMessage {
  const text = lead.lostReason ? tr.t('lead.lost', { name: lead.name, reason: lead.lostReason }) : tr.t('lead.lostNoReason', { name: lead.name });
  return { text, blocks: [section(text), ...(lead.lostReason ? [] : [context(tr.t('lead.lostWhy'))])] };
}

/** Told to the manager who handed a lead over. */
export function buildLeadAssigned(tr: Translator, lead: Lead, fromUserId: string): SlackMessage {
  const text = tr.t('lead.assigned', { name: lead.name, to: lead.ownerId, from: fromUserId });
  return { text, blocks: [section(text)] };
}

/** Told to the rep a lead was handed to, in their DM. */
export function buildLeadHandedOver(tr: Translator, lead: Lead, byUserId: string, today: string): SlackMessage {
  const text = tr.t('lead.handedYou', { by: byUserId, name: lead.name });
  return { text, blocks: [section(`${text}\n${leadDetails(tr, lead, today)}`), context(tr.t('lead.handedYouNext'))] };
}

function pipelineTitle(tr: Translator, whose: LeadScope, readerId: string): string {
  if (whose.type === 'team') return tr.t('lead.pipelineTitleTeam', { team: whose.name });
  if (whose.type === 'rep' && whose.userId !== readerId) return tr.t('lead.pipelineTitleRep', { rep: whose.userId });
  return tr.t('lead.pipelineTitle');
}

function coverageBlocks(tr: Translator, report: PipelineReport, mine: boolean): KnownBlock[] {
  const { pipeline } = report;
  if (pipeline.quota === null || pipeline.coverage === null) {
    return [section(tr.t(mine ? 'lead.pipelineNoQuota' : 'lead.pipelineNoQuotaOthers'))];
  }
  const rule = tr.number(pipeline.coverageRule, 1);
  const gap = pipeline.coverageRule * pipeline.quota - pipeline.open.value;
  const verdict = gap <= 0 ? tr.t('lead.pipelineCovered') : tr.t('lead.pipelineThin', { gap: tr.money(Math.ceil(gap)), rule });
  const coverage = tr.t('lead.pipelineCoverage', { coverage: tr.number(pipeline.coverage, 1), quota: tr.money(pipeline.quota), rule });
  const missing = report.team && pipeline.ownersWithoutQuota.length > 0
    ? [context(tr.t('lead.pipelineWithoutQuota', { reps: pipeline.ownersWithoutQuota.map((id) => `<@${id}>`).join(', ') }))]
    : [];
  return [section(`${coverage}\n${verdict}`), ...missing];
}

/** `/lead pipeline`: open value by stage, weighted forecast, won this month, and coverage of the monthly quota. */
export function buildPipeline(tr: Translator, report: PipelineReport, whose: LeadScope, readerId: string): SlackMessage {
  const { pipeline } = report;
  const title = pipelineTitle(tr, whose, readerId);
  const mine = whose.type === 'self' || (whose.type === 'rep' && whose.userId === readerId);
  const won = tr.t('lead.pipelineWon', { value: tr.money(pipeline.wonThisMonth.value), count: pipeline.wonThisMonth.count });
  const head = section(`*${title}*`);
  if (pipeline.open.count === 0) {
    return { text: title, blocks: [head, section(`${tr.t('lead.pipelineEmpty')}\n${won}`), ...coverageBlocks(tr, report, mine)] };
  }
  const stages = pipeline.stages.map((s) => tr.t('lead.pipelineStage', { stage: stageName(tr, s.stage), count: s.count, value: tr.money(s.value) }));
  const totals = [
    tr.t('lead.pipelineOpen', { value: tr.money(pipeline.open.value), count: pipeline.open.count }),
    tr.t('lead.pipelineWeighted', { value: tr.money(pipeline.weighted) }),
    won,
  ];
  const unvalued = pipeline.open.unvalued > 0 ? [context(tr.t('lead.pipelineUnvalued', { count: pipeline.open.unvalued }))] : [];
  return {
    text: title,
    blocks: [head, section(stages.join('\n')), section(totals.join('\n')), ...unvalued, ...coverageBlocks(tr, report, mine)],
  };
}
