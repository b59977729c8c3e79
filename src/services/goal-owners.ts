import { companyOwnerId, type Contributors, type Goal, type OwnerType } from '../domain/goals.js';
import type { Member } from '../domain/members.js';
import { mayAdminister, mayChangeGoal, mayManageRep, mayRunTeam, maySeeTeam } from '../domain/roles.js';
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
  /**
   * Refuses (a PacerError) a change to one of this owner's existing goals that the actor may not
   * make. Decided from the rights read when the owner was resolved for a change, so it can run
   * inside a transaction; an owner resolved to be seen refuses every change.
   */
  checkChange(goal: Pick<Goal, 'setBy'>): void;
}

export type Intent = 'change' | 'see';

export interface GoalOwners {
  /** The owner asked for, if the actor may change or see its goals. */
  resolve(actor: Member, target: GoalFor, intent: Intent): Promise<GoalOwner>;
  /**
   * The owner of an existing goal, if the actor may change or see it; rights are read as they are
   * now, so an old button of someone who has since lost them is refused.
   */
  ofGoal(actor: Member, goal: Pick<Goal, 'ownerType' | 'ownerId' | 'setBy'>, intent: Intent): Promise<GoalOwner>;
  /** Beyond the rep's own: the teams the rep is in and the company, whose goals a rep's log moves. */
  sharedBy(rep: Member): Promise<GoalOwner[]>;
}

export function createGoalOwners(deps: { teams: SalesTeamStore; members: MemberStore; roles: RoleBook }): GoalOwners {
  const { teams, members, roles } = deps;

  const refuseChange = () => {
    throw new PacerError('goal_other_change_forbidden');
  };
  const allowChange = () => {};
  const repOwner = (member: Member, checkChange: GoalOwner['checkChange']): GoalOwner => ({
    ownerType: 'rep', ownerId: member.userId, timeZone: member.timeZone, contributors: [member.userId], label: { type: 'rep', userId: member.userId }, checkChange,
  });
  const teamOwner = (team: SalesTeam, fallbackZone: string, intent: Intent = 'see'): GoalOwner => ({
    ownerType: 'team', ownerId: team.id, timeZone: team.timeZone ?? fallbackZone, contributors: team.members, label: { type: 'team', name: team.name },
    checkChange: intent === 'change' ? allowChange : refuseChange,
  });
  const companyOwner = (timeZone: string, intent: Intent = 'see'): GoalOwner => ({
    ownerType: 'company', ownerId: companyOwnerId, timeZone, contributors: 'everyone', label: { type: 'company' },
    checkChange: intent === 'change' ? allowChange : refuseChange,
  });

  async function checkTeam(actor: Member, team: SalesTeam | null, name: string, intent: Intent): Promise<SalesTeam> {
    if (!team) throw new PacerError('team_not_found', { name, teams: (await teams.list(actor.teamId)).map((t) => t.name).join(', ') });
    const actorRoles = await roles.of(actor);
    if (!(intent === 'change' ? mayRunTeam(actorRoles, team.id) : maySeeTeam(actorRoles, team.id))) {
      throw new PacerError(intent === 'change' ? 'team_forbidden' : 'team_hidden', { team: team.name });
    }
    return team;
  }

  /**
   * A rep's goals: seen by the rep, their managers and admins; a new goal set by the same people;
   * an existing goal changed as `mayChangeGoal` says (a rep does not lower a quota set for them).
   */
  async function checkRep(actor: Member, rep: Member, intent: Intent, existing?: Pick<Goal, 'setBy'>): Promise<GoalOwner> {
    if (intent === 'see') {
      if (rep.userId !== actor.userId && !mayManageRep(await roles.of(actor), await roles.repOf(rep.teamId, rep.userId))) {
        throw new PacerError('goal_list_other_forbidden');
      }
      return repOwner(rep, refuseChange);
    }
    const [actorRoles, repRoles] = await Promise.all([roles.of(actor), roles.repOf(rep.teamId, rep.userId)]);
    const checkChange = (goal: Pick<Goal, 'setBy'>) => {
      if (mayChangeGoal(actorRoles, repRoles, goal)) return;
      throw rep.userId === actor.userId ? new PacerError('goal_change_forbidden', { setBy: goal.setBy }) : new PacerError('goal_other_change_forbidden');
    };
    if (existing) checkChange(existing);
    else if (!mayManageRep(actorRoles, repRoles)) throw new PacerError('goal_for_other_forbidden');
    return repOwner(rep, checkChange);
  }

  async function checkCompany(actor: Member, intent: Intent): Promise<GoalOwner> {
    if (intent === 'change' && !mayAdminister(await roles.of(actor))) throw new PacerError('admin_only');
    return companyOwner(actor.timeZone, intent);
  }

  return {
    async resolve(actor, target, intent) {
      switch (target.type) {
        case 'rep':
          return checkRep(actor, target.member, intent);
        case 'team':
          return teamOwner(await checkTeam(actor, await teams.findByName(actor.teamId, target.name), target.name, intent), actor.timeZone, intent);
        case 'company':
          return checkCompany(actor, intent);
      }
    },
    async ofGoal(actor, goal, intent) {
      switch (goal.ownerType) {
        case 'team':
          return teamOwner(await checkTeam(actor, await teams.findById(actor.teamId, goal.ownerId), '', intent), actor.timeZone, intent);
        case 'company':
          return checkCompany(actor, intent);
        default: {
          const rep = goal.ownerId === actor.userId ? actor : await members.find(actor.teamId, goal.ownerId);
          // A rep with a goal has been seen; should the profile be gone, pace falls back to the actor's zone.
          return checkRep(actor, rep ?? { ...actor, userId: goal.ownerId }, intent, goal);
        }
      }
    },
    async sharedBy(rep) {
      const repTeams = await teams.teamsOfRep(rep.teamId, rep.userId);
      return [...repTeams.map((t) => teamOwner(t, rep.timeZone)), companyOwner(rep.timeZone)];
    },
  };
}
