import type { Weekday } from '../domain/periods.js';
import type { Ranking } from '../domain/board.js';
import { z } from 'zod';
import { openStages, type LeadRulesChange } from '../domain/leads.js';
import { teamNameKey, type Organisation, type SalesTeam, type TeamSettings } from '../domain/sales-teams.js';
import { PacerError } from '../errors.js';
import { Prisma } from './generated/client.js';
import type { Db } from './transaction.js';

export type TeamRole = 'member' | 'manager';

export interface SalesTeamStore {
  create(teamId: string, team: { name: string; channelId: string; createdBy: string }): Promise<SalesTeam>;
  list(teamId: string): Promise<SalesTeam[]>;
  /** Every team of every workspace, for scheduled team posts (boards, digests, check-ins). */
  everyWorkspace(): Promise<{ teamId: string; team: SalesTeam }[]>;
  findByName(teamId: string, name: string): Promise<SalesTeam | null>;
  findById(teamId: string, id: string): Promise<SalesTeam | null>;
  /** The teams a person is a rep in, with their people. */
  teamsOfRep(teamId: string, userId: string): Promise<SalesTeam[]>;
  update(teamId: string, id: string, settings: TeamSettings): Promise<void>;
  /** Puts people in the team in a role, as of `addedAt`; returns those who were not in it in that role. */
  addPeople(teamId: string, id: string, userIds: readonly string[], role: TeamRole, added: { by: string; at: Date }): Promise<string[]>;
  /** Takes people out of the team in every role; returns those who were in it. */
  removePeople(teamId: string, id: string, userIds: readonly string[]): Promise<string[]>;
  /** Team ids a person manages and belongs to as a rep. */
  rolesOf(teamId: string, userId: string): Promise<{ manages: string[]; memberOf: string[] }>;
  isNamedAdmin(teamId: string, userId: string): Promise<boolean>;
  nameAdmin(teamId: string, userId: string, namedBy: string): Promise<void>;
  /** Takes back a person's naming as a Pacer admin; false when they were not named one. */
  removeAdmin(teamId: string, userId: string): Promise<boolean>;
  /** When each rep joined each of these teams (their current stay). */
  repsJoined(teamId: string, salesTeamIds: readonly string[]): Promise<{ salesTeamId: string; userId: string; addedAt: Date }[]>;
}

const withPeople = { members: { select: { userId: true, role: true }, orderBy: { addedAt: 'asc' } } } as const;
type TeamRow = Prisma.SalesTeamGetPayload<{ include: typeof withPeople }>;

const perStage = (value: z.ZodNumber) => z.partialRecord(z.enum(openStages), value);
const leadRulesSchema = z.object({
  unchasedDays: perStage(z.number().int().min(1).max(365)).optional(),
  checkBackDays: z.number().int().min(1).max(365).optional(),
  winChance: perStage(z.number().min(0).max(1)).optional(),
});

/** Rules written by an older or hand-edited row that do not read fall back to the defaults. */
function readLeadRules(value: Prisma.JsonValue): LeadRulesChange | null {
  const parsed = leadRulesSchema.safeParse(value);
  return parsed.success ? (parsed.data as LeadRulesChange) : null;
}

/** A ranking an older or hand-edited row names wrongly reads as points, the default. */
function readRanking(by: string, metric: string | null): Ranking {
  if (by === 'goal') return { by: 'goal' };
  if (by === 'metric' && metric) return { by: 'metric', metric };
  return { by: 'points' };
}

function toTeam(row: TeamRow): SalesTeam {
  return {
    id: row.id,
    name: row.name,
    channelId: row.channelId,
    digestChannelId: row.digestChannelId,
    organisedBy: row.organisedBy as Organisation,
    timeZone: row.timeZone,
    weekStartsOn: row.weekStartsOn as Weekday,
    estimatesPerQuotaUnit: row.estimatesPerQuotaUnit.toNumber(),
    leadRules: readLeadRules(row.leadRules),
    board: { enabled: row.boardEnabled, weekday: row.boardDay as Weekday, at: row.boardAt },
    ranking: readRanking(row.ranking, row.rankingMetric),
    digest: { weekly: { enabled: row.digestWeekly, weekday: row.digestDay as Weekday, at: row.digestAt }, dailyAt: row.digestDailyAt },
    managers: row.members.filter((m) => m.role === 'manager').map((m) => m.userId),
    members: row.members.filter((m) => m.role === 'member').map((m) => m.userId),
  };
}

export function createSalesTeamStore(db: Db): SalesTeamStore {
  /**
   * Teams with their people: Prisma's `include` reads the people with a second statement even when
   * no team matched (`IN (NULL)`), which a rep with no team paid on every /log; this skips it.
   */
  async function teamsWithPeople(query: Pick<Prisma.SalesTeamFindManyArgs, 'where' | 'orderBy'>): Promise<TeamRow[]> {
    const teams = await db.salesTeam.findMany(query);
    if (teams.length === 0) return [];
    const people = await db.salesTeamMember.findMany({
      where: { salesTeamId: { in: teams.map((t) => t.id) } },
      select: { salesTeamId: true, userId: true, role: true },
      orderBy: { addedAt: 'asc' },
    });
    return teams.map((team) => ({ ...team, members: people.filter((p) => p.salesTeamId === team.id).map(({ userId, role }) => ({ userId, role })) }));
  }

  return {
    async create(teamId, team) {
      try {
        const row = await db.salesTeam.create({
          data: { teamId, name: team.name, nameKey: teamNameKey(team.name), channelId: team.channelId, createdBy: team.createdBy },
          include: withPeople,
        });
        return toTeam(row);
      } catch (error) {
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
          throw new PacerError('team_exists', { name: team.name });
        }
        throw error;
      }
    },
    async everyWorkspace() {
      const rows = await teamsWithPeople({ orderBy: [{ teamId: 'asc' }, { nameKey: 'asc' }] });
      return rows.map((row) => ({ teamId: row.teamId, team: toTeam(row) }));
    },
    async list(teamId) {
      return (await teamsWithPeople({ where: { teamId }, orderBy: { nameKey: 'asc' } })).map(toTeam);
    },
    async findByName(teamId, name) {
      const row = await db.salesTeam.findUnique({ where: { teamId_nameKey: { teamId, nameKey: teamNameKey(name) } }, include: withPeople });
      return row && toTeam(row);
    },
    async teamsOfRep(teamId, userId) {
      return (await teamsWithPeople({ where: { teamId, members: { some: { userId, role: 'member' } } } })).map(toTeam);
    },
    async findById(teamId, id) {
      const row = await db.salesTeam.findFirst({ where: { teamId, id }, include: withPeople });
      return row && toTeam(row);
    },
    async update(teamId, id, settings) {
      const { leadRules, board, ranking, digest, ...rest } = settings;
      await db.salesTeam.updateMany({
        where: { teamId, id },
        data: {
          ...rest,
          ...(leadRules !== undefined ? { leadRules: leadRules === null ? Prisma.DbNull : (JSON.parse(JSON.stringify(leadRules)) as Prisma.InputJsonValue) } : {}),
          ...(board ? { boardEnabled: board.enabled, boardDay: board.weekday, boardAt: board.at } : {}),
          ...(ranking ? { ranking: ranking.by, rankingMetric: ranking.by === 'metric' ? ranking.metric : null } : {}),
          ...(digest?.weekly ? { digestWeekly: digest.weekly.enabled, digestDay: digest.weekly.weekday, digestAt: digest.weekly.at } : {}),
          ...(digest && digest.dailyAt !== undefined ? { digestDailyAt: digest.dailyAt } : {}),
        },
      });
    },
    async addPeople(teamId, id, userIds, role, added) {
      const rows = await db.salesTeamMember.createManyAndReturn({
        data: userIds.map((userId) => ({ teamId, salesTeamId: id, userId, role, addedBy: added.by, addedAt: added.at })),
        skipDuplicates: true,
        select: { userId: true },
      });
      return rows.map((r) => r.userId);
    },
    async removePeople(teamId, id, userIds) {
      const present = await db.salesTeamMember.findMany({
        where: { teamId, salesTeamId: id, userId: { in: [...userIds] } },
        select: { userId: true },
      });
      await db.salesTeamMember.deleteMany({ where: { teamId, salesTeamId: id, userId: { in: [...userIds] } } });
      return [...new Set(present.map((p) => p.userId))];
    },
    async rolesOf(teamId, userId) {
      const rows = await db.salesTeamMember.findMany({ where: { teamId, userId }, select: { salesTeamId: true, role: true } });
      return {
        manages: rows.filter((r) => r.role === 'manager').map((r) => r.salesTeamId),
        memberOf: rows.filter((r) => r.role === 'member').map((r) => r.salesTeamId),
      };
    },
    async isNamedAdmin(teamId, userId) {
      return (await db.pacerAdmin.count({ where: { teamId, userId } })) > 0;
    },
    async nameAdmin(teamId, userId, namedBy) {
      await db.pacerAdmin.upsert({ where: { teamId_userId: { teamId, userId } }, create: { teamId, userId, namedBy }, update: {} });
    },
    async removeAdmin(teamId, userId) {
      const { count } = await db.pacerAdmin.deleteMany({ where: { teamId, userId } });
      return count > 0;
    },
    async repsJoined(teamId, salesTeamIds) {
      if (salesTeamIds.length === 0) return [];
      return db.salesTeamMember.findMany({
        where: { teamId, salesTeamId: { in: [...salesTeamIds] }, role: 'member' },
        select: { salesTeamId: true, userId: true, addedAt: true },
      });
    },
  };
}
