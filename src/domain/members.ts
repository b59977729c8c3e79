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
