/** One run the scheduler would start, for the dry run of `npm run schedule`. */
export interface ScheduledRun {
  job: string;
  teamId: string;
  /** A user id (a rep's nudge) or a channel id (a team's post). */
  subject: string;
  /** Local date and time of the run in `timeZone`. */
  localDate: string;
  localTime: string;
  timeZone: string;
  at: Date;
}

/** What one planning pass of a job did. */
export interface JobReport {
  job: string;
  /** Runs this pass claimed: each either queued its message or had nothing to say. */
  queued: number;
  nothingToSay: number;
  /** Runs already claimed (earlier, or by another instance): skipped. */
  alreadyDone: number;
  lines: string[];
}

/** Work the scheduler starts by itself: what is due at an instant, and when every run falls. */
export interface ScheduledJob {
  name: string;
  /** Claims and queues every run due at `now` that is not claimed yet; safe to call again. */
  plan(now: Date): Promise<JobReport>;
  /** Every run in [from, to), whether or not it will find anything to say; sends nothing. */
  runsBetween(from: Date, to: Date): Promise<ScheduledRun[]>;
}
