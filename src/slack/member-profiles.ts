import type { WebClient } from '@slack/web-api';
import type { Clock } from '../clock.js';
import { profileIsStale, type Member } from '../domain/members.js';
import { isValidTimeZone } from '../domain/periods.js';
import { PacerError } from '../errors.js';
import type { MemberStore } from '../store/member-store.js';

export interface MemberProfiles {
  /** The member as last seen, refreshed from users.info when older than a day. */
  get(client: WebClient, teamId: string, userId: string): Promise<Member>;
  /** The member as last seen, without asking Slack: for answers that must come before ack(). */
  known(teamId: string, userId: string): Promise<Member | null>;
}

export function createMemberProfiles(store: MemberStore, clock: Clock): MemberProfiles {
  return {
    known: (teamId, userId) => store.find(teamId, userId),
    async get(client, teamId, userId) {
      const now = clock.now();
      const known = await store.find(teamId, userId);
      if (known && !profileIsStale(known, now)) return known;
      try {
        const { user } = await client.users.info({ user: userId, include_locale: true });
        if (!user || user.deleted) throw new PacerError('goal_owner_unknown');
        if (user.is_bot) throw new PacerError('goal_owner_bot');
        const member: Member = {
          teamId,
          userId,
          name: user.real_name || user.name || userId,
          timeZone: user.tz && isValidTimeZone(user.tz) ? user.tz : 'UTC',
          locale: user.locale ?? 'en-US',
          isAdmin: Boolean(user.is_admin || user.is_owner || user.is_primary_owner),
          refreshedAt: now,
        };
        await store.save(member);
        return member;
      } catch (error) {
        // A stale profile beats none while Slack is briefly unreachable.
        if (known && !(error instanceof PacerError)) return known;
        if (isSlackError(error, 'user_not_found')) throw new PacerError('goal_owner_unknown');
        throw error;
      }
    },
  };
}

function isSlackError(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && 'data' in error &&
    typeof error.data === 'object' && error.data !== null && 'error' in error.data && error.data.error === code;
}
