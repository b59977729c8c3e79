/** The chart thread's entry (chart-thread.ts): draws each chart it is sent and answers with its PNG, or why not. */
import { parentPort } from 'node:worker_threads';
import { chartThreadNice, lowerThisThreadPriority } from '../threads/thread-priority.js';
import { renderBoardChart, type BoardChart } from './board-chart.js';

// Drawing is seconds of CPU that nobody waits on; on a machine of two cores it took them from the
// threads that answer Slack.
lowerThisThreadPriority(chartThreadNice);

export interface ChartRequest {
  id: number;
  chart: BoardChart;
}

export type ChartAnswer = { id: number; png: Uint8Array } | { id: number; error: string };

parentPort?.on('message', (request: ChartRequest) => {
  renderBoardChart(request.chart).then(
    (png) => parentPort?.postMessage({ id: request.id, png } satisfies ChartAnswer),
    (error: unknown) => parentPort?.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) } satisfies ChartAnswer),
  );
});
