export type ActivityUnit = 'count' | 'money';

/** A kind of activity a workspace logs. `points` are earned per unit of count (or per money log). */
export interface ActivityType {
  key: string;
  aliases: string[];
  unit: ActivityUnit;
  points: number;
  active: boolean;
}

/** What a new workspace starts with; a later admin screen makes these configurable. */
export const defaultActivityTypes: readonly ActivityType[] = [
  { key: 'call', aliases: ['calls', 'phone', 'dial', 'dials'], unit: 'count', points: 1, active: true },
  { key: 'email', aliases: ['emails', 'mail', 'mails', 'e-mail', 'e-mails'], unit: 'count', points: 1, active: true },
  { key: 'meeting', aliases: ['meetings', 'mtg', 'mtgs', 'meet'], unit: 'count', points: 3, active: true },
  { key: 'demo', aliases: ['demos', 'presentation', 'presentations'], unit: 'count', points: 4, active: true },
  { key: 'estimate', aliases: ['estimates', 'quote', 'quotes', 'est'], unit: 'count', points: 2, active: true },
  { key: 'proposal', aliases: ['proposals', 'prop'], unit: 'count', points: 5, active: true },
  { key: 'deal', aliases: ['deals', 'won', 'win', 'sale', 'sales', 'close'], unit: 'money', points: 10, active: true },
  { key: 'lost', aliases: ['loss', 'lose', 'lost-deal'], unit: 'count', points: 0, active: true },
  { key: 'referral', aliases: ['referrals', 'ref', 'refs'], unit: 'count', points: 3, active: true },
];

/** Finds the active type a word names, by key or alias, ignoring case. */
export function findActivityType(types: readonly ActivityType[], word: string): ActivityType | undefined {
  const wanted = word.toLowerCase();
  return types.find((t) => t.active && (t.key === wanted || t.aliases.includes(wanted)));
}

export function activeTypeKeys(types: readonly ActivityType[]): string[] {
  return types.filter((t) => t.active).map((t) => t.key);
}
