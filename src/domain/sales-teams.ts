import type { Ranking } from './board.js';
import type { LeadRulesChange } from './leads.js';
import type { Weekday } from './periods.js';
import type { DigestChange, DigestSchedule, WeeklySlot } from './team-schedules.js';

export type Organisation = 'territory' | 'product' | 'segment';
export const organisations: readonly Organisation[] = ['territory', 'product', 'segment'];

export interface SalesTeam {
  id: string;
  name: string;
  channelId: string;
  digestChannelId: string | null;
  organisedBy: Organisation;
  timeZone: string | null;
  weekStartsOn: Weekday;
  /** Estimates a rep should send per unit of a product-line quota (the "three times" rule). */
  estimatesPerQuotaUnit: number;
  /** What the team changed of the lead rules (unchased days, check-back days, win chances); null: the defaults. */
  leadRules: LeadRulesChange | null;
  /** When the weekly board is posted to the team channel, and how it ranks. */
  board: WeeklySlot;
  ranking: Ranking;
  /** When the managers' digest goes to the digest channel. */
  digest: DigestSchedule;
  managers: string[];
  members: string[];
}

/** What a team's managers may change about it. */
export type TeamSettings = Partial<
  Pick<SalesTeam, 'channelId' | 'digestChannelId' | 'organisedBy' | 'timeZone' | 'weekStartsOn' | 'estimatesPerQuotaUnit' | 'leadRules' | 'ranking'> & {
    board: Partial<WeeklySlot>;
    digest: DigestChange;
  }
>;

/** The sales standard Pacer grows from: three times as many estimates as the quota. */
export const defaultEstimatesPerQuotaUnit = 3;
export const maxEstimatesPerQuotaUnit = 20;

export const weekdayNames: Record<string, Weekday> = {
  monday: 1, mon: 1, tuesday: 2, tue: 2, wednesday: 3, wed: 3, thursday: 4, thu: 4,
  friday: 5, fri: 5, saturday: 6, sat: 6, sunday: 7, sun: 7,
};

/** Team names are one word or a quoted phrase, compared without case. */
export function teamNameKey(name: string): string {
  return name.trim().toLocaleLowerCase('en');
}
