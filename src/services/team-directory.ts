import type { Member } from '../domain/members.js';
import type { MemberField } from '../domain/pacer-command.js';
import { mayAdminister, mayLeadRep, mayRunTeam, maySeeTeam } from '../domain/roles.js';
import type { SalesTeam, TeamSettings } from '../domain/sales-teams.js';
import { PacerError } from '../errors.js';
import type { MemberStore } from '../store/member-store.js';
import type { SalesTeamStore } from '../store/sales-team-store.js';
import type { RoleBook } from './role-book.js';

export interface TeamDirectory {
  create(actor: Member, name: string, channelId: string): Promise<SalesTeam>;
  list(actor: Member): Promise<SalesTeam[]>;
  show(actor: Member, name: string): Promise<SalesTeam>;
  addManagers(actor: Member, name: string, managers: readonly Member[]): Promise<SalesTeam>;
  addMembers(actor: Member, name: string, reps: readonly Member[]): Promise<SalesTeam>;
  removePeople(actor: Member, name: string, userIds: readonly string[]): Promise<{ team: SalesTeam; removed: string[] }>;
  configure(actor: Member, name: string, settings: TeamSettings): Promise<SalesTeam>;
  setAttribute(actor: Member, rep: Member, field: MemberField, value: string | null): Promise<void>;
  nameAdmin(actor: Member, person: Member): Promise<void>;
}

export function createTeamDirectory(deps: { teams: SalesTeamStore; members: MemberStore; roles: RoleBook }): TeamDirectory {
  const { teams, members, roles } = deps;

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

  const reread = async (actor: Member, team: SalesTeam) => (await teams.findByName(actor.teamId, team.name)) ?? team;

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
      return reread(actor, team);
    },
    async removePeople(actor, name, userIds) {
      const team = await runnable(actor, name);
      const removed = await teams.removePeople(actor.teamId, team.id, userIds);
      return { team: await reread(actor, team), removed };
    },
    async configure(actor, name, settings) {
      const team = await runnable(actor, name);
      await teams.update(actor.teamId, team.id, settings);
      return reread(actor, team);
    },
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
