import type { KnownBlock } from '@slack/types';
import { escapeMrkdwn, type Translator } from '../src/i18n/index.js';
import type { DigestGoal, DigestRep, TeamDigest } from '../src/services/team-digest.js';
import { scoreText } from './board.js';
import { amountOf, metricName, periodName } from './goal-text.js';
import { capitalise, clip, context, limits, plain, section, type SlackMessage } from './text.js';

/** How many lines each list shows before "…and N more": a team of 300 stays well inside Slack's limits. */
export const digestLimits = {
  teamGoals: 6,
  behind: 15,
  atRisk: 10,
  /** On track and without a goal are names only. */
  names: 15,
  behindTwoWeeks: 15,
  leadReps: 10,
  flagged: 10,
  help: 5,
  complaints: 3,
} as const;

/** Lines per section: well under a section's 3,000 characters with long names. */
const linesPerSection = 10;
const nameLength = 36;
const quoteLength = 80;

export type RepGroup = 'behind' | 'at_risk' | 'on_track' | 'no_goal';

/** Which group a rep's line goes in: a goal reached, ahead, on pace or not yet begun is on track. */
export function repGroup(rep: Pick<DigestRep, 'goal'>): RepGroup {
  switch (rep.goal?.status) {
    case undefined:
      return 'no_goal';
    case 'behind':
      return 'behind';
    case 'at_risk':
      return 'at_risk';
    default:
      return 'on_track';
  }
}

/** Share of what was expected by now, for putting the furthest behind first. */
const shareOfExpected = (goal: DigestGoal | null) => (goal && goal.expected > 0 ? goal.actual / goal.expected : 1);

/** The team's reps in their groups: the furthest behind first, the rest by name. */
export function groupReps(reps: readonly DigestRep[]): Record<RepGroup, DigestRep[]> {
  const groups: Record<RepGroup, DigestRep[]> = { behind: [], at_risk: [], on_track: [], no_goal: [] };
  const byName = [...reps].sort((a, b) => a.name.localeCompare(b.name));
  for (const rep of byName) groups[repGroup(rep)].push(rep);
  for (const group of [groups.behind, groups.at_risk]) group.sort((a, b) => shareOfExpected(a.goal) - shareOfExpected(b.goal));
  return groups;
}

/** The first `max` items and how many were left out. */
function cut<T>(items: readonly T[], max: number): { shown: T[]; more: number } {
  return { shown: items.slice(0, max), more: Math.max(0, items.length - max) };
}

const nameOf = (name: string) => escapeMrkdwn(clip(name, nameLength));

function goalLine(tr: Translator, goal: DigestGoal): string {
  const product = goal.productLine ? ` #${goal.productLine}` : '';
  return tr.t('pace.line', {
    metric: capitalise(metricName(tr, goal.metric), tr.locale) + product,
    period: periodName(tr, goal),
    actual: amountOf(tr, goal.metric, goal.actual),
    target: amountOf(tr, goal.metric, goal.target),
    status: tr.t(`pace.${goal.status}`, {
      expected: amountOf(tr, goal.metric, Math.round(goal.expected)),
      date: goal.period.kind === 'custom' ? tr.date(goal.period.startsOn) : '',
    }),
  });
}

/** A rep's goal is named by its cadence ("weekly"), as the weekly digest reads it after its period ended. */
function cadence(tr: Translator, goal: DigestGoal): string {
  const { period } = goal;
  if (period.kind === 'custom') return periodName(tr, goal);
  const words = { day: 'period.daily', week: 'period.weekly', month: 'period.monthly', quarter: 'period.quarterly' } as const;
  return tr.t(words[period.kind]);
}

function repLine(tr: Translator, rep: DigestRep): string {
  const goal = rep.goal;
  if (!goal) return nameOf(rep.name);
  const product = goal.productLine ? ` #${goal.productLine}` : '';
  const expected = goal.expected < goal.target && goal.status !== 'done' ? tr.t('digest.repExpected', { expected: amountOf(tr, goal.metric, Math.round(goal.expected)) }) : '';
  return (
    tr.t('digest.repLine', {
      name: nameOf(rep.name),
      actual: amountOf(tr, goal.metric, goal.actual),
      target: amountOf(tr, goal.metric, goal.target),
      metric: metricName(tr, goal.metric, goal.target) + product,
      period: cadence(tr, goal),
    }) + expected
  );
}

/** A titled list of lines, ten to a section, with "…and N more" after the last shown. */
function listSections(tr: Translator, title: string, lines: readonly string[], max: number): KnownBlock[] {
  const { shown, more } = cut(lines, max);
  if (more > 0) shown.push(tr.t('digest.more', { count: more }));
  const blocks: KnownBlock[] = [];
  for (let i = 0; i < shown.length; i += linesPerSection) {
    blocks.push(section([...(i === 0 ? [title] : []), ...shown.slice(i, i + linesPerSection)].join('\n')));
  }
  return blocks;
}

/** Names in one line, "…and N more" past `max`. */
function nameList(tr: Translator, names: readonly string[], max: number): string {
  const { shown, more } = cut(names, max);
  return [...shown, ...(more > 0 ? [tr.t('digest.more', { count: more })] : [])].join(', ');
}

function plural(tr: Translator, key: string, count: number): string {
  return tr.t(key, { count, value: tr.number(count) });
}

function repSections(tr: Translator, digest: TeamDigest): KnownBlock[] {
  const title = tr.t(digest.kind === 'weekly' ? 'digest.repsTitleWeekly' : 'digest.repsTitleDaily');
  if (digest.reps.length === 0) return [section(`${title}\n${tr.t('digest.noReps')}`)];
  const groups = groupReps(digest.reps);
  const counts = tr.t('digest.repsCounts', {
    behind: tr.number(groups.behind.length),
    atRisk: tr.number(groups.at_risk.length),
    onTrack: tr.number(groups.on_track.length),
    noGoal: tr.number(groups.no_goal.length),
  });
  const blocks: KnownBlock[] = [section(`${title}\n${counts}`)];
  if (groups.behind.length > 0) {
    blocks.push(...listSections(tr, tr.t('digest.behindTitle', { n: tr.number(groups.behind.length) }), groups.behind.map((r) => repLine(tr, r)), digestLimits.behind));
  }
  if (groups.at_risk.length > 0) {
    blocks.push(...listSections(tr, tr.t('digest.atRiskTitle', { n: tr.number(groups.at_risk.length) }), groups.at_risk.map((r) => repLine(tr, r)), digestLimits.atRisk));
  }
  const named = [
    groups.on_track.length > 0 ? `${tr.t('digest.onTrackTitle', { n: tr.number(groups.on_track.length) })} ${nameList(tr, groups.on_track.map((r) => nameOf(r.name)), digestLimits.names)}` : null,
    groups.no_goal.length > 0 ? `${tr.t('digest.noGoalTitle', { n: tr.number(groups.no_goal.length) })} ${nameList(tr, groups.no_goal.map((r) => nameOf(r.name)), digestLimits.names)}` : null,
  ].filter((line): line is string => line !== null);
  if (named.length > 0) blocks.push(section(named.join('\n')));
  const twoWeeks = digest.reps.filter((r) => r.behindTwoWeeks).map((r) => nameOf(r.name));
  if (twoWeeks.length > 0) {
    blocks.push(section(`${tr.t('digest.behindTwoWeeksTitle', { n: tr.number(twoWeeks.length) })}\n${nameList(tr, twoWeeks.sort((a, b) => a.localeCompare(b)), digestLimits.behindTwoWeeks)}`));
  }
  return blocks;
}

function leadSections(tr: Translator, digest: TeamDigest): KnownBlock[] {
  const title = tr.t('digest.leadsTitle');
  const reps = digest.leads.filter((l) => l.missed + l.stale + l.checkBacks > 0);
  if (reps.length === 0) return [section(`${title}\n${tr.t('digest.leadsNone')}`)];
  const parts = (counts: { missed: number; stale: number; checkBacks: number }) =>
    [
      counts.missed > 0 ? plural(tr, 'digest.missed', counts.missed) : null,
      counts.stale > 0 ? plural(tr, 'digest.stale', counts.stale) : null,
      counts.checkBacks > 0 ? plural(tr, 'digest.checkBacksDue', counts.checkBacks) : null,
    ]
      .filter((part): part is string => part !== null)
      .join(' · ');
  const sum = (key: 'missed' | 'stale' | 'checkBacks') => reps.reduce((total, r) => total + r[key], 0);
  const totals = tr.t('digest.leadsTotals', { parts: parts({ missed: sum('missed'), stale: sum('stale'), checkBacks: sum('checkBacks') }), reps: plural(tr, 'digest.leadsReps', reps.length) });
  const sorted = [...reps].sort((a, b) => b.missed - a.missed || b.stale + b.checkBacks - (a.stale + a.checkBacks) || a.name.localeCompare(b.name));
  const { shown, more } = cut(sorted, digestLimits.leadReps);
  const lines = shown.map((r) => tr.t('digest.leadLine', { name: nameOf(r.name), parts: parts(r) }));
  if (more > 0) lines.push(tr.t('digest.moreReps', { count: more }));
  return [section([title, totals].join('\n')), section(lines.join('\n'))];
}

function checkInSection(tr: Translator, digest: TeamDigest): KnownBlock {
  const round = digest.checkIn;
  if (!round) return section(tr.t('digest.checkInNone'));
  const missing = round.expected - round.answered - round.skipped;
  const head = [
    tr.t('digest.checkInTitle', { date: tr.date(round.week), answered: tr.number(round.answered), expected: tr.number(round.expected) }),
    round.skipped > 0 ? tr.t('digest.checkInSkipped', { n: tr.number(round.skipped) }) : null,
    missing > 0 ? tr.t('digest.checkInMissing', { n: tr.number(missing) }) : null,
  ].filter((part): part is string => part !== null);
  const lines = [head.join(' · ')];
  if (round.lowConfidence.length > 0) lines.push(tr.t('digest.lowConfidence', { reps: nameList(tr, round.lowConfidence.map((r) => nameOf(r.name)), digestLimits.flagged) }));
  if (round.help.length > 0) {
    const asked = round.help.map((r) => (r.detail ? tr.t('digest.helpDetail', { name: nameOf(r.name), detail: escapeMrkdwn(clip(r.detail, quoteLength)) }) : nameOf(r.name)));
    lines.push(tr.t('digest.helpAsked', { reps: nameList(tr, asked, digestLimits.help) }));
  }
  return section(lines.join('\n'));
}

function customerSection(tr: Translator, digest: TeamDigest): KnownBlock {
  const { checkBacks, satisfaction, complaintCount, complaints } = digest.customers;
  if (checkBacks === 0) return section(tr.t('digest.customersNone'));
  const parts = [
    plural(tr, 'digest.checkBacks', checkBacks),
    satisfaction === null ? null : tr.t('digest.satisfaction', { value: tr.number(satisfaction, 1) }),
    complaintCount > 0 ? plural(tr, 'digest.complaints', complaintCount) : null,
  ].filter((part): part is string => part !== null);
  const shown = complaints.slice(0, digestLimits.complaints);
  const more = complaintCount - shown.length;
  const lines = shown.map((c) => tr.t('digest.complaintLine', { lead: escapeMrkdwn(clip(c.lead, nameLength)), name: nameOf(c.name), complaint: escapeMrkdwn(clip(c.complaint, quoteLength)) }));
  if (more > 0) lines.push(tr.t('digest.more', { count: more }));
  return section([tr.t('digest.customersTitle', { parts: parts.join(' · ') }), ...lines].join('\n'));
}

function topSection(tr: Translator, digest: TeamDigest): KnownBlock {
  if (digest.top.length === 0) return section(tr.t('digest.topNone'));
  const performers = digest.top.map((p) =>
    tr.t('digest.performer', { medal: ['🥇', '🥈', '🥉'][p.rank - 1] ?? '', name: nameOf(p.name), score: scoreText(tr, digest.ranking, p.score) }),
  );
  return section(tr.t('digest.topTitle', { performers: performers.join(' · ') }));
}

/**
 * The managers' digest as a channel post: team goals and pace, reps grouped behind / at risk / on
 * track, those behind two weeks running, leads needing attention, the check-in's completion and
 * flags, customers, top performers. Reps are named, not @mentioned: a digest does not ping 300 people.
 */
export function buildDigest(tr: Translator, digest: TeamDigest): SlackMessage {
  const title =
    digest.kind === 'weekly'
      ? tr.t('digest.titleWeekly', { team: digest.team.name, from: tr.date(digest.from), to: tr.date(digest.to) })
      : tr.t('digest.titleDaily', { team: digest.team.name, date: tr.date(digest.to) });
  const { shown: goals, more: moreGoals } = cut(digest.teamGoals, digestLimits.teamGoals);
  const goalLines = goals.map((g) => goalLine(tr, g));
  if (moreGoals > 0) goalLines.push(tr.t('digest.more', { count: moreGoals }));
  const blocks: KnownBlock[] = [
    { type: 'header', text: plain(title, limits.headerText) },
    context(tr.t('digest.zone', { timeZone: digest.timeZone })),
    section([tr.t('digest.teamGoalsTitle'), ...(goalLines.length > 0 ? goalLines : [tr.t('digest.noTeamGoals', { team: digest.team.name })])].join('\n')),
    { type: 'divider' },
    ...repSections(tr, digest),
    { type: 'divider' },
    ...leadSections(tr, digest),
    checkInSection(tr, digest),
    customerSection(tr, digest),
    topSection(tr, digest),
    context(tr.t('digest.footer', { team: digest.team.name })),
  ];
  return { text: title, blocks };
}
