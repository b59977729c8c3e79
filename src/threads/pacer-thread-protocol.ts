/** What the main thread and Pacer's thread (pacer-thread.ts) say to each other. */
export interface PacerThreadData {
  /** Where Bolt listens for the requests the edge hands on. */
  socketPath: string;
  /** Whether the process's stdout is a terminal (readable log lines outside production). */
  stdoutIsTTY: boolean;
}

/** What the main thread's edge needs: Pacer's thread reads the configuration. */
export interface EdgeSettings {
  port: number;
  signingSecret: string;
}

/**
 * From Pacer's thread, in this order: configuration read (over HTTP, with what the edge needs; in
 * Socket Mode nothing for the edge to do), running (listening and warm), stopped on request; or
 * failed to start (the lines to print) at any point before running.
 */
export type PacerThreadReport =
  | { kind: 'configured'; edge: EdgeSettings | null }
  | { kind: 'running' }
  | { kind: 'failed'; line: string }
  | { kind: 'stopped' };

/** To Pacer's thread: the edge listens (on this port), a line for Pacer's log, or stop. */
export type PacerThreadRequest = { kind: 'edge listening'; port: number } | { kind: 'log'; level: 'warn' | 'error'; message: string } | { kind: 'stop' };
