import type { Clock } from '../clock.js';
import { defaultLeadRules, isOpenStage, leadNameKey, type Lead, type LeadDraft, type LeadRules, type OpenStage } from '../domain/leads.js';
import type { LogDraft } from '../domain/log-command.js';
import type { Member } from '../domain/members.js';
import { localDate, periodSpan } from '../domain/periods.js';
import { findLeadIn, type LeadInWords } from '../domain/lead-names.js';
import { computePipeline, monthlyRevenueTarget, type Pipeline } from '../domain/pipeline.js';
import { estimatesPerUnitFor } from '../domain/quotas.js';
import { mayLeadRep, mayManageRep, maySeeTeam } from '../domain/roles.js';
import type { SalesTeam } from '../domain/sales-teams.js';
import { PacerError } from '../errors.js';
import type { GoalStore } from '../store/goal-store.js';
import type { LeadChange, LeadEventDraft, LeadStore } from '../store/lead-store.js';
import type { SalesTeamStore } from '../store/sales-team-store.js';
import type { ActivityLog, LogOutcome } from './activity-log.js';
import type { RoleBook } from './role-book.js';

/** Whose leads a list or a pipeline is about. */
export type LeadScope = { type: 'self' } | { type: 'rep'; userId: string } | { type: 'team'; name: string };

export interface LeadChangeResult {
  lead: Lead;
  /** Set when the change also logged an activity (a touch by call, a win, a loss). */
  logged: LogOutcome | null;
}

export interface WonResult extends LeadChangeResult {
  /** Won deals of this account so far, this one included: 2 or more is repeat business. */
  accountWins: number;
}

export interface LeadBook {
  add(actor: Member, draft: LeadDraft): Promise<Lead>;
  /** Open leads in the scope, with the owners they belong to. */
  list(actor: Member, scope: LeadScope): Promise<{ leads: Lead[]; owners: string[]; team: SalesTeam | null }>;
  /** The open leads a person may act on by name: their own, or (for a reassignment) their teams' reps'. */
  reachable(actor: Member, purpose: 'own' | 'manage'): Promise<Lead[]>;
  touch(actor: Member, lead: Lead, note: string | null, activity: LogDraft | null): Promise<LeadChangeResult>;
  followUp(actor: Member, lead: Lead, date: string): Promise<Lead>;
  snooze(actor: Member, lead: Lead, days: number): Promise<{ lead: Lead; until: string }>;
  moveStage(actor: Member, lead: Lead, stage: OpenStage): Promise<Lead>;
  won(actor: Member, lead: Lead, amount: number | null): Promise<WonResult>;
  lost(actor: Member, lead: Lead, reason: string | null): Promise<LeadChangeResult>;
  assign(actor: Member, lead: Lead, to: Member): Promise<Lead>;
  recordCheckBack(actor: Member, lead: Lead, satisfaction: number | null, complaint: string | null): Promise<Lead>;
  /** A lead by id for a button: re-checks that the clicker may still act on it. */
  forButton(actor: Member, leadId: string): Promise<Lead>;
  /** The lead rules a rep works under: their first team's by name, else the defaults. */
  rulesFor(teamId: string, userId: string): Promise<LeadRules>;
  /** Open pipeline, forecast, won this month and quota coverage of the scope; who may see it is as for `list`. */
  pipeline(actor: Member, scope: LeadScope): Promise<PipelineReport>;
  /** The actor's own open lead the words start with, and the words after its name. */
  findOwn(actor: Member, words: readonly string[]): Promise<LeadInWords<Lead>>;
  /**
   * A lead the actor may hand to `toUserId`: their own or their teams' reps'. Two reps may each have
   * an "Acme Corp", so the new owner's own leads are looked at last: the lead handed over is someone else's.
   */
  findToHand(actor: Member, words: readonly string[], toUserId: string): Promise<LeadInWords<Lead>>;
  /**
   * Logs an activity for the rep (`/log`). When its lead is one of the rep's open leads (by the
   * stored name the parser returned; open names are unique per rep), the log is linked to it and
   * the lead counts as touched: the activity is the log, so nothing is logged twice.
   */
  logActivity(rep: Member, draft: LogDraft, open?: readonly Lead[]): Promise<LogOutcome>;
}

export interface PipelineReport {
  pipeline: Pipeline;
  /** Whose pipeline it is: the reps counted, and their team for a team's. */
  owners: string[];
  team: SalesTeam | null;
}

const snoozeDays = [1, 3, 7];

export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A team's stored rules over the defaults: a missing or partial setting falls back field by field. */
export function teamLeadRules(team: Pick<SalesTeam, 'leadRules'> | undefined): LeadRules {
  const stored = team?.leadRules;
  if (!stored) return defaultLeadRules;
  return {
    unchasedDays: { ...defaultLeadRules.unchasedDays, ...stored.unchasedDays },
    checkBackDays: stored.checkBackDays ?? defaultLeadRules.checkBackDays,
    winChance: { ...defaultLeadRules.winChance, ...stored.winChance },
  };
}

export function createLeadBook(deps: {
  leads: LeadStore;
  teams: SalesTeamStore;
  roles: RoleBook;
  activityLog: ActivityLog;
  clock: Clock;
  goals: GoalStore;
}): LeadBook {
  const { leads, teams, roles, activityLog, clock, goals } = deps;
  const event = (actor: Member, kind: LeadEventDraft['kind'], detail: string | null = null): LeadEventDraft => ({ by: actor.userId, at: clock.now(), kind, detail });

  /** The owner acts on their lead; a manager of the owner's team or an admin may too. */
  async function checkMayChange(actor: Member, lead: Lead): Promise<void> {
    if (lead.ownerId === actor.userId) return;
    if (!mayManageRep(await roles.of(actor), await roles.repOf(actor.teamId, lead.ownerId))) {
      throw new PacerError('lead_not_yours', { name: lead.name, owner: lead.ownerId });
    }
  }

  function checkOpen(lead: Lead): void {
    if (!isOpenStage(lead.stage)) throw new PacerError(lead.stage === 'won' ? 'lead_already_won' : 'lead_already_lost', { name: lead.name });
  }

  async function reachable(actor: Member, purpose: 'own' | 'manage'): Promise<Lead[]> {
    if (purpose === 'own') return leads.openOf(actor.teamId, [actor.userId]);
    const actorRoles = await roles.of(actor);
    const all = await teams.list(actor.teamId);
    const reps = actorRoles.isAdmin ? all.flatMap((t) => t.members) : all.filter((t) => actorRoles.manages.includes(t.id)).flatMap((t) => t.members);
    return leads.openOf(actor.teamId, [...new Set([actor.userId, ...reps])]);
  }

  /** A contact: touched now, and a new lead is contacted. */
  async function markTouched(actor: Member, lead: Lead, note: string | null): Promise<Lead> {
    await checkMayChange(actor, lead);
    checkOpen(lead);
    return change(actor, lead, { lastTouchedAt: clock.now(), ...(lead.stage === 'new' ? { stage: 'contacted' } : {}) }, event(actor, 'touch', note));
  }

  /** Writes a change if the lead is still as read; a change in between (another click, another person) is refused. */
  async function change(actor: Member, lead: Lead, fields: LeadChange, what: LeadEventDraft): Promise<Lead> {
    const updated = await leads.update(actor.teamId, lead.id, fields, what, { ownerId: lead.ownerId, stage: lead.stage });
    if (!updated) throw new PacerError('lead_changed', { name: lead.name });
    return updated;
  }

  async function logFor(actor: Member, lead: Lead, draft: Omit<LogDraft, 'lead' | 'productLine'>): Promise<LogOutcome> {
    return activityLog.log(actor, { ...draft, lead: lead.name, productLine: lead.productLine }, lead.id);
  }

  return {
    async add(actor, draft) {
      return leads.create(actor.teamId, actor.userId, draft, { by: actor.userId, at: clock.now() });
    },
    async list(actor, scope) {
      if (scope.type === 'self') return { leads: await leads.openOf(actor.teamId, [actor.userId]), owners: [actor.userId], team: null };
      const actorRoles = await roles.of(actor);
      if (scope.type === 'rep') {
        if (!mayManageRep(actorRoles, await roles.repOf(actor.teamId, scope.userId))) throw new PacerError('lead_list_forbidden');
        return { leads: await leads.openOf(actor.teamId, [scope.userId]), owners: [scope.userId], team: null };
      }
      const team = await teams.findByName(actor.teamId, scope.name);
      if (!team) throw new PacerError('team_not_found', { name: scope.name, teams: (await teams.list(actor.teamId)).map((t) => t.name).join(', ') });
      if (!(maySeeTeam(actorRoles, team.id) && (actorRoles.isAdmin || actorRoles.manages.includes(team.id)))) {
        throw new PacerError('lead_team_forbidden', { team: team.name });
      }
      return { leads: await leads.openOf(actor.teamId, team.members), owners: team.members, team };
    },
    reachable,
    async touch(actor, lead, note, activity) {
      const touched = await markTouched(actor, lead, note);
      const logged = activity ? await logFor(actor, touched, { ...activity, note }) : null;
      return { lead: touched, logged };
    },
    async followUp(actor, lead, date) {
      await checkMayChange(actor, lead);
      checkOpen(lead);
      if (date < localDate(clock.now(), actor.timeZone)) throw new PacerError('lead_followup_past', { date });
      return change(actor, lead, { nextFollowUpOn: date, snoozedUntil: null }, event(actor, 'followup', date));
    },
    async snooze(actor, lead, days) {
      await checkMayChange(actor, lead);
      if (!snoozeDays.includes(days)) throw new PacerError('stale_button');
      const until = addDays(localDate(clock.now(), actor.timeZone), days);
      return { lead: await change(actor, lead, { snoozedUntil: until }, event(actor, 'snooze', until)), until };
    },
    async moveStage(actor, lead, stage) {
      await checkMayChange(actor, lead);
      checkOpen(lead);
      return change(actor, lead, { stage, lastTouchedAt: clock.now() }, event(actor, 'stage', stage));
    },
    async won(actor, lead, amount) {
      await checkMayChange(actor, lead);
      checkOpen(lead);
      const worth = amount ?? lead.value;
      if (worth === null) throw new PacerError('lead_won_amount', { name: lead.name });
      const now = clock.now();
      const won = await change(actor, lead, { stage: 'won', wonAmount: worth, closedAt: now, lastTouchedAt: now, nextFollowUpOn: null }, event(actor, 'won', String(worth)));
      const deal = (await activityLog.types(actor.teamId)).find((t) => t.unit === 'money' && t.active);
      const logged = deal ? await logFor(actor, won, { typeKey: deal.key, count: 1, amount: worth, note: null }) : null;
      return { lead: won, logged, accountWins: await leads.wonInAccount(actor.teamId, won.account) };
    },
    async lost(actor, lead, reason) {
      await checkMayChange(actor, lead);
      checkOpen(lead);
      const now = clock.now();
      const lostLead = await change(actor, lead, { stage: 'lost', lostReason: reason, closedAt: now, nextFollowUpOn: null }, event(actor, 'lost', reason));
      const lostType = (await activityLog.types(actor.teamId)).find((t) => t.key === 'lost' && t.active);
      const logged = lostType ? await logFor(actor, lostLead, { typeKey: lostType.key, count: 1, amount: null, note: reason }) : null;
      return { lead: lostLead, logged };
    },
    async assign(actor, lead, to) {
      const actorRoles = await roles.of(actor);
      const [from, toRep] = await Promise.all([roles.repOf(actor.teamId, lead.ownerId), roles.repOf(actor.teamId, to.userId)]);
      // Reassigning is a manager's call, within the teams they run, at both ends.
      if (!mayLeadRep(actorRoles, from) || !mayLeadRep(actorRoles, toRep)) throw new PacerError('lead_assign_forbidden');
      checkOpen(lead);
      if (lead.ownerId === to.userId) throw new PacerError('lead_assign_same', { name: lead.name, rep: to.userId });
      // The same key the store keeps names unique by: "Acme  Corp" and "acme corp" are one name.
      const clash = (await leads.openOf(actor.teamId, [to.userId])).find((l) => leadNameKey(l.name) === leadNameKey(lead.name));
      if (clash) throw new PacerError('lead_exists', { name: clash.name });
      return change(actor, lead, { ownerId: to.userId }, event(actor, 'assign', `${lead.ownerId}→${to.userId}`));
    },
    async recordCheckBack(actor, lead, satisfaction, complaint) {
      await checkMayChange(actor, lead);
      if (lead.stage !== 'won') throw new PacerError('lead_not_won', { name: lead.name });
      const detail = [satisfaction === null ? null : `satisfaction ${satisfaction}`, complaint].filter(Boolean).join(': ') || null;
      return change(actor, lead, { checkedBackAt: clock.now(), satisfaction, complaint, lastTouchedAt: clock.now() }, event(actor, 'checkback', detail));
    },
    async forButton(actor, leadId) {
      const lead = await leads.find(actor.teamId, leadId);
      if (!lead) throw new PacerError('lead_gone');
      await checkMayChange(actor, lead);
      return lead;
    },
    async rulesFor(teamId, userId) {
      const repTeams = (await teams.teamsOfRep(teamId, userId)).sort((a, b) => a.name.localeCompare(b.name));
      return teamLeadRules(repTeams[0]);
    },
    async pipeline(actor, scope) {
      const { leads: open, owners, team } = await this.list(actor, scope);
      const timeZone = team?.timeZone ?? actor.timeZone;
      const month = periodSpan({ kind: 'month' }, clock.now(), timeZone);
      const [wonThisMonth, ownerGoals, repTeams] = await Promise.all([
        leads.wonBetween(actor.teamId, owners, month),
        goals.forOwners(actor.teamId, owners.map((ownerId) => ({ ownerType: 'rep' as const, ownerId }))),
        team ? Promise.resolve([team]) : teams.teamsOfRep(actor.teamId, owners[0] ?? actor.userId),
      ]);
      // A team's pipeline is read by its own rules; one rep's by the rules of their first team.
      const rules = team ? teamLeadRules(team) : teamLeadRules([...repTeams].sort((a, b) => a.name.localeCompare(b.name))[0]);
      const pipeline = computePipeline({
        owners,
        open,
        wonThisMonth,
        rulesOf: new Map(owners.map((owner) => [owner, rules])),
        quotas: new Map(owners.map((owner) => [owner, monthlyRevenueTarget(ownerGoals.filter((g) => g.ownerId === owner))])),
        coverageRule: estimatesPerUnitFor(repTeams),
        fallbackRules: rules,
      });
      return { pipeline, owners, team };
    },
    async findOwn(actor, words) {
      const own = await leads.openOf(actor.teamId, [actor.userId]);
      if (own.length === 0) throw new PacerError('lead_none_open');
      return findLeadIn(own, words);
    },
    async findToHand(actor, words, toUserId) {
      const managed = await reachable(actor, 'manage');
      if (managed.length === 0) throw new PacerError('lead_none_managed');
      try {
        return findLeadIn(managed.filter((lead) => lead.ownerId !== toUserId), words);
      } catch (error) {
        if (!(error instanceof PacerError) || error.code !== 'lead_unknown') throw error;
      }
      try {
        return findLeadIn(managed, words);
      } catch (error) {
        // findLeadIn says "your leads"; here they are the teams' too.
        if (error instanceof PacerError && error.code === 'lead_unknown') throw new PacerError('lead_unknown_managed', error.vars);
        throw error;
      }
    },
    async logActivity(rep, draft, open) {
      const own = open ?? (await leads.openOf(rep.teamId, [rep.userId]));
      const lead = own.find((l) => l.name === draft.lead);
      const outcome = await activityLog.log(rep, draft, lead?.id ?? null);
      if (lead) await markTouched(rep, lead, null);
      return outcome;
    },
  };
}
