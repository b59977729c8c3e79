import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { DeliveryReport } from '../slack/delivery.js';
import type { JobReport } from '../jobs/scheduled-job.js';
import type { RequestLabels } from './request-context.js';

/** Slack waits 3 s for an acknowledgement; the buckets are dense below that. */
const ackBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2, 3, 5];
const callBuckets = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const queryBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1];

/** Label values come from what Slack sends; past this many per label, new ones count as `other`. */
const maxValuesPerLabel = 200;

/**
 * Everything `GET /metrics` shows, in its own registry (one per app, so tests can build many).
 * Names follow https://prometheus.io/docs/practices/naming/.
 */
export interface PacerMetrics {
  readonly registry: Registry;
  requestReceived(labels: RequestLabels): void;
  requestAcked(labels: RequestLabels, seconds: number): void;
  requestFailed(labels: RequestLabels | undefined): void;
  slackApiCall(method: string, seconds: number, error: string | undefined): void;
  slackApiError(method: string, error: string): void;
  databaseQuery(model: string, operation: string, seconds: number): void;
  jobPlanned(report: JobReport): void;
  jobFailed(job: string): void;
  delivered(report: DeliveryReport): void;
  /** Read at each scrape: how many outbox messages wait to be sent. */
  outboxDepth(read: () => Promise<number>): void;
}

export function createMetrics(options: { processMetrics?: boolean } = {}): PacerMetrics {
  const registry = new Registry();
  // CPU, memory, event loop lag and GC: PGlite runs queries on the main thread, so lag is the first sign of trouble.
  if (options.processMetrics) collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const bounded = boundLabels();

  const requests = new Counter({ name: 'pacer_slack_requests_total', help: 'Requests from Slack, by kind and command, action, view or event', labelNames: ['type', 'name'], registers });
  const failures = new Counter({ name: 'pacer_slack_request_errors_total', help: 'Requests whose handling ended in an unexpected error', labelNames: ['type', 'name'], registers });
  const acks = new Histogram({ name: 'pacer_slack_ack_seconds', help: 'From receipt to acknowledgement (Slack waits 3 s)', labelNames: ['type', 'name'], buckets: ackBuckets, registers });
  const apiCalls = new Counter({ name: 'pacer_slack_api_calls_total', help: 'HTTP calls to Slack (Web API methods, response_url, file uploads), retries included', labelNames: ['method'], registers });
  const apiErrors = new Counter({ name: 'pacer_slack_api_errors_total', help: 'Failed calls to Slack, by method and error (Slack error code, http_<status>, ratelimited, network)', labelNames: ['method', 'error'], registers });
  const apiSeconds = new Histogram({ name: 'pacer_slack_api_call_seconds', help: 'Time of one HTTP call to Slack', labelNames: ['method'], buckets: callBuckets, registers });
  const queries = new Histogram({ name: 'pacer_db_query_seconds', help: 'Time of a Prisma operation, query compilation included', labelNames: ['model', 'operation'], buckets: queryBuckets, registers });
  const runs = new Counter({ name: 'pacer_scheduler_runs_total', help: 'Scheduled runs planned, by job and outcome (queued, nothing_to_say, already_done)', labelNames: ['job', 'outcome'], registers });
  const planFailures = new Counter({ name: 'pacer_scheduler_plan_errors_total', help: 'Planning passes of a job that failed (tried again next minute)', labelNames: ['job'], registers });
  const messages = new Counter({ name: 'pacer_scheduler_messages_total', help: 'Outbox messages handled by delivery, by outcome (sent, retried, failed, dropped, deferred)', labelNames: ['outcome'], registers });
  let readDepth: (() => Promise<number>) | undefined;
  new Gauge({
    name: 'pacer_outbox_pending_messages',
    help: 'Outbox messages waiting to be sent (read at each scrape)',
    registers,
    // prom-client awaits an async collect at each scrape.
    async collect() {
      // A database that does not answer shows on /ready; the scrape itself still succeeds.
      if (readDepth) this.set(await readDepth().catch(() => Number.NaN));
    },
  });

  const labelsOf = (labels: RequestLabels) => ({ type: bounded('type', labels.type), name: bounded(`name:${labels.type}`, labels.name) });
  return {
    registry,
    requestReceived: (labels) => requests.inc(labelsOf(labels)),
    requestAcked: (labels, seconds) => acks.observe(labelsOf(labels), seconds),
    requestFailed: (labels) => failures.inc(labelsOf(labels ?? { type: 'unknown', name: 'unknown' })),
    slackApiCall(method, seconds, error) {
      const name = bounded('method', method);
      apiCalls.inc({ method: name });
      apiSeconds.observe({ method: name }, seconds);
      if (error) apiErrors.inc({ method: name, error: bounded('error', error) });
    },
    slackApiError: (method, error) => apiErrors.inc({ method: bounded('method', method), error: bounded('error', error) }),
    databaseQuery: (model, operation, seconds) => queries.observe({ model, operation }, seconds),
    jobPlanned(report) {
      const job = bounded('job', report.job);
      if (report.queued > 0) runs.inc({ job, outcome: 'queued' }, report.queued);
      if (report.nothingToSay > 0) runs.inc({ job, outcome: 'nothing_to_say' }, report.nothingToSay);
      if (report.alreadyDone > 0) runs.inc({ job, outcome: 'already_done' }, report.alreadyDone);
    },
    jobFailed: (job) => planFailures.inc({ job: bounded('job', job) }),
    delivered(report) {
      for (const outcome of ['sent', 'retried', 'failed', 'dropped', 'deferred'] as const) {
        if (report[outcome] > 0) messages.inc({ outcome }, report[outcome]);
      }
    },
    outboxDepth(read) {
      readDepth = read;
    },
  };
}

function boundLabels(): (label: string, value: string) => string {
  const seen = new Map<string, Set<string>>();
  return (label, value) => {
    let values = seen.get(label);
    if (!values) seen.set(label, (values = new Set()));
    if (values.has(value)) return value;
    if (values.size >= maxValuesPerLabel) return 'other';
    values.add(value);
    return value;
  };
}
