import { App, type AppOptions, type Logger, type ReceiverEvent } from '@slack/bolt';
import type { PacerMetrics } from './metrics.js';
import { currentRequest, describeRequest, withRequest, type SlackRequest } from './request-context.js';

/**
 * Bolt's App, with each request counted, its acknowledgement timed, and everything done for it
 * (authorization, middleware, listeners, the error handler) run in its request context, so every
 * log line about it names the workspace, user and command. Receivers hand each request to
 * `processEvent` with its `ack` (HTTP and Socket Mode alike): the one place that sees both the
 * receipt and the ack. Middleware cannot wrap `ack`: each gets a copy of the arguments, while
 * listeners get the originals. https://docs.slack.dev/tools/bolt-js/concepts/receiver
 */
export class ObservedApp extends App {
  readonly #metrics: PacerMetrics;

  constructor(options: AppOptions, metrics: PacerMetrics) {
    super(options);
    this.#metrics = metrics;
  }

  override processEvent(event: ReceiverEvent): Promise<void> {
    const request = describeRequest(event.body);
    const received = performance.now();
    const metrics = this.#metrics;
    metrics.requestReceived(request.labels);
    let acked = false;
    const ack: ReceiverEvent['ack'] = async (response) => {
      try {
        return await event.ack(response);
      } finally {
        if (!acked) {
          acked = true;
          metrics.requestAcked(request.labels, (performance.now() - received) / 1000);
        }
      }
    };
    return withRequest(request, () => super.processEvent({ ...event, ack }));
  }
}

/**
 * The logger Bolt and Pacer write to, counting a request as failed (once) when an error is logged
 * while handling it: an unexpected error is logged under the reference the person sees
 * (src/slack/replies.ts), whether a listener caught it or Bolt's error handler did.
 */
export function countingFailures(logger: Logger, metrics: PacerMetrics): Logger {
  const failed = new WeakSet<SlackRequest>();
  return {
    debug: (...msg) => logger.debug(...msg),
    info: (...msg) => logger.info(...msg),
    warn: (...msg) => logger.warn(...msg),
    error: (...msg) => {
      const request = currentRequest();
      if (request && !failed.has(request)) {
        failed.add(request);
        metrics.requestFailed(request.labels);
      }
      logger.error(...msg);
    },
    setLevel: (level) => logger.setLevel(level),
    getLevel: () => logger.getLevel(),
    setName: (name) => logger.setName(name),
  };
}
