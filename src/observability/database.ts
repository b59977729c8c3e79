import type { PrismaClient } from '../store/generated/client.js';
import type { PacerMetrics } from './metrics.js';

/**
 * The same client, each operation timed by model and operation through a Prisma client
 * extension (https://www.prisma.io/docs/orm/prisma-client/client-extensions/query): one
 * `performance.now()` pair a query, raw queries and those inside transactions included.
 */
export function observedPrisma(prisma: PrismaClient, metrics: PacerMetrics): PrismaClient {
  const extended = prisma.$extends({
    query: {
      async $allOperations({ model, operation, args, query }) {
        const started = performance.now();
        try {
          return await query(args);
        } finally {
          metrics.databaseQuery(model ?? 'raw', operation, (performance.now() - started) / 1000);
        }
      },
    },
  });
  // An extended client lacks `$on` (log events are chosen when the client is built), so its type is
  // not PrismaClient's; Pacer subscribes to none, and every other member behaves the same.
  return extended as unknown as PrismaClient;
}
