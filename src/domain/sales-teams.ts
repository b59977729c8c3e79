import type { Weekday } from './periods.js';

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
  managers: string[];
  members: string[];
}

/** What a team's managers may change about it. */
export type TeamSettings = Partial<Pick<SalesTeam, 'digestChannelId' | 'organisedBy' | 'timeZone' | 'weekStartsOn'>>;

export const weekdayNames: Record<string, Weekday> = {
  monday: 1, mon: 1, tuesday: 2, tue: 2, wednesday: 3, wed: 3, thursday: 4, thu: 4,
  friday: 5, fri: 5, saturday: 6, sat: 6, sunday: 7, sun: 7,
};

/** Team names are one word or a quoted phrase, compared without case. */
export function teamNameKey(name: string): string {
  return name.trim().toLocaleLowerCase('en');
}
