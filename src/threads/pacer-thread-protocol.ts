/** What the main thread and Pacer's thread (pacer-thread.ts) say to each other. */
export interface PacerThreadData {
  /** Where Bolt listens for the requests the edge hands on. */
  socketPath: string;
  /** Readable log lines (a terminal), as the main thread decided. */
  pretty: boolean;
}

/** From Pacer's thread: started (with where its data is), failed to start (the line to print), or stopped on request. */
export type PacerThreadReport = { kind: 'running'; data: string } | { kind: 'failed'; line: string } | { kind: 'stopped' };
