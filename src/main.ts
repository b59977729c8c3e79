import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSlackEdge } from './slack/edge.js';
import { PacerStartFailure, startPacerThread } from './threads/pacer-thread-host.js';

/** How long a stop waits for requests taken but not yet handed to Pacer's thread. */
const handOnMs = 10_000;

/**
 * `npm start`: Pacer's thread (configuration → database → Slack) → over HTTP, the Slack edge on
 * this thread, which only takes Slack's requests and acknowledges them (src/slack/edge.ts). SIGTERM
 * finishes work in hand and closes everything. This thread loads next to nothing, so Pacer's
 * thread starts at once.
 */
async function main(): Promise<void> {
  const socketPath = join(tmpdir(), `pacer-${process.pid}-${randomUUID().slice(0, 8)}.sock`);
  const starting = startPacerThread({ socketPath, stdoutIsTTY: process.stdout.isTTY === true });
  let edge: Awaited<ReturnType<typeof startSlackEdge>> | undefined;
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= starting.then(
      async (pacer) => {
        await edge?.close(handOnMs);
        await pacer.stop();
      },
      () => undefined,
    ));
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => void stop().then(() => process.exit(0)));
  }
  const pacer = await starting;
  void pacer.lost.then((error) => {
    console.error(`Pacer's thread failed: ${error.message}`);
    process.exit(1);
  });
  if (pacer.edge === null) return;
  edge = await startSlackEdge({ ...pacer.edge, upstream: socketPath, logger: pacer.log }).catch(async (error: unknown) => {
    await pacer.stop();
    throw error;
  });
  pacer.edgeListening(edge.port);
}

main().catch((error: unknown) => {
  if (error instanceof PacerStartFailure) console.error(error.message);
  else console.error('Pacer could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
