/** What Slack's dnd.info says of a person (https://docs.slack.dev/reference/methods/dnd.info), times in epoch seconds. */
export interface DndStatus {
  dnd_enabled?: boolean;
  next_dnd_start_ts?: number;
  next_dnd_end_ts?: number;
  snooze_enabled?: boolean;
  snooze_endtime?: number;
}

/**
 * When a message to this person should wait for their Do Not Disturb to end: the end of a
 * snooze they set, or of their scheduled quiet hours if `now` falls in them; null to send now.
 */
export function dndEndsAt(status: DndStatus, now: Date): Date | null {
  const nowSeconds = now.getTime() / 1000;
  const ends: number[] = [];
  if (status.snooze_enabled && status.snooze_endtime && status.snooze_endtime > nowSeconds) ends.push(status.snooze_endtime);
  const { next_dnd_start_ts: start, next_dnd_end_ts: end } = status;
  if (status.dnd_enabled && start !== undefined && end !== undefined && start <= nowSeconds && nowSeconds < end) ends.push(end);
  return ends.length > 0 ? new Date(Math.max(...ends) * 1000) : null;
}
