import { activitiesCsv, exportScope, exportSpan, goalInRange, goalsCsv, leadsCsv, type ExportRequest, type ExportScope } from '../domain/data-export.js';
import { companyOwnerId, type Goal } from '../domain/goals.js';
import type { Member } from '../domain/members.js';
import { maySeeTeam } from '../domain/roles.js';
import { PacerError } from '../errors.js';
import type { ActivityStore } from '../store/activity-store.js';
import type { GoalStore } from '../store/goal-store.js';
import type { LeadStore } from '../store/lead-store.js';
import type { MemberStore } from '../store/member-store.js';
import type { SalesTeamStore } from '../store/sales-team-store.js';
import type { RoleBook } from './role-book.js';

/** A CSV file ready to hand to the requester. */
export interface ExportFile {
  filename: string;
  from: string;
  to: string;
  csv: string;
  rows: number;
}

export interface DataExport {
  /** The requester's activities, goals or leads within their reach, the dates read in their time zone. */
  export(actor: Member, request: ExportRequest, now: Date): Promise<ExportFile>;
}

function goalInScope(goal: Goal, scope: ExportScope): boolean {
  if (goal.ownerType === 'company') return scope.company && goal.ownerId === companyOwnerId;
  if (goal.ownerType === 'team') return scope.teamIds === 'all' || scope.teamIds.includes(goal.ownerId);
  return scope.people === 'everyone' || scope.people.includes(goal.ownerId);
}

export function createDataExport(deps: {
  activities: ActivityStore;
  goals: GoalStore;
  members: MemberStore;
  teams: SalesTeamStore;
  roles: RoleBook;
  leads: LeadStore;
}): DataExport {
  const { activities, goals, members, teams, roles, leads } = deps;
  return {
    async export(actor, request, now) {
      const { from, to, span } = exportSpan(request, now, actor.timeZone);
      const [actorRoles, allTeams] = await Promise.all([roles.of(actor), teams.list(actor.teamId)]);
      let only = null;
      if (request.team !== null) {
        only = await teams.findByName(actor.teamId, request.team);
        if (!only) {
          const known = allTeams.map((t) => t.name).join(', ');
          throw new PacerError(known ? 'team_not_found' : 'team_none_yet', { name: request.team, teams: known });
        }
        if (!maySeeTeam(actorRoles, only.id)) throw new PacerError('team_hidden', { team: only.name });
      }
      const scope = exportScope(actorRoles, allTeams, only);
      if (request.kind === 'activities') {
        const rows = await activities.list(actor.teamId, scope.people, span);
        const names = await members.names(actor.teamId, scope.people === 'everyone' ? 'everyone' : [...new Set(rows.map((r) => r.userId))]);
        return { filename: 'activities.csv', from, to, csv: activitiesCsv(rows, names), rows: rows.length };
      }
      if (request.kind === 'leads') {
        const rows = await leads.forExport(actor.teamId, scope.people, span);
        const names = await members.names(actor.teamId, scope.people === 'everyone' ? 'everyone' : [...new Set(rows.map((r) => r.ownerId))]);
        return { filename: 'leads.csv', from, to, csv: leadsCsv(rows, names), rows: rows.length };
      }
      const chosen = (await goals.list(actor.teamId)).filter((g) => goalInScope(g, scope) && goalInRange(g, from, to));
      const teamNames = new Map(allTeams.map((t) => [t.id, t.name]));
      return { filename: 'goals.csv', from, to, csv: goalsCsv(chosen, teamNames), rows: chosen.length };
    },
  };
}
