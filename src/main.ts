import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSlackEdge, type SlackEdge } from './slack/edge.js';
import { PacerStartFailure, startPacerThread } from './threads/pacer-thread-host.js';

/** How long a stop waits for requests taken but not yet handed to Pacer's thread. */
const handOnMs = 10_000;

/**
 * `npm start`: Pacer's thread (configuration → database → Slack) and, over HTTP, the Slack edge on
 * this thread, which only takes Slack's requests and acknowledges them (src/slack/edge.ts). The
 * edge listens as soon as the configuration is read, so Slack is answered while Pacer starts;
 * what it takes meanwhile reaches Pacer once it runs. SIGTERM finishes work in hand and closes
 * everything. This thread loads next to nothing, so Pacer's thread starts at once.
 */
async function main(): Promise<void> {
  const socketPath = join(tmpdir(), `pacer-${process.pid}-${randomUUID().slice(0, 8)}.sock`);
  const pacer = startPacerThread({ socketPath, stdoutIsTTY: process.stdout.isTTY === true });
  let edge: SlackEdge | undefined;
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await edge?.close(handOnMs);
      await pacer.stop();
    })());
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => void stop().then(() => process.exit(0)));
  }
  try {
    const settings = await pacer.configured;
    if (settings) edge = await startSlackEdge({ ...settings, upstream: socketPath, upstreamReady: pacer.running, logger: pacer.log });
    await pacer.running;
  } catch (error) {
    await stop();
    throw error;
  }
  void pacer.lost.then((error) => {
    console.error(`Pacer's thread failed: ${error.message}`);
    process.exit(1);
  });
  if (edge) pacer.edgeListening(edge.port);
}

main().catch((error: unknown) => {
  if (error instanceof PacerStartFailure) console.error(error.message);
  else console.error('Pacer could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
