import type { Clock } from '../clock.js';
import { kudosDayEnds } from '../domain/kudos.js';
import type { Member } from '../domain/members.js';
import { localDate, type Span } from '../domain/periods.js';
import { mayAdminister } from '../domain/roles.js';
import { teamNameKey } from '../domain/sales-teams.js';
import { PacerError } from '../errors.js';
import type { KudosOutcome, KudosStore } from '../store/kudos-store.js';
import type { SalesTeamStore } from '../store/sales-team-store.js';
import type { RoleBook } from './role-book.js';

/** What giving kudos came to, with when the giver's day (and cap) starts again. */
export type KudosGiving = KudosOutcome & { resetsAt: Date };

/** Recognition between people (`/kudos`), the workspace's daily cap (`/pacer kudos`), and what boards count of it. */
export interface KudosBook {
  /** Stores kudos from the giver to each receiver on the giver's local day, within the cap or not at all. */
  give(giver: Member, receivers: readonly Member[], reason: string, channelId: string): Promise<KudosGiving>;
  /** The channel of the giver's first sales team by name, where kudos go when they cannot go where given. */
  teamChannelOf(giver: Member): Promise<string | null>;
  dailyCap(teamId: string): Promise<number>;
  /** Admins only. */
  setDailyCap(actor: Member, cap: number): Promise<void>;
  /** Kudos received in a span, by person: for the board and the App Home. */
  receivedCount(teamId: string, userIds: readonly string[], span: Span): Promise<Map<string, number>>;
}

export function createKudosBook(deps: { kudos: KudosStore; teams: Pick<SalesTeamStore, 'teamsOfRep'>; roles: RoleBook; clock: Clock }): KudosBook {
  const { kudos, teams, roles, clock } = deps;
  return {
    async give(giver, receivers, reason, channelId) {
      // The parser refuses this already; kept here too, so no other way in can store it.
      if (receivers.some((r) => r.userId === giver.userId)) throw new PacerError('kudos_self');
      const now = clock.now();
      const outcome = await kudos.giveWithinCap({
        teamId: giver.teamId,
        giverId: giver.userId,
        receiverIds: receivers.map((r) => r.userId),
        reason,
        channelId,
        givenAt: now,
        givenOn: localDate(now, giver.timeZone),
      });
      return { ...outcome, resetsAt: kudosDayEnds(now, giver.timeZone) };
    },
    async teamChannelOf(giver) {
      const mine = await teams.teamsOfRep(giver.teamId, giver.userId);
      const [first] = mine.sort((a, b) => teamNameKey(a.name).localeCompare(teamNameKey(b.name)));
      return first?.channelId ?? null;
    },
    dailyCap: (teamId) => kudos.dailyCap(teamId),
    async setDailyCap(actor, cap) {
      if (!mayAdminister(await roles.of(actor))) throw new PacerError('admin_only');
      await kudos.setDailyCap(actor.teamId, cap);
    },
    receivedCount: (teamId, userIds, span) => kudos.receivedCount(teamId, userIds, span),
  };
}
