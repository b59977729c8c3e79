import { z } from 'zod';
import { boardChartBars, buildBoard } from '../../blocks/board.js';
import type { SlackMessage } from '../../blocks/text.js';
import { createChartThread } from '../charts/chart-thread.js';
import type { ActivityType } from '../domain/activity-types.js';
import { badgeKinds, type Badge } from '../domain/badges.js';
import { boardCategories } from '../domain/board.js';
import { dueWeeklySlot, slotCatchUpEnd, weeklySlots } from '../domain/team-schedules.js';
import type { SalesTeam } from '../domain/sales-teams.js';
import type { Translator } from '../i18n/index.js';
import type { Speakers } from '../services/speakers.js';
import type { Board } from '../services/leaderboard.js';
import type { Leaderboard } from '../services/leaderboard.js';
import type { SlackFile } from '../slack/delivery.js';
import type { BadgeStore } from '../store/badge-store.js';
import type { JobStore, OutboxDraft, RunClaim } from '../store/job-store.js';
import type { SalesTeamStore } from '../store/sales-team-store.js';
import type { Db } from '../store/transaction.js';
import type { JobReport, ScheduledJob } from './scheduled-job.js';

export const boardJobName = 'board';
export const boardPostKind = 'board';
export const boardChartKind = 'board-chart';

const rankingSchema = z.discriminatedUnion('by', [
  z.object({ by: z.literal('points') }),
  z.object({ by: z.literal('goal') }),
  z.object({ by: z.literal('metric'), metric: z.string() }),
]);

const boardSchema = z.object({
  team: z.object({ id: z.string(), name: z.string() }).nullable(),
  from: z.iso.date(),
  to: z.iso.date(),
  ranking: rankingSchema,
  lines: z.array(
    z.object({
      userId: z.string(),
      name: z.string(),
      rank: z.number().int(),
      tied: z.boolean(),
      score: z.number(),
      points: z.number(),
      counts: z.record(z.string(), z.number()),
      revenue: z.number(),
      biggestDeal: z.number(),
      kudos: z.number(),
      streak: z.number(),
    }),
  ),
  winners: z.array(z.object({ category: z.enum(boardCategories), userIds: z.array(z.string()), value: z.number() })),
  unranked: z.number().int(),
});

/** What a weekly post's outbox row keeps: the board as computed at the claim, and the badges it awarded. */
const postSchema = z.object({
  board: boardSchema,
  badges: z.array(z.object({ userId: z.string(), badge: z.enum(badgeKinds), earnedFor: z.string() })),
});
type BoardPost = z.infer<typeof postSchema>;

const chartSchema = z.object({ team: z.string(), metric: z.string(), bars: z.array(z.object({ name: z.string(), value: z.number(), label: z.string() })) });

export function renderBoardPost(payload: unknown, tr: Translator): SlackMessage {
  const { board, badges } = postSchema.parse(payload);
  const title = tr.t('board.titleWeeklyPost', { team: board.team?.name ?? '', from: tr.date(board.from), to: tr.date(board.to) });
  return buildBoard(tr, board, { audience: 'channel', title, badges });
}

/** One chart thread a process, started by the first board post that draws a chart. */
const boardCharts = createChartThread();

export async function renderBoardChartFile(payload: unknown, tr: Translator): Promise<SlackFile> {
  const chart = chartSchema.parse(payload);
  const title = tr.t('board.chartTitle', { team: chart.team });
  const file = await boardCharts.draw({ title, valueTitle: chart.metric, bars: chart.bars, emptyText: tr.t('board.chartEmpty') });
  return { file, filename: 'board.png', title, altText: tr.t('board.chartAlt', { metric: chart.metric }) };
}

/** Claims a run together with the badges its board awards: both land, or neither does. */
export type ClaimWithBadges = (
  work: (stores: { jobs: JobStore; badges: BadgeStore }) => Promise<boolean>,
) => Promise<boolean>;

/**
 * The weekly board: at each team's board time (default Monday 09:00 in the team's zone) the team
 * channel gets last week's board, its new badges and a chart of the top reps. Claimed once per
 * team and week; after downtime it is caught up the same day; a week nobody logged posts nothing.
 */
export function createWeeklyBoardJob(deps: {
  teams: SalesTeamStore;
  leaderboard: Leaderboard;
  jobs: JobStore;
  activityTypes: { forWorkspace(teamId: string): Promise<readonly ActivityType[]> };
  speakers: Pick<Speakers, 'channel'>;
  /** Runs the claim and the badge awards in one transaction. */
  claimWithBadges: ClaimWithBadges;
  instance: string;
}): ScheduledJob {
  const { teams, leaderboard, jobs } = deps;
  const zoneOf = (team: SalesTeam) => team.timeZone ?? 'UTC';

  function messages(workspace: string, team: SalesTeam, board: Board, badges: readonly Badge[], notBefore: Date, expiresAt: Date, tr: Translator): OutboxDraft[] {
    const metric = tr.t('board.chartValuePoints');
    const post: BoardPost = { board, badges: [...badges] };
    return [
      // A channel's rows go out in the order they fall due: the board a millisecond before its chart.
      { teamId: workspace, channel: team.channelId, kind: boardPostKind, payload: post, notBefore: new Date(notBefore.getTime() - 1), expiresAt },
      {
        teamId: workspace,
        channel: team.channelId,
        kind: boardChartKind,
        payload: { team: team.name, metric: board.ranking.by === 'points' ? metric : '', bars: boardChartBars(tr, board) },
        notBefore,
        expiresAt,
      },
    ];
  }

  return {
    name: boardJobName,
    async plan(now) {
      const report: JobReport = { job: boardJobName, queued: 0, nothingToSay: 0, alreadyDone: 0, lines: [] };
      const due = (await teams.everyWorkspace()).flatMap(({ teamId, team }) => {
        if (!team.board.enabled) return [];
        const slot = dueWeeklySlot(team.board, zoneOf(team), now);
        return slot ? [{ teamId, team, slot, key: `${boardJobName}:${teamId}:${team.id}:${slot.localDate}` }] : [];
      });
      const done = await jobs.claimed(due.map((d) => d.key));
      for (const { teamId, team, slot, key } of due) {
        const where = `${team.name} in ${teamId} (${slot.localDate} ${slot.localTime} ${zoneOf(team)})`;
        if (done.has(key)) {
          report.alreadyDone += 1;
          report.lines.push(`skipped the board of ${where}: already done`);
          continue;
        }
        const types = await deps.activityTypes.forWorkspace(teamId);
        const { board, badges } = await leaderboard.lastWeek(teamId, team, slot.at, types);
        const run: RunClaim = { key, job: boardJobName, teamId, subject: team.channelId, period: slot.localDate };
        const queued = board.lines.length === 0 ? [] : messages(teamId, team, board, badges, now, slotCatchUpEnd(slot, zoneOf(team)), await deps.speakers.channel(teamId));
        const claimed = await deps.claimWithBadges(async (stores) => {
          const taken = await stores.jobs.claim([{ run, messages: queued }], deps.instance, now);
          if (!taken.has(key)) return false;
          await stores.badges.award(teamId, badges, now);
          return true;
        });
        if (!claimed) {
          report.alreadyDone += 1;
          report.lines.push(`skipped the board of ${where}: already done`);
        } else if (queued.length === 0) {
          report.nothingToSay += 1;
          report.lines.push(`nothing to post for ${where}: no activity last week`);
        } else {
          report.queued += 1;
          report.lines.push(`queued the board of ${where}: ${board.lines.length} reps, ${badges.length} new badges`);
        }
      }
      return report;
    },
    async runsBetween(from, to) {
      return (await teams.everyWorkspace()).flatMap(({ teamId, team }) =>
        team.board.enabled
          ? weeklySlots(team.board, zoneOf(team), from, to).map((slot) => ({
              job: boardJobName,
              teamId,
              subject: team.channelId,
              localDate: slot.localDate,
              localTime: slot.localTime,
              timeZone: zoneOf(team),
              at: slot.at,
            }))
          : [],
      );
    },
  };
}

/** A claim-with-badges over one interactive transaction of the app's client. */
export function claimWithBadgesIn(transact: <T>(work: (tx: Db) => Promise<T>) => Promise<T>, stores: { jobs: (tx: Db) => JobStore; badges: (tx: Db) => BadgeStore }): ClaimWithBadges {
  return (work) => transact((tx) => work({ jobs: stores.jobs(tx), badges: stores.badges(tx) }));
}
