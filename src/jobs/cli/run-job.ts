import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { createDeps } from '../../app.js';
import { clockFrom, systemClock } from '../../clock.js';
import { loadConfig } from '../../config.js';
import { PacerError, StartupError } from '../../errors.js';
import { createWorkspaceClients } from '../../slack/workspace-clients.js';
import { createInstallationStore } from '../../store/installation-store.js';
import type { DeliveryReport } from '../../slack/delivery.js';
import { createJobScheduler } from '../index.js';
import type { JobOutcome } from '../scheduler.js';
import { askBot, terminalLogger, viaBotOrLocal } from './bot-or-local.js';

/** Retries due within this long are waited for, so a 429 delays the run instead of leaving it half done. */
const waitForRetriesMs = 2 * 60_000;

const usage = 'Usage: npm run job -- <name> [--now <ISO instant>]   (jobs: nudges, board, checkins, digest, contests)';

function printOutcome({ report, delivery }: JobOutcome): void {
  for (const line of [...report.lines, ...delivery.lines]) console.log(line);
  console.log(
    `${report.job}: queued ${report.queued}, nothing to say ${report.nothingToSay}, already done ${report.alreadyDone}; ` +
      `sent ${delivery.sent}, failed ${delivery.failed}, dropped ${delivery.dropped}, waiting ${delivery.retried + delivery.deferred}`,
  );
}

const add = (a: DeliveryReport, b: DeliveryReport): DeliveryReport => ({
  sent: a.sent + b.sent, retried: b.retried, failed: a.failed + b.failed, dropped: a.dropped + b.dropped, deferred: b.deferred, lines: [...a.lines, ...b.lines],
});

/** `npm run job -- nudges [--now …]`: one job once, through the scheduler's own code; idempotent. */
async function main(): Promise<void> {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { now: { type: 'string' } } });
  const [name, ...extra] = positionals;
  if (!name || extra.length > 0) throw new StartupError(usage);
  const now = values.now === undefined ? systemClock.now() : new Date(values.now);
  if (Number.isNaN(now.getTime())) throw new StartupError(`--now "${values.now}" is not an instant; write it like 2026-12-01T08:00:00Z.\n${usage}`);
  const outcome = await viaBotOrLocal<JobOutcome>('npm run job', {
    bot: (address) => askBot(address, '/jobs/run', { name, now: now.toISOString() }),
    async local(database) {
      const config = loadConfig();
      const clock = clockFrom(systemClock, now);
      const logger = terminalLogger();
      const deps = createDeps(database.prisma, clock, logger);
      const clients = createWorkspaceClients({
        botToken: config.oauth ? undefined : config.SLACK_BOT_TOKEN,
        installations: config.oauth ? createInstallationStore(database.prisma) : undefined,
        apiUrl: config.SLACK_API_URL,
        logger,
      });
      const scheduler = createJobScheduler({ prisma: database.prisma, deps, clients });
      if (!scheduler.jobNames.includes(name)) throw new StartupError(`No job called "${name}". ${usage}`);
      const result = await scheduler.runJob(name, now);
      let delivery = result.delivery;
      const deadline = clock.now().getTime() + waitForRetriesMs;
      for (;;) {
        const next = await scheduler.deliver(clock.now());
        delivery = add(delivery, next.delivery);
        const { nextDue } = next;
        if (!nextDue || nextDue.getTime() > deadline) break;
        await sleep(Math.max(50, nextDue.getTime() - clock.now().getTime()));
      }
      return { report: result.report, delivery };
    },
  });
  printOutcome(outcome);
}

main().catch((error: unknown) => {
  console.error(error instanceof StartupError || error instanceof PacerError || error instanceof Error ? error.message : error);
  process.exit(1);
});
