import type { WebClient } from '@slack/web-api';
import type { Clock } from '../clock.js';
import { profileIsStale, type Member } from '../domain/members.js';
import { isValidTimeZone } from '../domain/periods.js';
import { PacerError } from '../errors.js';
import type { MemberStore } from '../store/member-store.js';
import { mapBounded } from './bounded.js';

export interface MemberProfiles {
  /** The member as last seen, refreshed from users.info when older than a day. */
  get(client: WebClient, teamId: string, userId: string): Promise<Member>;
  /** The member as users.info says now, saved; rejects when Slack does not answer (no stale copy instead). */
  refresh(client: WebClient, teamId: string, userId: string): Promise<Member>;
  /** The member as last seen, without asking Slack: for answers that must come before ack(). */
  known(teamId: string, userId: string): Promise<Member | null>;
}

/** Profiles looked up at once for one command: enough to be quick, few enough to stay clear of Slack's rate limits. */
export const profileLookupConcurrency = 4;

export function createMemberProfiles(store: MemberStore, clock: Clock): MemberProfiles {
  async function refresh(client: WebClient, teamId: string, userId: string): Promise<Member> {
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
        refreshedAt: clock.now(),
      };
      await store.save(member);
      return member;
    } catch (error) {
      if (isSlackError(error, 'user_not_found')) throw new PacerError('goal_owner_unknown');
      throw error;
    }
  }

  return {
    known: (teamId, userId) => store.find(teamId, userId),
    refresh,
    async get(client, teamId, userId) {
      const known = await store.find(teamId, userId);
      if (known && !profileIsStale(known, clock.now())) return known;
      try {
        return await refresh(client, teamId, userId);
      } catch (error) {
        // A stale profile beats none while Slack is briefly unreachable.
        if (known && !(error instanceof PacerError)) return known;
        throw error;
      }
    },
  };
}

/** Several people's profiles, in the order asked, at most `profileLookupConcurrency` users.info calls at a time. */
export function getProfiles(profiles: MemberProfiles, client: WebClient, teamId: string, userIds: readonly string[]): Promise<Member[]> {
  return mapBounded(userIds, profileLookupConcurrency, (userId) => profiles.get(client, teamId, userId));
}

function isSlackError(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && 'data' in error &&
    typeof error.data === 'object' && error.data !== null && 'error' in error.data && error.data.error === code;
}
