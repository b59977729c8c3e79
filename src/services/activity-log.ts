import type { Clock } from '../clock.js';
import type { ActivityType } from '../domain/activity-types.js';
import { goalMovedBy } from '../domain/goals.js';
import { logMoment, type LogDraft } from '../domain/log-command.js';
import type { Member } from '../domain/members.js';
import { PacerError } from '../errors.js';
import type { ActivityStore, LoggedActivity } from '../store/activity-store.js';
import type { ActivityTypeStore } from '../store/activity-type-store.js';
import type { GoalStore } from '../store/goal-store.js';
import type { GoalOwners } from './goal-owners.js';
import { goalStandings, type GoalStanding } from './standings.js';

export interface LogOutcome {
  activity: LoggedActivity;
  /** The rep's goals this activity moves, as they stand after the change. */
  standings: GoalStanding[];
  types: ActivityType[];
  /**
   * The rep's local day the log counts on (YYYY-MM-DD) when it is not today. The standings stay
   * those of the current periods, which may not hold that day.
   */
  day?: string | null;
}

export interface ActivityLog {
  /**
   * Logs for the rep, on the draft's day (today when none); `leadId` links the activity to the kept lead it was about.
   * @throws PacerError `log_date_future` or `log_date_too_old` for a day out of reach.
   */
  log(rep: Member, draft: LogDraft, leadId?: string | null): Promise<LogOutcome>;
  /** The workspace's activity types. */
  types(teamId: string): Promise<ActivityType[]>;
  /** Removes exactly one log; only its author may. */
  undo(rep: Member, activityId: string): Promise<LogOutcome>;
}

export function createActivityLog(deps: {
  activities: ActivityStore;
  goals: GoalStore;
  activityTypes: ActivityTypeStore;
  clock: Clock;
  owners: GoalOwners;
}): ActivityLog {
  const { activities, goals, activityTypes, clock, owners } = deps;

  /** The rep's own goals this activity moved, then their teams' and the company's. */
  async function outcome(rep: Member, activity: LoggedActivity, types: ActivityType[]): Promise<LogOutcome> {
    const own = { ownerType: 'rep' as const, ownerId: rep.userId, timeZone: rep.timeZone, contributors: [rep.userId], label: null };
    const all = [own, ...(await owners.sharedBy(rep))];
    const moved = (await goals.forOwners(rep.teamId, all)).filter((g) => goalMovedBy(g, activity, types));
    const perOwner = await Promise.all(
      all.map((owner) =>
        goalStandings(activities, {
          teamId: rep.teamId,
          goals: moved.filter((g) => g.ownerType === owner.ownerType && g.ownerId === owner.ownerId),
          types,
          now: clock.now(),
          timeZone: owner.timeZone,
          contributors: owner.contributors,
          ...(owner.label?.type === 'team' || owner.label?.type === 'company' ? { sharedBy: owner.label } : {}),
        }),
      ),
    );
    return { activity, standings: perOwner.flat(), types };
  }

  return {
    types: (teamId) => activityTypes.forWorkspace(teamId),
    async log(rep, draft, leadId = null) {
      const types = await activityTypes.forWorkspace(rep.teamId);
      const type = types.find((t) => t.key === draft.typeKey);
      if (!type) throw new PacerError('log_unknown_type', { given: draft.typeKey, types: types.map((t) => t.key).join(', ') });
      const { on, ...fields } = draft;
      const { occurredAt, day } = logMoment(on, clock.now(), rep.timeZone);
      const activity = await activities.add({
        ...fields,
        leadId,
        teamId: rep.teamId,
        userId: rep.userId,
        points: type.points * draft.count,
        occurredAt,
      });
      return { ...(await outcome(rep, activity, types)), day };
    },
    async undo(rep, activityId) {
      const activity = await activities.find(rep.teamId, activityId);
      if (!activity) throw new PacerError('undo_gone');
      if (activity.userId !== rep.userId) throw new PacerError('undo_not_author', { author: activity.userId });
      if (!(await activities.remove(rep.teamId, activityId))) throw new PacerError('undo_gone');
      return outcome(rep, activity, await activityTypes.forWorkspace(rep.teamId));
    },
  };
}
