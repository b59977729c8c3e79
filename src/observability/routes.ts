import type { ServerResponse } from 'node:http';
import type { CustomRoute } from '@slack/bolt';
import type { PacerMetrics } from './metrics.js';

/** How long `/ready` waits for the database before answering 503. */
const readyTimeoutMs = 2_000;

/**
 * What a load balancer and Prometheus ask: `/health` (the process answers: liveness),
 * `/ready` (the database answers too: send traffic here) and `/metrics`.
 */
export function operationsRoutes(options: { metrics: PacerMetrics; databaseAnswers: () => Promise<unknown> }): CustomRoute[] {
  return [
    { path: '/health', method: ['GET'], handler: (_req, res) => res.writeHead(200).end('ok') },
    {
      path: '/ready',
      method: ['GET'],
      handler: (_req, res) => {
        void within(options.databaseAnswers(), readyTimeoutMs).then(
          () => res.writeHead(200).end('ready'),
          (error: unknown) => res.writeHead(503).end(`not ready: the database does not answer (${error instanceof Error ? error.message : String(error)})`),
        );
      },
    },
    {
      path: '/metrics',
      method: ['GET'],
      handler: (_req, res) => void serveMetrics(options.metrics, res),
    },
  ];
}

async function serveMetrics(metrics: PacerMetrics, res: ServerResponse): Promise<void> {
  try {
    const body = await metrics.registry.metrics();
    res.writeHead(200, { 'Content-Type': metrics.registry.contentType }).end(body);
  } catch (error) {
    res.writeHead(500).end(error instanceof Error ? error.message : String(error));
  }
}

function within<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
