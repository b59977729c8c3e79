import { hostname } from 'node:os';
import type { PrismaClient } from '../store/generated/client.js';
import { createDelivery } from '../slack/delivery.js';
import type { PacerDeps } from '../slack/deps.js';
import type { WorkspaceClients } from '../slack/workspace-clients.js';
import { createSalesTeamStore } from '../store/sales-team-store.js';
import { createNudgeJob, renderNudge } from './nudges.js';
import { createScheduler, type Scheduler } from './scheduler.js';

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
  const delivery = createDelivery({
    jobs: deps.jobs,
    clients: options.clients,
    clock: deps.clock,
    logger: deps.logger,
    render: async (row) => {
      if (row.kind === 'nudge') return renderNudge(row.payload, await deps.activityTypes.forWorkspace(row.teamId));
      throw new Error(`No way to draw an outbox message of kind ${row.kind}`);
    },
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
  });
  return createScheduler({ jobs: [nudges], store: deps.jobs, delivery, clock: deps.clock, logger: deps.logger });
}
