import type { Goal } from './goals.js';
import { revenueMetric } from './goals.js';
import { isOpenStage, openStages, type Lead, type LeadRules, type OpenStage } from './leads.js';

/** Open leads at one stage: how many, and what they are worth (leads without a value count as 0). */
export interface StageTotal {
  stage: OpenStage;
  count: number;
  value: number;
}

/** A rep's or a team's pipeline, as `/lead pipeline` shows it. */
export interface Pipeline {
  /** Every open stage in the order of the sales process, empty ones included. */
  stages: StageTotal[];
  open: { count: number; value: number; /** Open leads with no value given, which the sums leave out. */ unvalued: number };
  /** Σ value × the stage's chance of winning, by each owner's team rules. */
  weighted: number;
  wonThisMonth: { count: number; value: number };
  /** The owners' monthly revenue goals summed; null when none of them has one. */
  quota: number | null;
  /** Open value ÷ quota; null without a quota. */
  coverage: number | null;
  /** The rule of thumb coverage is held against ("3× quota"). */
  coverageRule: number;
  /** Owners counted in the pipeline whose monthly revenue goal is missing. */
  ownersWithoutQuota: string[];
}

export interface PipelineInput {
  /** The owners the pipeline is about (one rep, or a team's reps). */
  owners: readonly string[];
  /** Their open leads; closed ones are ignored. */
  open: readonly Lead[];
  /** Their leads won this month. */
  wonThisMonth: readonly Lead[];
  /** The lead rules each owner works under. */
  rulesOf: ReadonlyMap<string, LeadRules>;
  /** Each owner's monthly revenue target (see `monthlyRevenueTarget`); missing or null: none. */
  quotas: ReadonlyMap<string, number | null>;
  coverageRule: number;
  /** Rules for an owner missing from `rulesOf` (a lead handed to someone outside the team). */
  fallbackRules: LeadRules;
}

const cents = (value: number) => Math.round(value * 100) / 100;

/** Open pipeline by stage, weighted forecast, won this month and coverage of the monthly quota. */
export function computePipeline(input: PipelineInput): Pipeline {
  const open = input.open.filter((lead) => isOpenStage(lead.stage));
  const stages = openStages.map((stage) => {
    const at = open.filter((lead) => lead.stage === stage);
    return { stage, count: at.length, value: cents(at.reduce((sum, lead) => sum + (lead.value ?? 0), 0)) };
  });
  const weighted = open.reduce((sum, lead) => {
    const rules = input.rulesOf.get(lead.ownerId) ?? input.fallbackRules;
    return isOpenStage(lead.stage) ? sum + (lead.value ?? 0) * rules.winChance[lead.stage] : sum;
  }, 0);
  const won = input.wonThisMonth.filter((lead) => lead.stage === 'won');
  const targets = input.owners.map((owner) => ({ owner, target: input.quotas.get(owner) ?? null }));
  const withQuota = targets.filter((t): t is { owner: string; target: number } => t.target !== null && t.target > 0);
  const quota = withQuota.length > 0 ? cents(withQuota.reduce((sum, t) => sum + t.target, 0)) : null;
  const openValue = cents(stages.reduce((sum, s) => sum + s.value, 0));
  return {
    stages,
    open: { count: open.length, value: openValue, unvalued: open.filter((lead) => lead.value === null).length },
    weighted: cents(weighted),
    wonThisMonth: { count: won.length, value: cents(won.reduce((sum, lead) => sum + (lead.wonAmount ?? lead.value ?? 0), 0)) },
    quota,
    coverage: quota === null ? null : openValue / quota,
    coverageRule: input.coverageRule,
    ownersWithoutQuota: targets.filter((t) => t.target === null || t.target <= 0).map((t) => t.owner),
  };
}

/**
 * A rep's monthly revenue quota from their own goals: the monthly revenue goal for everything,
 * else the sum of their monthly revenue goals per product line (a quota per product line); null when none.
 */
export function monthlyRevenueTarget(goals: readonly Pick<Goal, 'metric' | 'period' | 'productLine' | 'target'>[]): number | null {
  const monthly = goals.filter((g) => g.metric === revenueMetric && g.period.kind === 'month');
  const overall = monthly.find((g) => g.productLine === '');
  if (overall) return overall.target;
  return monthly.length > 0 ? cents(monthly.reduce((sum, g) => sum + g.target, 0)) : null;
}
