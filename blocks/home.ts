import type { HomeView, KnownBlock } from '@slack/types';
import type { Translator } from '../src/i18n/index.js';
import type { HomeSnapshot } from '../src/services/home-dashboard.js';
import { ids } from '../src/slack/ids.js';
import { goalStandingBlock } from './goal-reply.js';
import { amountOf, metricName } from './goal-text.js';
import { context, limits, plain, section } from './text.js';

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

/** The rep's Home tab: goals with bars and pace, this week's activity, and the two everyday actions. */
export function buildHome(tr: Translator, snapshot: HomeSnapshot): HomeView {
  const goals = snapshot.standings.slice(0, 60).map((s) => goalStandingBlock(tr, s, false));
  const blocks: KnownBlock[] = [
    { type: 'header', text: plain(tr.t('home.title'), limits.headerText) },
    {
      type: 'actions',
      elements: [
        { type: 'button', style: 'primary', action_id: ids.actions.openLogModal, text: plain(tr.t('home.logActivity'), limits.buttonText) },
        { type: 'button', action_id: ids.actions.openGoalModal, text: plain(tr.t('home.setGoal'), limits.buttonText) },
      ],
    },
    { type: 'header', text: plain(tr.t('home.goals'), limits.headerText) },
    ...(goals.length > 0 ? goals : [section(tr.t('home.noGoals'))]),
    { type: 'divider' },
    { type: 'header', text: plain(tr.t('home.thisWeek'), limits.headerText) },
    ...weekActivity(tr, snapshot),
    context(tr.t('home.updated', { time: tr.time(snapshot.now, snapshot.member.timeZone), timeZone: snapshot.member.timeZone })),
  ];
  return { type: 'home', blocks: blocks.slice(0, limits.surfaceBlocks) };
}
