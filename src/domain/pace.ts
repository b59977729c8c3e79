import { elapsedWorkingShare, mondayToFriday, type Span, type Weekday } from './periods.js';

/**
 * done: target reached · ahead / on_pace: at or over the straight line ·
 * at_risk: within reach of it · behind: well under it · upcoming: the period has not begun.
 */
export type PaceStatus = 'done' | 'ahead' | 'on_pace' | 'at_risk' | 'behind' | 'upcoming';

export interface Pace {
  actual: number;
  target: number;
  /** What the straight line from 0 to target expects by now. */
  expected: number;
  /** Elapsed share of the period's working time, 0–1. */
  elapsedShare: number;
  status: PaceStatus;
  /** How many more are needed to be back on the line (0 when on it). */
  gap: number;
}

/** Under this share of the expected amount a goal is behind; between it and 1, at risk. */
export const atRiskShare = 0.75;
/** Over this share of the expected amount a goal is ahead rather than merely on pace. */
const aheadShare = 1.1;

export function computePace(input: {
  actual: number;
  target: number;
  span: Span;
  now: Date;
  timeZone: string;
  workingDays?: readonly Weekday[];
}): Pace {
  const { actual, target, span, now, timeZone } = input;
  const elapsedShare = elapsedWorkingShare(span, now, timeZone, input.workingDays ?? mondayToFriday);
  const expected = target * elapsedShare;
  const gap = Math.max(0, expected - actual);
  return { actual, target, expected, elapsedShare, status: paceStatus(actual, target, expected, now, span), gap };
}

function paceStatus(actual: number, target: number, expected: number, now: Date, span: Span): PaceStatus {
  if (actual >= target) return 'done';
  if (now < span.start) return 'upcoming';
  if (expected <= 0) return 'on_pace';
  if (actual >= expected * aheadShare) return 'ahead';
  if (actual >= expected) return 'on_pace';
  if (actual >= expected * atRiskShare) return 'at_risk';
  return 'behind';
}
