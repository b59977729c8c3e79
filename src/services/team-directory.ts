import type { Clock } from '../clock.js';
import type { Member } from '../domain/members.js';
import type { MemberField } from '../domain/pacer-command.js';
import { mayAdminister, mayLeadRep, mayRemoveFromTeam, mayRunTeam, maySeeTeam, repAddRefusal, type Roles } from '../domain/roles.js';
import type { SalesTeam, TeamSettings } from '../domain/sales-teams.js';
import { PacerError } from '../errors.js';
import type { ActivityTypeStore } from '../store/activity-type-store.js';
import type { MemberStore } from '../store/member-store.js';
import type { SalesTeamStore } from '../store/sales-team-store.js';
import type { WithTransaction } from '../store/transaction.js';
import { quotaEstimatesIn, type QuotaEstimates } from './quota-estimates.js';
import type { RoleBook } from './role-book.js';

/** Which team a settings form is about: named in a command, picked in the form (by id), or not said. */
export type TeamPick = { name: string } | { id: string } | null;

/** The team a settings form shows, and every team the person may switch it to. */
export interface SettingsChoice {
  team: SalesTeam;
  teams: SalesTeam[];
}

/** A team after people were put in it, and who of them is new there (to be told). */
export interface TeamAdded {
  team: SalesTeam;
  added: string[];
}

/** What taking back a Pacer admin's naming did; a Slack admin or owner stays an admin whatever Pacer records. */
export interface AdminRemoval {
  wasNamed: boolean;
  slackAdmin: boolean;
}

export interface TeamDirectory {
  create(actor: Member, name: string, channelId: string): Promise<SalesTeam>;
  list(actor: Member): Promise<SalesTeam[]>;
  show(actor: Member, name: string): Promise<SalesTeam>;
  /** Admins only. */
  addManagers(actor: Member, name: string, managers: readonly Member[]): Promise<TeamAdded>;
  /** The team's managers add newcomers; moving someone from another team, a manager or an admin is for admins. */
  addMembers(actor: Member, name: string, reps: readonly Member[]): Promise<TeamAdded>;
  /** The team's managers remove reps; removing a manager is for admins. */
  removePeople(actor: Member, name: string, userIds: readonly string[]): Promise<{ team: SalesTeam; removed: string[] }>;
  configure(actor: Member, name: string, settings: TeamSettings): Promise<SalesTeam>;
  /** The teams a person may change: every team for an admin, the teams they manage for a manager. */
  runnableTeams(actor: Member): Promise<SalesTeam[]>;
  /** The picked team, else the first the person runs; refused when they run none. */
  settingsChoice(actor: Member, pick: TeamPick): Promise<SettingsChoice>;
  /** `configure` for a team known by id, as a settings form carries it. */
  configureById(actor: Member, salesTeamId: string, settings: TeamSettings): Promise<SalesTeam>;
  setAttribute(actor: Member, rep: Member, field: MemberField, value: string | null): Promise<void>;
  nameAdmin(actor: Member, person: Member): Promise<void>;
  removeAdmin(actor: Member, person: Member): Promise<AdminRemoval>;
}

export function createTeamDirectory(deps: {
  teams: SalesTeamStore;
  members: MemberStore;
  roles: RoleBook;
  activityTypes: ActivityTypeStore;
  clock: Clock;
  transaction: WithTransaction;
}): TeamDirectory {
  const { teams, members, roles, activityTypes, clock, transaction } = deps;

  /** People in or out of a team, and the estimate goals that follow its rule, land together or not at all. */
  async function inTransaction<T>(teamId: string, work: (teams: SalesTeamStore, estimates: QuotaEstimates) => Promise<T>): Promise<T> {
    const types = await activityTypes.forWorkspace(teamId);
    return transaction((stores) => work(stores.teams, quotaEstimatesIn(stores, types)));
  }

  const mentions = (userIds: readonly string[]) => userIds.map((id) => `<@${id}>`).join(', ');

  /** Refuses the whole addition when any of the people may not be added as reps by this actor. */
  async function checkRepsMayJoin(actor: Member, team: SalesTeam, reps: readonly Member[]): Promise<void> {
    const actorRoles = await roles.of(actor);
    const verdicts = await Promise.all(reps.map(async (rep) => ({ rep, roles: await roles.of(rep) })));
    const refused = verdicts.map((v) => ({ ...v, why: repAddRefusal(actorRoles, v.roles, team.id) })).filter((v) => v.why !== null);
    const first = refused[0];
    if (!first) return;
    const same = refused.filter((v) => v.why === first.why);
    const people = mentions(same.map((v) => v.rep.userId));
    if (first.why === 'holds_role') throw new PacerError('team_add_holds_role', { people, team: team.name });
    const names = new Map((await teams.list(actor.teamId)).map((t) => [t.id, t.name]));
    const others = [...new Set(same.flatMap((v) => v.roles.memberOf.map((id) => names.get(id) ?? id)))].join(', ');
    throw new PacerError('team_add_in_other_team', { people, team: team.name, others });
  }

  async function assertAdmin(actor: Member): Promise<void> {
    if (!mayAdminister(await roles.of(actor))) throw new PacerError('admin_only');
  }

  async function find(actor: Member, name: string): Promise<SalesTeam> {
    const team = await teams.findByName(actor.teamId, name);
    if (!team) {
      const known = (await teams.list(actor.teamId)).map((t) => t.name).join(', ');
      throw new PacerError(known ? 'team_not_found' : 'team_none_yet', { name, teams: known });
    }
    return team;
  }

  async function runnable(actor: Member, name: string): Promise<SalesTeam> {
    const team = await find(actor, name);
    if (!mayRunTeam(await roles.of(actor), team.id)) throw new PacerError('team_forbidden', { team: team.name });
    return team;
  }

  /** An id comes back from a form: one that names no team is a stale or forged form. */
  async function runnableById(actor: Member, roles: Roles, id: string): Promise<SalesTeam> {
    const team = await teams.findById(actor.teamId, id);
    if (!team) throw new PacerError('settings_stale');
    if (!mayRunTeam(roles, team.id)) throw new PacerError('team_forbidden', { team: team.name });
    return team;
  }

  const runnableTeams = async (actor: Member, roles: Roles) => (await teams.list(actor.teamId)).filter((team) => mayRunTeam(roles, team.id));

  const reread = async (actor: Member, team: SalesTeam) => (await teams.findByName(actor.teamId, team.name)) ?? team;

  /** One way in for a team's settings, by command or form: estimate goals follow a changed rule. */
  async function saveSettings(actor: Member, team: SalesTeam, settings: TeamSettings): Promise<SalesTeam> {
    // A rule change names one setting (one stage's days, one stage's chance): the others stay.
    const leadRules = settings.leadRules && {
      ...team.leadRules,
      ...settings.leadRules,
      unchasedDays: { ...team.leadRules?.unchasedDays, ...settings.leadRules.unchasedDays },
      winChance: { ...team.leadRules?.winChance, ...settings.leadRules.winChance },
    };
    const ruleChanged = settings.estimatesPerQuotaUnit !== undefined && settings.estimatesPerQuotaUnit !== team.estimatesPerQuotaUnit;
    await inTransaction(actor.teamId, async (store, estimates) => {
      await store.update(actor.teamId, team.id, leadRules ? { ...settings, leadRules } : settings);
      if (ruleChanged) await estimates.refreshTeam(actor.teamId, team.id);
    });
    return reread(actor, team);
  }

  return {
    async create(actor, name, channelId) {
      await assertAdmin(actor);
      return teams.create(actor.teamId, { name, channelId, createdBy: actor.userId });
    },
    list: (actor) => teams.list(actor.teamId),
    async show(actor, name) {
      const team = await find(actor, name);
      if (!maySeeTeam(await roles.of(actor), team.id)) throw new PacerError('team_hidden', { team: team.name });
      return team;
    },
    async addManagers(actor, name, managers) {
      await assertAdmin(actor);
      const team = await find(actor, name);
      const added = await teams.addPeople(actor.teamId, team.id, managers.map((m) => m.userId), 'manager', { by: actor.userId, at: clock.now() });
      return { team: await reread(actor, team), added };
    },
    async addMembers(actor, name, reps) {
      const team = await runnable(actor, name);
      await checkRepsMayJoin(actor, team, reps);
      const added = await inTransaction(actor.teamId, async (store, estimates) => {
        const added = await store.addPeople(actor.teamId, team.id, reps.map((m) => m.userId), 'member', { by: actor.userId, at: clock.now() });
        await estimates.refreshReps(actor.teamId, added);
        return added;
      });
      return { team: await reread(actor, team), added };
    },
    async removePeople(actor, name, userIds) {
      const team = await runnable(actor, name);
      const actorRoles = await roles.of(actor);
      const managers = userIds.filter((id) => !mayRemoveFromTeam(actorRoles, { manages: team.managers.includes(id) ? [team.id] : [] }, team.id));
      if (managers.length > 0) throw new PacerError('team_remove_manager_forbidden', { people: mentions(managers), team: team.name });
      const removed = await inTransaction(actor.teamId, async (store, estimates) => {
        const removed = await store.removePeople(actor.teamId, team.id, userIds);
        await estimates.refreshReps(actor.teamId, removed);
        return removed;
      });
      return { team: await reread(actor, team), removed };
    },
    configure: async (actor, name, settings) => saveSettings(actor, await runnable(actor, name), settings),
    runnableTeams: async (actor) => runnableTeams(actor, await roles.of(actor)),
    async settingsChoice(actor, pick) {
      const actorRoles = await roles.of(actor);
      const picked = pick === null ? null : 'id' in pick ? await runnableById(actor, actorRoles, pick.id) : await runnable(actor, pick.name);
      const choices = await runnableTeams(actor, actorRoles);
      const team = picked ?? choices[0];
      if (!team) throw new PacerError(mayAdminister(actorRoles) ? 'settings_none_admin' : 'settings_none');
      return { team, teams: choices };
    },
    configureById: async (actor, salesTeamId, settings) =>
      saveSettings(actor, await runnableById(actor, await roles.of(actor), salesTeamId), settings),
    async setAttribute(actor, rep, field, value) {
      if (!mayLeadRep(await roles.of(actor), await roles.repOf(rep.teamId, rep.userId))) throw new PacerError('member_forbidden', { rep: rep.userId });
      await members.setAttribute(actor.teamId, rep.userId, field, value);
    },
    async nameAdmin(actor, person) {
      await assertAdmin(actor);
      await teams.nameAdmin(actor.teamId, person.userId, actor.userId);
    },
    async removeAdmin(actor, person) {
      await assertAdmin(actor);
      return { wasNamed: await teams.removeAdmin(actor.teamId, person.userId), slackAdmin: person.isAdmin };
    },
  };
}
