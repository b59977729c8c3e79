import { companyOwnerId, type Contributors, type Goal, type OwnerType } from '../domain/goals.js';
import type { Member } from '../domain/members.js';
import { mayAdminister, mayManageRep, mayRunTeam, maySeeTeam } from '../domain/roles.js';
import type { SalesTeam } from '../domain/sales-teams.js';
import { PacerError } from '../errors.js';
import type { MemberStore } from '../store/member-store.js';
import type { SalesTeamStore } from '../store/sales-team-store.js';
import type { RoleBook } from './role-book.js';

/** Whom a goal command is about, as asked. */
export type GoalFor = { type: 'rep'; member: Member } | { type: 'team'; name: string } | { type: 'company' };

/** How replies name a goal's owner. */
export type OwnerLabel = { type: 'rep'; userId: string } | { type: 'team'; name: string } | { type: 'company' };

/** A goal owner with what its progress needs: whose activity counts, and in which time zone. */
export interface GoalOwner {
  ownerType: OwnerType;
  ownerId: string;
  timeZone: string;
  contributors: Contributors;
  label: OwnerLabel;
}

export type Intent = 'change' | 'see';

export interface GoalOwners {
  /** The owner asked for, if the actor may change or see its goals. */
  resolve(actor: Member, target: GoalFor, intent: Intent): Promise<GoalOwner>;
  /** The owner of an existing goal, if the actor may change or see it. */
  ofGoal(actor: Member, goal: Pick<Goal, 'ownerType' | 'ownerId' | 'setBy'>, intent: Intent): Promise<GoalOwner>;
  /** Beyond the rep's own: the teams the rep is in and the company, whose goals a rep's log moves. */
  sharedBy(rep: Member): Promise<GoalOwner[]>;
}

export function createGoalOwners(deps: { teams: SalesTeamStore; members: MemberStore; roles: RoleBook }): GoalOwners {
  const { teams, members, roles } = deps;

  const repOwner = (member: Member): GoalOwner => ({
    ownerType: 'rep', ownerId: member.userId, timeZone: member.timeZone, contributors: [member.userId], label: { type: 'rep', userId: member.userId },
  });
  const teamOwner = (team: SalesTeam, fallbackZone: string): GoalOwner => ({
    ownerType: 'team', ownerId: team.id, timeZone: team.timeZone ?? fallbackZone, contributors: team.members, label: { type: 'team', name: team.name },
  });
  const companyOwner = (timeZone: string): GoalOwner => ({
    ownerType: 'company', ownerId: companyOwnerId, timeZone, contributors: 'everyone', label: { type: 'company' },
  });

  async function checkTeam(actor: Member, team: SalesTeam | null, name: string, intent: Intent): Promise<SalesTeam> {
    if (!team) throw new PacerError('team_not_found', { name, teams: (await teams.list(actor.teamId)).map((t) => t.name).join(', ') });
    const actorRoles = await roles.of(actor);
    if (!(intent === 'change' ? mayRunTeam(actorRoles, team.id) : maySeeTeam(actorRoles, team.id))) {
      throw new PacerError(intent === 'change' ? 'team_forbidden' : 'team_hidden', { team: team.name });
    }
    return team;
  }

  async function checkRep(actor: Member, rep: Member, intent: Intent, setBy?: string): Promise<GoalOwner> {
    if (rep.userId !== actor.userId && setBy !== actor.userId) {
      if (!mayManageRep(await roles.of(actor), await roles.repOf(rep.teamId, rep.userId))) {
        throw new PacerError(intent === 'change' ? 'goal_for_other_forbidden' : 'goal_list_other_forbidden');
      }
    }
    return repOwner(rep);
  }

  async function checkCompany(actor: Member, intent: Intent): Promise<GoalOwner> {
    if (intent === 'change' && !mayAdminister(await roles.of(actor))) throw new PacerError('admin_only');
    return companyOwner(actor.timeZone);
  }

  return {
    async resolve(actor, target, intent) {
      switch (target.type) {
        case 'rep':
          return checkRep(actor, target.member, intent);
        case 'team':
          return teamOwner(await checkTeam(actor, await teams.findByName(actor.teamId, target.name), target.name, intent), actor.timeZone);
        case 'company':
          return checkCompany(actor, intent);
      }
    },
    async ofGoal(actor, goal, intent) {
      switch (goal.ownerType) {
        case 'team':
          return teamOwner(await checkTeam(actor, await teams.findById(actor.teamId, goal.ownerId), '', intent), actor.timeZone);
        case 'company':
          return checkCompany(actor, intent);
        default: {
          const rep = goal.ownerId === actor.userId ? actor : await members.find(actor.teamId, goal.ownerId);
          // A rep with a goal has been seen; should the profile be gone, pace falls back to the actor's zone.
          return checkRep(actor, rep ?? { ...actor, userId: goal.ownerId }, intent, goal.setBy);
        }
      }
    },
    async sharedBy(rep) {
      const repTeams = await teams.teamsOfRep(rep.teamId, rep.userId);
      return [...repTeams.map((t) => teamOwner(t, rep.timeZone)), companyOwner(rep.timeZone)];
    },
  };
}
