import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from '@slack/bolt';
import { clockFrom, type Clock } from '../clock.js';
import type { Delivery, DeliveryReport } from '../slack/delivery.js';
import type { JobStore } from '../store/job-store.js';
import type { JobReport, ScheduledJob, ScheduledRun } from './scheduled-job.js';

/** Claims of past periods are kept this long, then forgotten (their keys are never due again). */
const keepRunsMs = 45 * 24 * 60 * 60 * 1000;
/** Forgetting old claims scans the claims table: once an hour is enough. */
const housekeepingEveryMs = 60 * 60 * 1000;
/** A retry due sooner than the next tick is woken for, so a Retry-After of seconds is not a minute. */
const wakeWithinMs = 60_000;

export interface JobOutcome {
  report: JobReport;
  delivery: DeliveryReport;
}

export interface TickOutcome {
  reports: JobReport[];
  delivery: DeliveryReport;
}

export interface Scheduler {
  /** Ticks every minute; the first tick runs at once, making up runs missed while Pacer was down. */
  start(): void;
  /** Stops ticking and waits for a tick in progress. */
  stop(): Promise<void>;
  /** One pass: every job plans what is due now, then due messages are delivered. */
  tick(): Promise<TickOutcome>;
  /** One job as of `now` (the same code as a tick), then delivery; for `npm run job`. */
  runJob(name: string, now: Date): Promise<JobOutcome>;
  runsBetween(from: Date, to: Date, jobName?: string): Promise<ScheduledRun[]>;
  /** Delivers what is due, as of `now` (running on from it); returns when the next message falls due. */
  deliver(now?: Date): Promise<{ delivery: DeliveryReport; nextDue: Date | null }>;
  readonly jobNames: readonly string[];
  /** Hears every planning pass and delivery, the ones cron starts included (for metrics). */
  observe(observer: SchedulerObserver): void;
}

export interface SchedulerObserver {
  planned?(report: JobReport): void;
  planFailed?(job: string): void;
  delivered?(report: DeliveryReport): void;
}

/**
 * The one place that owns schedules. Every instance ticks; claims in the database (unique run
 * keys, `SKIP LOCKED` leases on the outbox) make each run happen once however many tick.
 */
export function createScheduler(deps: { jobs: readonly ScheduledJob[]; store: JobStore; delivery: Delivery; clock: Clock; logger: Logger }): Scheduler {
  const { jobs, store, delivery, clock, logger } = deps;
  let task: ScheduledTask | undefined;
  let wake: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let lastHousekeeping = Number.NEGATIVE_INFINITY;
  const observers: SchedulerObserver[] = [];

  const find = (name: string) => {
    const job = jobs.find((j) => j.name === name);
    if (!job) throw new Error(`No job called "${name}". Jobs: ${jobs.map((j) => j.name).join(', ')}`);
    return job;
  };

  /** Serialises passes within this instance; other instances are kept apart by the database. */
  function exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = running.then(work, work);
    running = next.catch(() => undefined);
    return next;
  }

  async function deliverAndWake(asOf?: Clock): Promise<DeliveryReport> {
    const report = await delivery.deliverDue(asOf);
    for (const observer of observers) observer.delivered?.(report);
    const next = await store.nextDue();
    clearTimeout(wake);
    wake = undefined;
    const inMs = next ? next.getTime() - clock.now().getTime() : Number.POSITIVE_INFINITY;
    if (task && inMs < wakeWithinMs) {
      wake = setTimeout(() => void exclusive(deliverAndWake).catch((error: unknown) => logger.error('Delivering scheduled messages failed', error)), Math.max(0, inMs));
      wake.unref();
    }
    return report;
  }

  async function tickOnce(): Promise<TickOutcome> {
    const now = clock.now();
    const reports: JobReport[] = [];
    for (const job of jobs) {
      try {
        const report = await job.plan(now);
        for (const observer of observers) observer.planned?.(report);
        reports.push(report);
      } catch (error) {
        for (const observer of observers) observer.planFailed?.(job.name);
        logger.error(`Scheduled job ${job.name} failed to plan; it is tried again next minute`, error);
      }
    }
    const sent = await deliverAndWake();
    if (now.getTime() - lastHousekeeping >= housekeepingEveryMs) {
      lastHousekeeping = now.getTime();
      await store.forgetRunsBefore(new Date(now.getTime() - keepRunsMs));
    }
    for (const report of reports) {
      if (report.queued > 0) logger.info(`${report.job}: queued ${report.queued}, nothing to say ${report.nothingToSay}`);
    }
    return { reports, delivery: sent };
  }

  return {
    jobNames: jobs.map((j) => j.name),
    observe(observer) {
      observers.push(observer);
    },
    start() {
      if (task) return;
      task = cron.schedule('* * * * *', () => exclusive(tickOnce).catch((error: unknown) => logger.error('Scheduler tick failed', error)), {
        name: 'pacer-scheduler',
        noOverlap: true,
      });
      void exclusive(tickOnce).catch((error: unknown) => logger.error('Scheduler catch-up failed', error));
    },
    async stop() {
      await task?.destroy();
      task = undefined;
      clearTimeout(wake);
      await running;
    },
    tick: () => exclusive(tickOnce),
    runJob: (name, now) =>
      exclusive(async () => {
        const report = await find(name).plan(now);
        for (const observer of observers) observer.planned?.(report);
        return { report, delivery: await deliverAndWake(clockFrom(clock, now)) };
      }),
    deliver: (now) =>
      exclusive(async () => {
        const delivery = await deliverAndWake(now ? clockFrom(clock, now) : undefined);
        return { delivery, nextDue: await store.nextDue() };
      }),
    async runsBetween(from, to, jobName) {
      const chosen = jobName ? [find(jobName)] : jobs;
      const runs = (await Promise.all(chosen.map((job) => job.runsBetween(from, to)))).flat();
      return runs.sort((a, b) => a.at.getTime() - b.at.getTime() || a.subject.localeCompare(b.subject));
    },
  };
}
