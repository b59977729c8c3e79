import type { Worker } from 'node:worker_threads';
import { spawnModuleWorker } from '../threads/module-worker.js';
import type { BoardChart } from './board-chart.js';
import type { ChartAnswer, ChartRequest } from './chart-worker.js';

/**
 * Charts are drawn in a thread of their own. On the app's thread the first chart of a process held
 * the event loop for ~2 s (loading vega, vega-lite and resvg, then compiling the spec) and later
 * ones for ~0.1 s, and every Slack request meanwhile waited for its ack (bench: /log ack p99 299 ms
 * while a weekly board was posted). The thread starts with the first chart and ends after `idleMs`
 * without one, giving back the ~35 MB those modules hold.
 */
export interface ChartThread {
  draw(chart: BoardChart): Promise<Buffer>;
  close(): Promise<void>;
}

const entry = { compiled: new URL('./chart-worker.js', import.meta.url), source: new URL('./chart-worker.ts', import.meta.url) };

export function createChartThread(options: { idleMs?: number } = {}): ChartThread {
  const idleMs = options.idleMs ?? 60_000;
  const waiting = new Map<number, { resolve: (png: Buffer) => void; reject: (error: Error) => void }>();
  let worker: Worker | null = null;
  let nextId = 1;
  let idleTimer: NodeJS.Timeout | undefined;

  const failAll = (error: Error) => {
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };
  const stop = async () => {
    const running = worker;
    worker = null;
    await running?.terminate();
  };
  const start = (): Worker => {
    const thread = spawnModuleWorker(entry);
    thread.on('message', (answer: ChartAnswer) => {
      const pending = waiting.get(answer.id);
      waiting.delete(answer.id);
      if ('png' in answer) pending?.resolve(Buffer.from(answer.png));
      else pending?.reject(new Error(`Could not draw the chart: ${answer.error}`));
      if (waiting.size > 0) return;
      // An idle thread does not keep the process running; one drawing a chart someone awaits does.
      thread.unref();
      idleTimer = setTimeout(() => void stop(), idleMs).unref();
    });
    thread.once('error', (error) => failAll(error));
    thread.once('exit', (code) => {
      if (worker === thread) worker = null;
      failAll(new Error(`The chart thread stopped (exit code ${code})`));
    });
    return thread;
  };

  return {
    draw(chart) {
      clearTimeout(idleTimer);
      worker ??= start();
      worker.ref();
      const id = nextId++;
      const answered = new Promise<Buffer>((resolve, reject) => waiting.set(id, { resolve, reject }));
      worker.postMessage({ id, chart } satisfies ChartRequest);
      return answered;
    },
    async close() {
      clearTimeout(idleTimer);
      await stop();
    },
  };
}
