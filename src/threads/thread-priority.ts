import { setPriority } from 'node:os';

/** Pacer's thread: below the edge that acks Slack. The database's thread, started from it, inherits this. */
export const pacerThreadNice = 10;
/** The chart thread: seconds of CPU that nobody waits on. */
export const chartThreadNice = 19;

/**
 * Lowers the calling thread's priority: on Linux a thread's nice value is its own (0 names the
 * calling thread), and threads it starts afterwards inherit it. Elsewhere, or where lowering is
 * refused, the thread keeps its priority.
 */
export function lowerThisThreadPriority(nice: number): void {
  try {
    setPriority(nice);
  } catch {
    // Same priority as the others: slower acks under load, nothing worse.
  }
}
