export interface Clock {
  now(): Date;
}

/** The one place that reads the wall clock; everything else receives a Clock or a `now`. */
export const systemClock: Clock = { now: () => new Date() };
