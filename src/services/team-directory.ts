import type { Member } from '../domain/members.js';
import type { MemberField } from '../domain/pacer-command.js';
import { mayAdminister, mayLeadRep, mayRunTeam, maySeeTeam, type Roles } from '../domain/roles.js';
import type { SalesTeam, TeamSettings } from '../domain/sales-teams.js';
import { PacerError } from '../errors.js';
import type { MemberStore } from '../store/member-store.js';
import type { SalesTeamStore } from '../store/sales-team-store.js';
import type { QuotaEstimates } from './quota-estimates.js';
import type { RoleBook } from './role-book.js';

/** Which team a settings form is about: named in a command, picked in the form (by id), or not said. */
export type TeamPick = { name: string } | { id: string } | null;

/** The team a settings form shows, and every team the person may switch it to. */
export interface SettingsChoice {
  team: SalesTeam;
  teams: SalesTeam[];
}

export interface TeamDirectory {
  create(actor: Member, name: string, channelId: string): Promise<SalesTeam>;
  list(actor: Member): Promise<SalesTeam[]>;
  show(actor: Member, name: string): Promise<SalesTeam>;
  addManagers(actor: Member, name: string, managers: readonly Member[]): Promise<SalesTeam>;
  addMembers(actor: Member, name: string, reps: readonly Member[]): Promise<SalesTeam>;
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
}

export function createTeamDirectory(deps: {
  teams: SalesTeamStore;
  members: MemberStore;
  roles: RoleBook;
  quotaEstimates: QuotaEstimates;
}): TeamDirectory {
  const { teams, members, roles, quotaEstimates } = deps;

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
    await teams.update(actor.teamId, team.id, leadRules ? { ...settings, leadRules } : settings);
    const ruleChanged = settings.estimatesPerQuotaUnit !== undefined && settings.estimatesPerQuotaUnit !== team.estimatesPerQuotaUnit;
    if (ruleChanged) await quotaEstimates.refreshTeam(actor.teamId, team.id);
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
      await teams.addPeople(actor.teamId, team.id, managers.map((m) => m.userId), 'manager', actor.userId);
      return reread(actor, team);
    },
    async addMembers(actor, name, reps) {
      const team = await runnable(actor, name);
      await teams.addPeople(actor.teamId, team.id, reps.map((m) => m.userId), 'member', actor.userId);
      await quotaEstimates.refreshReps(actor.teamId, reps.map((m) => m.userId));
      return reread(actor, team);
    },
    async removePeople(actor, name, userIds) {
      const team = await runnable(actor, name);
      const removed = await teams.removePeople(actor.teamId, team.id, userIds);
      await quotaEstimates.refreshReps(actor.teamId, removed);
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
  };
}
