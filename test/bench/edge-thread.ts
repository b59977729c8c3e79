/**
 * The Slack edge (src/slack/edge.ts) in a thread of its own, as `npm start` runs it beside Pacer's
 * thread: for benches that run the app in their own thread. Answers its parent with the port.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { startSlackEdge } from '../../src/slack/edge.js';

const { signingSecret, upstream } = workerData as { signingSecret: string; upstream: string };
const edge = await startSlackEdge({ port: 0, signingSecret, upstream, upstreamReady: Promise.resolve(), logger: { warn: console.warn, error: console.error } });
parentPort?.postMessage(edge.port);
parentPort?.once('message', () => void edge.close(10_000).then(() => process.exit(0)));
