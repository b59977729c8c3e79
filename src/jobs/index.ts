import { hostname } from 'node:os';
import type { PrismaClient } from '../store/generated/client.js';
import { createDelivery } from '../slack/delivery.js';
import type { PacerDeps } from '../slack/deps.js';
import type { WorkspaceClients } from '../slack/workspace-clients.js';
import { createSalesTeamStore } from '../store/sales-team-store.js';
import { createBadgeStore } from '../store/badge-store.js';
import { createJobStore } from '../store/job-store.js';
import { createNudgeJob, renderNudge } from './nudges.js';
import { contestOutboxKinds, createContestJob, renderContestPost } from './contests.js';
import { createContestStore } from '../store/contest-store.js';
import { checkInOutboxKinds, createCheckInJob } from './check-ins.js';
import { boardChartKind, boardPostKind, claimWithBadgesIn, createWeeklyBoardJob, renderBoardChartFile, renderBoardPost } from './weekly-board.js';
import { createScheduler, type Scheduler } from './scheduler.js';
import { createDigestJob, digestPostKind, renderDigest } from './digest.js';
import { createTeamDigests } from '../services/team-digest.js';
import { createActivityStore } from '../store/activity-store.js';
import { createBoardStore } from '../store/board-store.js';
import { createGoalStore } from '../store/goal-store.js';

/** Every scheduled job over the app's stores, sent through each workspace's client. */
export function createJobScheduler(options: { prisma: PrismaClient; deps: PacerDeps; clients: WorkspaceClients; concurrency?: number }): Scheduler {
  const { deps } = options;
  const instance = `${hostname()}:${process.pid}`;
  const nudges = createNudgeJob({
    members: deps.members,
    leads: deps.leads,
    teams: createSalesTeamStore(options.prisma),
    jobs: deps.jobs,
    instance,
  });
  const weeklyBoard = createWeeklyBoardJob({
    teams: createSalesTeamStore(options.prisma),
    leaderboard: deps.leaderboard,
    jobs: deps.jobs,
    activityTypes: deps.activityTypes,
    speakers: deps.speakers,
    claimWithBadges: claimWithBadgesIn((work) => options.prisma.$transaction(work, { maxWait: 15_000, timeout: 30_000 }), {
      jobs: createJobStore,
      badges: createBadgeStore,
    }),
    instance,
  });
  const checkIns = createCheckInJob({
    checkIns: deps.checkIns,
    teams: createSalesTeamStore(options.prisma),
    members: deps.members,
    jobs: deps.jobs,
    homeDashboard: deps.homeDashboard,
    speakers: deps.speakers,
    posts: deps.checkInPosts,
    instance,
  });
  const digest = createDigestJob({
    teams: createSalesTeamStore(options.prisma),
    digests: createTeamDigests({
      goals: createGoalStore(options.prisma),
      activities: createActivityStore(options.prisma),
      boards: createBoardStore(options.prisma),
      members: deps.members,
      leads: deps.leads,
      teams: createSalesTeamStore(options.prisma),
      checkIns: deps.checkIns,
      leaderboard: deps.leaderboard,
      activityTypes: deps.activityTypes,
    }),
    jobs: deps.jobs,
    instance,
  });
  const contests = createContestJob({
    contests: createContestStore(options.prisma),
    book: deps.contests,
    teams: createSalesTeamStore(options.prisma),
    jobs: deps.jobs,
    instance,
  });
  const delivery = createDelivery({
    jobs: deps.jobs,
    clients: options.clients,
    clock: deps.clock,
    logger: deps.logger,
    render: async (row) => {
      if (row.kind === 'nudge') return renderNudge(row.payload, (locale) => deps.speakers.reader({ teamId: row.teamId, locale }));
      if (row.kind === boardPostKind) return renderBoardPost(row.payload, await deps.speakers.channel(row.teamId));
      if (row.kind === boardChartKind) return renderBoardChartFile(row.payload, await deps.speakers.channel(row.teamId));
      if (checkInOutboxKinds.some((kind) => kind === row.kind)) return checkIns.render(row);
      if (contestOutboxKinds.includes(row.kind)) return renderContestPost(row, await deps.speakers.channel(row.teamId));
      if (row.kind === digestPostKind) return renderDigest(row.payload, await deps.speakers.channel(row.teamId));
      throw new Error(`No way to draw an outbox message of kind ${row.kind}`);
    },
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
  });
  return createScheduler({ jobs: [nudges, weeklyBoard, checkIns, digest, contests], store: deps.jobs, delivery, clock: deps.clock, logger: deps.logger });
}
