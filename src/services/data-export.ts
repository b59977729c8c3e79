import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import {
  activityColumns, activityRow, checkInColumns, checkInRow, csvCells, exportScope, exportSpan, goalColumns, goalInRange, goalRow, leadColumns, leadRow, scopeUserIds,
  type Cell, type ExportRequest, type ExportScope, type ScopeTeam,
} from '../domain/data-export.js';
import { companyOwnerId, type Goal } from '../domain/goals.js';
import type { Member } from '../domain/members.js';
import { mayRunTeam, maySeeTeam } from '../domain/roles.js';
import type { SalesTeam } from '../domain/sales-teams.js';
import { PacerError } from '../errors.js';
import type { ActivityStore } from '../store/activity-store.js';
import type { CheckInStore } from '../store/check-in-store.js';
import type { GoalStore } from '../store/goal-store.js';
import type { LeadStore } from '../store/lead-store.js';
import type { MemberStore } from '../store/member-store.js';
import type { SalesTeamStore } from '../store/sales-team-store.js';
import type { RoleBook } from './role-book.js';

/** A CSV file the requester may have, not yet read: `writeTo` reads the database as it writes. */
export interface ExportFile {
  filename: string;
  from: string;
  to: string;
  /**
   * Writes the CSV (header first) into `out`, a page of rows at a time with backpressure, and ends
   * it; resolves with the number of rows written, rejects (with `out` destroyed) when either side fails.
   */
  writeTo(out: Writable): Promise<number>;
}

export interface DataExport {
  /**
   * The requester's activities, goals or leads within their reach, the dates read in their time zone.
   * Every refusal (dates, team, rights) comes from this call, before anything is read or sent.
   */
  export(actor: Member, request: ExportRequest, now: Date): Promise<ExportFile>;
}

function goalInScope(goal: Goal, scope: ExportScope): boolean {
  if (goal.ownerType === 'company') return scope.company && goal.ownerId === companyOwnerId;
  if (goal.ownerType === 'team') return scope.teamIds === 'all' || scope.teamIds.includes(goal.ownerId);
  const people = scopeUserIds(scope.people);
  return people === 'everyone' || people.includes(goal.ownerId);
}

/** Rows as csv-stringify's stream API writes them, pulled from `rows` only as fast as `out` takes them. */
async function writeCsv(header: readonly string[], rows: AsyncIterable<readonly Cell[]>, out: Writable): Promise<number> {
  let count = 0;
  await pipeline(
    async function* () {
      yield csvCells(header);
      for await (const row of rows) {
        count += 1;
        yield csvCells(row);
      }
    },
    stringify(),
    out,
  );
  return count;
}

async function* rowsOf<T>(pages: AsyncIterable<readonly T[]> | Iterable<readonly T[]>, toRow: (item: T) => Cell[]): AsyncGenerator<Cell[]> {
  for await (const page of pages) for (const item of page) yield toRow(item);
}

export function createDataExport(deps: {
  activities: ActivityStore;
  goals: GoalStore;
  members: MemberStore;
  teams: SalesTeamStore;
  roles: RoleBook;
  leads: LeadStore;
  checkIns: CheckInStore;
}): DataExport {
  const { activities, goals, members, teams, roles, leads, checkIns } = deps;

  /** The teams with when each rep joined them, which bounds what their managers export. */
  async function scopeTeams(teamId: string, all: readonly SalesTeam[]): Promise<ScopeTeam[]> {
    const joined = await teams.repsJoined(teamId, all.map((t) => t.id));
    return all.map((team) => ({
      ...team,
      joined: new Map(joined.filter((j) => j.salesTeamId === team.id).map((j) => [j.userId, j.addedAt])),
    }));
  }

  return {
    async export(actor, request, now) {
      const { from, to, span } = exportSpan(request, now, actor.timeZone);
      const [actorRoles, allTeams] = await Promise.all([roles.of(actor), teams.list(actor.teamId)]);
      const withJoins = await scopeTeams(actor.teamId, allTeams);
      let only = null;
      if (request.team !== null) {
        const found = await teams.findByName(actor.teamId, request.team);
        if (!found) {
          const known = allTeams.map((t) => t.name).join(', ');
          throw new PacerError(known ? 'team_not_found' : 'team_none_yet', { name: request.team, teams: known });
        }
        if (!maySeeTeam(actorRoles, found.id)) throw new PacerError('team_hidden', { team: found.name });
        only = withJoins.find((t) => t.id === found.id) ?? null;
      }
      const scope = exportScope(actorRoles, withJoins, only);
      const names = () => members.names(actor.teamId, scopeUserIds(scope.people));
      const file = (filename: string, write: ExportFile['writeTo']): ExportFile => ({
        filename,
        from,
        to,
        async writeTo(out) {
          try {
            return await write(out);
          } catch (error) {
            // pipeline() destroys `out` on its own failures; this covers a failure before it starts.
            out.destroy();
            throw error;
          }
        },
      });
      switch (request.kind) {
        case 'activities':
          return file('activities.csv', async (out) => {
            const named = await names();
            return writeCsv(activityColumns, rowsOf(activities.exportPages(actor.teamId, scope.people, span), (a) => activityRow(a, named)), out);
          });
        case 'leads':
          return file('leads.csv', async (out) => {
            const named = await names();
            return writeCsv(leadColumns, rowsOf(leads.exportPages(actor.teamId, scope.people, span), (l) => leadRow(l, named)), out);
          });
        case 'checkins':
          return file('checkins.csv', async (out) => {
            const named = await names();
            const teamNames = new Map(allTeams.map((t) => [t.id, t.name]));
            // A team narrowed to keeps only its own check-ins; notes go to the team's managers and admins only.
            const rows = (await checkIns.exportRows(actor.teamId, scope.people, from, to)).filter((r) => only === null || r.answer.salesTeamId === only.id);
            return writeCsv(checkInColumns, rowsOf([rows], (r) => checkInRow(r, named, teamNames, mayRunTeam(actorRoles, r.answer.salesTeamId))), out);
          });
        case 'goals':
          return file('goals.csv', async (out) => {
            // A workspace's goals are few (a handful per person): read at once.
            const chosen = (await goals.list(actor.teamId)).filter((g) => goalInScope(g, scope) && goalInRange(g, from, to));
            const teamNames = new Map(allTeams.map((t) => [t.id, t.name]));
            return writeCsv(goalColumns, rowsOf([chosen], (g) => goalRow(g, teamNames)), out);
          });
      }
    },
  };
}
