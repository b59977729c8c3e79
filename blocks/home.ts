import type { HomeView, KnownBlock } from '@slack/types';
import { leadRows } from '../src/domain/lead-list.js';
import type { Translator } from '../src/i18n/index.js';
import type { HomeSnapshot } from '../src/services/home-dashboard.js';
import { ids } from '../src/slack/ids.js';
import { scoreText } from './board.js';
import { goalStandingBlock } from './goal-reply.js';
import { amountOf, metricName, standingLine } from './goal-text.js';
import { clip, context, limits, plain, section } from './text.js';

function weekActivity(tr: Translator, snapshot: HomeSnapshot): KnownBlock[] {
  const byType = new Map<string, { count: number; amount: number }>();
  let points = 0;
  for (const row of snapshot.week) {
    const sum = byType.get(row.typeKey) ?? { count: 0, amount: 0 };
    byType.set(row.typeKey, { count: sum.count + row.count, amount: sum.amount + row.amount });
    points += row.points;
  }
  if (byType.size === 0) return [section(tr.t('home.noActivity'))];
  const order = snapshot.types.map((t) => t.key);
  const lines = [...byType.entries()]
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([key, sum]) => {
      const count = `${tr.number(sum.count)} ${metricName(tr, key, sum.count)}`;
      return sum.amount > 0 ? `${count} · ${amountOf(tr, 'revenue', sum.amount)}` : count;
    });
  return [section(lines.join('\n')), context(tr.t('home.points', { points: tr.number(points) }))];
}

/** The Home lists this many follow-ups; the rest are counted and left to `/lead list`. */
export const maxHomeFollowUps = 10;
/** A long lead name is cut, so ten lines always fit one section. */
const followUpNameLength = 80;

/** Open leads due today or overdue, overdue flagged with how long; the oldest first. */
function followUpSection(tr: Translator, snapshot: HomeSnapshot): KnownBlock[] {
  const rows = leadRows(snapshot.followUps, snapshot.now, snapshot.member.timeZone);
  const header: KnownBlock = { type: 'header', text: plain(tr.t('home.followUps'), limits.headerText) };
  if (rows.length === 0) return [header, section(tr.t('home.noFollowUps'))];
  const lines = rows.slice(0, maxHomeFollowUps).map(({ lead, overdue, followUpInDays }) => {
    const name = clip(lead.name, followUpNameLength);
    return overdue && lead.nextFollowUpOn !== null
      ? tr.t('home.followUpOverdue', { name, date: tr.date(lead.nextFollowUpOn), count: -(followUpInDays ?? 0) })
      : tr.t('home.followUpDue', { name });
  });
  const more = rows.length - maxHomeFollowUps;
  return [header, section(lines.join('\n')), ...(more > 0 ? [context(tr.t('home.followUpsMore', { count: more }))] : [])];
}

const behindStatuses = new Set(['behind', 'at_risk']);

/** A manager's teams: each rep's main goal and pace, those behind first and named in a line. */
function teamSections(tr: Translator, snapshot: HomeSnapshot): KnownBlock[] {
  return snapshot.teams.flatMap((team) => {
    const reps = [...team.reps].sort((a, b) => Number(behindStatuses.has(b.main?.pace.status ?? '')) - Number(behindStatuses.has(a.main?.pace.status ?? '')));
    const lines = reps.map((rep) =>
      rep.main ? `<@${rep.userId}> · ${standingLine(tr, rep.main)}` : tr.t('home.repNoGoal', { rep: rep.userId }),
    );
    const behind = reps.filter((rep) => behindStatuses.has(rep.main?.pace.status ?? '')).map((rep) => `<@${rep.userId}>`);
    // Ten reps a section keeps each section under Slack's 3000 characters.
    const chunks = Array.from({ length: Math.ceil(lines.length / 10) }, (_, i) => section(lines.slice(i * 10, i * 10 + 10).join('\n')));
    return [
      { type: 'divider' },
      { type: 'header', text: plain(tr.t('home.teamTitle', { name: team.name }), limits.headerText) },
      ...(lines.length > 0 ? chunks : [section(tr.t('home.teamEmpty', { name: team.name }))]),
      context(behind.length > 0 ? tr.t('home.teamBehind', { reps: behind.join(', ') }) : tr.t('home.teamNobodyBehind')),
    ] satisfies KnownBlock[];
  });
}

/** The rep's Home tab: today's follow-ups, goals with bars and pace, this week's activity, and the three everyday actions. */
/** Rank on this week's team board, streak and badges. */
function standingSection(tr: Translator, snapshot: HomeSnapshot): KnownBlock[] {
  const { standing } = snapshot;
  const rank = standing.line
    ? tr.t('board.homeRank', { rank: standing.line.rank, total: standing.ranked, team: standing.team ?? '', score: scoreText(tr, standing.ranking, standing.line.score) })
    : tr.t('board.homeUnranked');
  const badges = standing.badges.length > 0 ? tr.t('board.homeBadges', { badges: standing.badges.map((b) => tr.t(`board.badge.${b}`)).join(' · ') }) : tr.t('board.homeNoBadges');
  return [section(`${tr.t('board.homeTitle')}\n${rank}\n${tr.t('board.homeStreak', { count: standing.streak })}\n${badges}`)];
}

export function buildHome(tr: Translator, snapshot: HomeSnapshot): HomeView {
  const goals = snapshot.standings.slice(0, 60).map((s) => goalStandingBlock(tr, s, false));
  const blocks: KnownBlock[] = [
    { type: 'header', text: plain(tr.t('home.title'), limits.headerText) },
    {
      type: 'actions',
      elements: [
        { type: 'button', style: 'primary', action_id: ids.actions.openLogModal, text: plain(tr.t('home.logActivity'), limits.buttonText) },
        { type: 'button', action_id: ids.actions.openGoalModal, text: plain(tr.t('home.setGoal'), limits.buttonText) },
        { type: 'button', action_id: ids.actions.openLeadModal, text: plain(tr.t('home.addLead'), limits.buttonText) },
      ],
    },
    ...followUpSection(tr, snapshot),
    { type: 'header', text: plain(tr.t('home.goals'), limits.headerText) },
    ...(goals.length > 0 ? goals : [section(tr.t('home.noGoals'))]),
    { type: 'divider' },
    { type: 'header', text: plain(tr.t('home.thisWeek'), limits.headerText) },
    ...weekActivity(tr, snapshot),
    ...standingSection(tr, snapshot),
    ...teamSections(tr, snapshot),
    context(tr.t('home.updated', { time: tr.time(snapshot.now, snapshot.member.timeZone), timeZone: snapshot.member.timeZone })),
  ];
  return { type: 'home', blocks: blocks.slice(0, limits.surfaceBlocks) };
}
