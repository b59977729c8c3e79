/** Where a lead stands in the sales process; won and lost close it. */
export const leadStages = ['new', 'contacted', 'qualified', 'estimate', 'negotiation', 'won', 'lost'] as const;
export type LeadStage = (typeof leadStages)[number];

export const openStages = ['new', 'contacted', 'qualified', 'estimate', 'negotiation'] as const;
export type OpenStage = (typeof openStages)[number];

export function isOpenStage(stage: LeadStage): stage is OpenStage {
  return (openStages as readonly string[]).includes(stage);
}

/** Who found the lead: handed over by the company (marketing, inbound) or the rep's own prospecting. */
export type LeadSource = 'company' | 'own';

/** A lead a rep chases, as Pacer keeps it. Dates a rep reads (follow-up) are ISO dates in the owner's time zone. */
export interface Lead {
  id: string;
  teamId: string;
  ownerId: string;
  name: string;
  /** The customer account; repeat deals from one account count as repeat business. Defaults to the name. */
  account: string;
  value: number | null;
  productLine: string | null;
  source: LeadSource;
  stage: LeadStage;
  lostReason: string | null;
  wonAmount: number | null;
  /** When it was won or lost; null while open. */
  closedAt: Date | null;
  lastTouchedAt: Date;
  /** YYYY-MM-DD in the owner's time zone; null: none planned. */
  nextFollowUpOn: string | null;
  /** After a win: when the rep checked back with the customer, and what they said. */
  checkedBackAt: Date | null;
  satisfaction: number | null;
  complaint: string | null;
  createdAt: Date;
}

/** What a rep gives when adding a lead; the rest is derived. */
export interface LeadDraft {
  name: string;
  account: string | null;
  value: number | null;
  productLine: string | null;
  source: LeadSource;
  stage: OpenStage;
  nextFollowUpOn: string | null;
}

/** Per team: when an open lead counts as unchased, when to check back after a win, and how likely each stage closes. */
export interface LeadRules {
  /** Days without a touch after which an open lead in that stage is unchased. */
  unchasedDays: Record<OpenStage, number>;
  /** Days after a win to check back with the customer. */
  checkBackDays: number;
  /** Chance (0–1) that a lead in that stage is won, for the weighted forecast. */
  winChance: Record<OpenStage, number>;
}

/** What a team changed of the rules; the rest stays at the defaults. */
export interface LeadRulesChange {
  unchasedDays?: Partial<Record<OpenStage, number>>;
  checkBackDays?: number;
  winChance?: Partial<Record<OpenStage, number>>;
}

export const defaultLeadRules: LeadRules = {
  unchasedDays: { new: 2, contacted: 5, qualified: 7, estimate: 7, negotiation: 7 },
  checkBackDays: 14,
  winChance: { new: 0.1, contacted: 0.2, qualified: 0.4, estimate: 0.6, negotiation: 0.8 },
};

/** Why a lead is in a rep's daily nudge, most pressing first. */
export type NudgeItemKind = 'missed' | 'checkback' | 'unchased';

/** What a nudge says of one lead: all it needs to be drawn when it is sent. */
export interface NudgeLine {
  kind: NudgeItemKind;
  lead: Pick<Lead, 'id' | 'name' | 'stage' | 'value' | 'productLine' | 'nextFollowUpOn' | 'closedAt' | 'lastTouchedAt'>;
}

/** The key lead names and accounts are matched and kept unique by. */
export function leadNameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
}
