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

/** A team's goals and board: its members, its managers and admins. */
export function maySeeTeam(actor: Roles, salesTeamId: string): boolean {
  return mayRunTeam(actor, salesTeamId) || actor.memberOf.includes(salesTeamId);
}
