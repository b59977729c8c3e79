/** A Slack user as Pacer knows them: what users.info said at `refreshedAt`. */
export interface Member {
  teamId: string;
  userId: string;
  name: string;
  timeZone: string;
  locale: string;
  isAdmin: boolean;
  refreshedAt: Date;
  /** How boards and digests can be cut; set by managers, kept across profile refreshes. */
  territory?: string | null;
  productLine?: string | null;
  segment?: string | null;
}

/** Profiles are refreshed from Slack at most this often. */
export const profileMaxAgeMs = 24 * 60 * 60 * 1000;

export function profileIsStale(member: Member, now: Date): boolean {
  return now.getTime() - member.refreshedAt.getTime() > profileMaxAgeMs;
}

/**
 * Admin rights rest on Slack's word of at most this age: a Slack admin who loses the role loses
 * Pacer's admin rights within minutes, though the rest of the profile is kept for a day.
 */
export const adminFlagMaxAgeMs = 5 * 60 * 1000;

export function adminFlagIsStale(member: Pick<Member, 'refreshedAt'>, now: Date): boolean {
  return now.getTime() - member.refreshedAt.getTime() > adminFlagMaxAgeMs;
}
