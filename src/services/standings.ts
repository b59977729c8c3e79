import type { ActivityType } from '../domain/activity-types.js';
import { goalActual, type Contributors, type Goal } from '../domain/goals.js';
import { computePace, type Pace } from '../domain/pace.js';
import { periodSpan, type Span } from '../domain/periods.js';
import type { ActivityStore } from '../store/activity-store.js';

/** Where a goal stands right now: its current period and the pace within it. */
export interface GoalStanding {
  goal: Goal;
  span: Span;
  pace: Pace;
  /** Set for a team's or the company's goal shown among a rep's own. */
  sharedBy?: SharedOwner;
}

export type SharedOwner = { type: 'team'; name: string } | { type: 'company' };

/** Computes the standing of one owner's goals, reading each distinct period's totals once. */
export async function goalStandings(
  activities: ActivityStore,
  input: {
    teamId: string;
    goals: readonly Goal[];
    types: readonly ActivityType[];
    now: Date;
    timeZone: string;
    /** Whose activity counts: the goals share one owner. */
    contributors: Contributors;
    sharedBy?: SharedOwner;
  },
): Promise<GoalStanding[]> {
  const { teamId, goals, types, now, timeZone, contributors } = input;
  const totalsBySpan = new Map<string, ReturnType<ActivityStore['totals']>>();
  return Promise.all(
    goals.map(async (goal) => {
      const span = periodSpan(goal.period, now, timeZone);
      const key = `${span.start.toISOString()}:${span.end.toISOString()}`;
      let totals = totalsBySpan.get(key);
      if (!totals) {
        totals = activities.totals(teamId, contributors, span);
        totalsBySpan.set(key, totals);
      }
      const actual = goalActual(goal, await totals, types);
      const pace = computePace({ actual, target: goal.target, span, now, timeZone });
      return input.sharedBy ? { goal, span, pace, sharedBy: input.sharedBy } : { goal, span, pace };
    }),
  );
}
