import type { Member } from '../domain/members.js';
import type { NudgePrefs } from '../domain/nudge-schedule.js';
import type { Weekday } from '../domain/periods.js';
import type { PrismaClient } from './generated/client.js';

/** A member whose daily nudge the scheduler plans. */
export interface NudgeRecipient {
  teamId: string;
  userId: string;
  timeZone: string;
  locale: string;
  prefs: NudgePrefs;
}

type PrefsRow = { nudgesEnabled: boolean; nudgeAt: string; nudgeDays: number[]; awayUntil: string | null };
const prefsColumns = { nudgesEnabled: true, nudgeAt: true, nudgeDays: true, awayUntil: true } as const;
const toPrefs = (row: PrefsRow): NudgePrefs => ({
  enabled: row.nudgesEnabled,
  at: row.nudgeAt,
  days: row.nudgeDays.filter((d): d is Weekday => d >= 1 && d <= 7),
  awayUntil: row.awayUntil,
});

export interface MemberStore {
  nudgePrefs(teamId: string, userId: string): Promise<NudgePrefs | null>;
  setNudgePrefs(teamId: string, userId: string, change: Partial<NudgePrefs>): Promise<NudgePrefs | null>;
  /** Everyone, in every workspace, whose nudges are on. */
  nudgeRecipients(): Promise<NudgeRecipient[]>;
  find(teamId: string, userId: string): Promise<Member | null>;
  save(member: Member): Promise<void>;
  /** Names Pacer knows, by Slack user id, of some people or of everyone in the workspace. */
  names(teamId: string, userIds: readonly string[] | 'everyone'): Promise<Map<string, string>>;
  setAttribute(teamId: string, userId: string, field: 'territory' | 'productLine' | 'segment', value: string | null): Promise<void>;
}

export function createMemberStore(db: PrismaClient): MemberStore {
  return {
    async nudgePrefs(teamId, userId) {
      const row = await db.member.findUnique({ where: { teamId_userId: { teamId, userId } }, select: prefsColumns });
      return row && toPrefs(row);
    },
    async setNudgePrefs(teamId, userId, change) {
      const { count } = await db.member.updateMany({
        where: { teamId, userId },
        data: {
          ...(change.enabled !== undefined ? { nudgesEnabled: change.enabled } : {}),
          ...(change.at !== undefined ? { nudgeAt: change.at } : {}),
          ...(change.days !== undefined ? { nudgeDays: [...change.days] } : {}),
          ...(change.awayUntil !== undefined ? { awayUntil: change.awayUntil } : {}),
        },
      });
      return count === 0 ? null : this.nudgePrefs(teamId, userId);
    },
    async nudgeRecipients() {
      const rows = await db.member.findMany({
        where: { nudgesEnabled: true },
        select: { teamId: true, userId: true, timeZone: true, locale: true, ...prefsColumns },
      });
      return rows.map((row) => ({ teamId: row.teamId, userId: row.userId, timeZone: row.timeZone, locale: row.locale, prefs: toPrefs(row) }));
    },
    find: (teamId, userId) => db.member.findUnique({ where: { teamId_userId: { teamId, userId } } }),
    async names(teamId, userIds) {
      const rows = await db.member.findMany({
        where: { teamId, ...(userIds === 'everyone' ? {} : { userId: { in: [...userIds] } }) },
        select: { userId: true, name: true },
      });
      return new Map(rows.map((r) => [r.userId, r.name]));
    },
    async setAttribute(teamId, userId, field, value) {
      await db.member.updateMany({ where: { teamId, userId }, data: { [field]: value } });
    },
    /** Saves what Slack says of a member; territory, product line and segment change only through setAttribute. */
    async save(member) {
      const { teamId, userId, name, timeZone, locale, isAdmin, refreshedAt } = member;
      const profile = { name, timeZone, locale, isAdmin, refreshedAt };
      await db.member.upsert({
        where: { teamId_userId: { teamId, userId } },
        create: { teamId, userId, ...profile },
        update: profile,
      });
    },
  };
}
