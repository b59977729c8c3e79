/** What one person may do in a workspace: every rule about roles reads this, nothing else. */
export interface Roles {
  userId: string;
  /** A Slack admin or owner, or someone a Pacer admin named. */
  isAdmin: boolean;
  /** Sales teams (ids) this person manages. */
  manages: readonly string[];
  /** Sales teams (ids) this person is a rep in. */
  memberOf: readonly string[];
}

/** Admins run the workspace: create teams, name managers and admins, see everything. */
export function mayAdminister(actor: Roles): boolean {
  return actor.isAdmin;
}

/** A team's settings and members: its managers and admins. */
export function mayRunTeam(actor: Roles, salesTeamId: string): boolean {
  return actor.isAdmin || actor.manages.includes(salesTeamId);
}

/** A rep's goals and data: the rep, a manager of one of the rep's teams, or an admin. */
export function mayManageRep(actor: Roles, rep: Pick<Roles, 'userId' | 'memberOf'>): boolean {
  return actor.userId === rep.userId || mayLeadRep(actor, rep);
}

/** How a rep is placed (territory, product line, segment): a manager of one of their teams, or an admin. */
export function mayLeadRep(actor: Roles, rep: Pick<Roles, 'memberOf'>): boolean {
  return actor.isAdmin || rep.memberOf.some((id) => actor.manages.includes(id));
}

/**
 * A rep's existing goal (its target, its removal, undoing a change to it): a manager of the rep or an
 * admin always; the rep only a goal they set themselves. A quota a manager or admin set stays theirs
 * to change, even once that person has left the role: it was set with authority the rep lacks.
 * Who set a goal earns them nothing by itself: a manager who left the team is refused.
 */
export function mayChangeGoal(actor: Roles, rep: Pick<Roles, 'userId' | 'memberOf'>, goal: { setBy: string }): boolean {
  return mayLeadRep(actor, rep) || (actor.userId === rep.userId && goal.setBy === rep.userId);
}

/** Why a person may not be added to a team as a rep by this actor, or null when they may. */
export type RepAddRefusal = 'holds_role' | 'in_other_team';

/**
 * A team's manager adds newcomers as reps; moving someone out of another team, or adding a manager
 * or an admin as a rep, is for admins (the team's own reps are simply still in it).
 */
export function repAddRefusal(actor: Roles, person: Roles, salesTeamId: string): RepAddRefusal | null {
  if (actor.isAdmin || person.memberOf.includes(salesTeamId)) return null;
  if (person.isAdmin || person.manages.length > 0) return 'holds_role';
  if (person.memberOf.length > 0) return 'in_other_team';
  return null;
}

/** Taking someone out of a team: its managers remove reps; a manager is removed by an admin. */
export function mayRemoveFromTeam(actor: Roles, person: Pick<Roles, 'manages'>, salesTeamId: string): boolean {
  return actor.isAdmin || (actor.manages.includes(salesTeamId) && !person.manages.includes(salesTeamId));
}

/** A team's goals and board: its members, its managers and admins. */
export function maySeeTeam(actor: Roles, salesTeamId: string): boolean {
  return mayRunTeam(actor, salesTeamId) || actor.memberOf.includes(salesTeamId);
}
