export interface Clock {
  now(): Date;
}

/** The one place that reads the wall clock; everything else receives a Clock or a `now`. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock that reads `start` now and runs on from there with `base`: a job run "as of" another instant. */
export function clockFrom(base: Clock, start: Date): Clock {
  const offset = start.getTime() - base.now().getTime();
  return { now: () => new Date(base.now().getTime() + offset) };
}
