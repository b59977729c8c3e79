import type { ExportPerson } from '../domain/data-export.js';
import type { Span } from '../domain/periods.js';
import { leadNameKey, openStages, type NudgeItemKind, type NudgeLine, type Lead, type LeadDraft, type LeadRules, type LeadSource, type LeadStage } from '../domain/leads.js';
import { PacerError } from '../errors.js';
import { pagesOf, sinceGroups } from './export-pages.js';
import { Prisma, type PrismaClient } from './generated/client.js';

/** What changed about a lead, recorded with it as an event. */
export interface LeadEventDraft {
  by: string;
  at: Date;
  kind: 'created' | 'touch' | 'followup' | 'stage' | 'won' | 'lost' | 'assign' | 'snooze' | 'checkback' | 'imported';
  detail: string | null;
}

export type LeadChange = Partial<
  Pick<Lead, 'ownerId' | 'stage' | 'lostReason' | 'wonAmount' | 'closedAt' | 'lastTouchedAt' | 'nextFollowUpOn' | 'checkedBackAt' | 'satisfaction' | 'complaint' | 'value'>
> & { snoozedUntil?: string | null };

export interface NudgeItem extends NudgeLine {
  ownerId: string;
  /** How many items the rep has in all (the nudge shows the first ten). */
  total: number;
}

/** How many of each kind of item a rep's nudge names, all counted. */
export interface NudgeCounts {
  missed: number;
  checkBacks: number;
  /** Open leads untouched for longer than their stage allows (the nudge's "unchased"). */
  stale: number;
}

/** Check-backs recorded in a span: all counted and averaged in SQL, the newest complaints quoted. */
export interface CheckBackFigures {
  checkBacks: number;
  /** Mean satisfaction (1–5) of those that gave one; null with none. */
  satisfaction: number | null;
  complaints: number;
  newestComplaints: { lead: string; ownerId: string; complaint: string }[];
}

/** One rep whose nudge is being planned: their local date and their team's rules. */
export interface NudgeSubject {
  userId: string;
  today: string;
  rules: LeadRules;
}

export interface LeadStore {
  /** Adds a lead; an open lead of the same name and owner is refused (`lead_exists`). */
  create(teamId: string, ownerId: string, draft: LeadDraft, event: Omit<LeadEventDraft, 'kind' | 'detail'>): Promise<Lead>;
  /** Adds many in one transaction (an import); names an owner already has open are skipped and returned. */
  createMany(teamId: string, leads: readonly { ownerId: string; draft: Omit<LeadDraft, 'stage'> & { stage: LeadStage }; note: string | null }[], event: Omit<LeadEventDraft, 'kind' | 'detail'>): Promise<{ created: number; skipped: string[] }>;
  find(teamId: string, id: string): Promise<Lead | null>;
  /** Open leads of some owners, by name. */
  openOf(teamId: string, ownerIds: readonly string[]): Promise<Lead[]>;
  /**
   * For export: the leads of some owners (each from their `since`) or of everyone that were open at some
   * time in a span (created before its end, not closed before its start), oldest first, a page at a time.
   */
  exportPages(teamId: string, owners: readonly ExportPerson[] | 'everyone', span: Span): AsyncGenerator<Lead[]>;
  /**
   * Changes a lead if it is still as the caller saw it (`expected` fields), with its event, in one
   * transaction; null when it changed since (a stale button) or is gone.
   */
  update(teamId: string, id: string, change: LeadChange, event: LeadEventDraft, expected?: Partial<Pick<Lead, 'ownerId' | 'stage'>>): Promise<Lead | null>;
  /** Won leads of an account, this one included: more than one is repeat business. */
  wonInAccount(teamId: string, account: string): Promise<number>;
  /** Open leads whose follow-up is due on or before `today`. */
  followUpsDue(teamId: string, ownerId: string, today: string): Promise<Lead[]>;
  /**
   * What each rep's nudge names, computed in SQL: missed follow-ups, customers to check back on,
   * then leads untouched for longer than their stage allows; snoozed leads left out. At most
   * `perRep` items each, with the rep's total.
   */
  nudgeItems(teamId: string, subjects: readonly NudgeSubject[], now: Date, perRep: number): Promise<NudgeItem[]>;
  /** Leads of some owners won within a span (closed in it), oldest first: what a pipeline counts as won this month. */
  wonBetween(teamId: string, ownerIds: readonly string[], span: Span): Promise<Lead[]>;
  /** Each rep's nudge items counted by kind, with the nudge's own rules (for the digest); reps with none are left out. */
  nudgeCounts(teamId: string, subjects: readonly NudgeSubject[], now: Date): Promise<Map<string, NudgeCounts>>;
  /** The check-backs of some owners' customers recorded within a span, however long ago the deal was won. */
  checkBacksBetween(teamId: string, ownerIds: readonly string[], span: Span, quote: number): Promise<CheckBackFigures>;
}

type LeadRow = Prisma.LeadGetPayload<object>;

const isoDate = (value: Date | null): string | null => (value === null ? null : value.toISOString().slice(0, 10));
const asDate = (value: string | null | undefined): Date | null | undefined =>
  value === undefined ? undefined : value === null ? null : new Date(`${value}T00:00:00Z`);

export function toLead(row: LeadRow): Lead {
  return {
    id: row.id,
    teamId: row.teamId,
    ownerId: row.ownerId,
    name: row.name,
    account: row.account,
    value: row.value === null ? null : row.value.toNumber(),
    productLine: row.productLine,
    source: row.source as LeadSource,
    stage: row.stage as LeadStage,
    lostReason: row.lostReason,
    wonAmount: row.wonAmount === null ? null : row.wonAmount.toNumber(),
    closedAt: row.closedAt,
    lastTouchedAt: row.lastTouchedAt,
    nextFollowUpOn: isoDate(row.nextFollowUpOn),
    checkedBackAt: row.checkedBackAt,
    satisfaction: row.satisfaction,
    complaint: row.complaint,
    createdAt: row.createdAt,
  };
}

const open = { stage: { in: [...openStages] } };

function newLeadData(teamId: string, ownerId: string, draft: Omit<LeadDraft, 'stage'> & { stage: LeadStage }, by: string, at: Date) {
  const account = draft.account ?? draft.name;
  const closed = draft.stage === 'won' || draft.stage === 'lost';
  return {
    teamId,
    ownerId,
    name: draft.name,
    nameKey: leadNameKey(draft.name),
    account,
    accountKey: leadNameKey(account),
    value: draft.value,
    productLine: draft.productLine,
    source: draft.source,
    stage: draft.stage,
    nextFollowUpOn: asDate(draft.nextFollowUpOn) ?? null,
    lastTouchedAt: at,
    closedAt: closed ? at : null,
    wonAmount: draft.stage === 'won' ? draft.value : null,
    createdBy: by,
    createdAt: at,
  };
}

type NudgeRow = Omit<NudgeLine['lead'], 'value' | 'stage'> & { ownerId: string; stage: string; value: unknown; kind: NudgeItemKind; total: bigint | number };

/**
 * The `reps` and `items` CTEs: the leads each rep's nudge names, with their kind. The rules travel
 * as a JSON table, so the leads are filtered by the (team_id, owner_id, stage) index and never all
 * loaded. Shared by the nudge's lines and the digest's counts, so both count alike.
 */
function nudgeItemsSql(teamId: string, subjects: readonly NudgeSubject[], now: Date): Prisma.Sql {
  const reps = JSON.stringify(
    subjects.map((s) => ({
      user_id: s.userId,
      today: s.today,
      new_days: s.rules.unchasedDays.new,
      contacted_days: s.rules.unchasedDays.contacted,
      qualified_days: s.rules.unchasedDays.qualified,
      estimate_days: s.rules.unchasedDays.estimate,
      negotiation_days: s.rules.unchasedDays.negotiation,
      check_back_days: s.rules.checkBackDays,
    })),
  );
  return Prisma.sql`
    reps AS (
      SELECT * FROM jsonb_to_recordset(${reps}::jsonb) AS r(
        user_id text, today date, new_days int, contacted_days int, qualified_days int,
        estimate_days int, negotiation_days int, check_back_days int)
    ), items AS (
      SELECT l.*,
        CASE
          WHEN l.stage = 'won' THEN 'checkback'
          WHEN l.next_follow_up_on < r.today THEN 'missed'
          ELSE 'unchased'
        END AS kind
      FROM leads l JOIN reps r ON l.owner_id = r.user_id
      WHERE l.team_id = ${teamId}
        AND (l.snoozed_until IS NULL OR l.snoozed_until <= r.today)
        AND (
          (l.stage = 'won' AND l.checked_back_at IS NULL
            AND l.closed_at <= ${now}::timestamptz - make_interval(days => r.check_back_days))
          OR (l.stage IN ('new', 'contacted', 'qualified', 'estimate', 'negotiation') AND (
            l.next_follow_up_on < r.today
            OR l.last_touched_at <= ${now}::timestamptz - make_interval(days => CASE l.stage
              WHEN 'new' THEN r.new_days WHEN 'contacted' THEN r.contacted_days
              WHEN 'qualified' THEN r.qualified_days WHEN 'estimate' THEN r.estimate_days
              ELSE r.negotiation_days END)))
        )
    )`;
}

export function createLeadStore(db: PrismaClient): LeadStore {
  return {
    async create(teamId, ownerId, draft, event) {
      return db.$transaction(async (tx) => {
        const same = await tx.lead.findFirst({ where: { teamId, ownerId, nameKey: leadNameKey(draft.name), ...open }, select: { name: true } });
        if (same) throw new PacerError('lead_exists', { name: same.name });
        const row = await tx.lead.create({ data: newLeadData(teamId, ownerId, draft, event.by, event.at) });
        await tx.leadEvent.create({ data: { leadId: row.id, teamId, at: event.at, by: event.by, kind: 'created', detail: null } });
        return toLead(row);
      });
    },
    async createMany(teamId, leads, event) {
      return db.$transaction(async (tx) => {
        const owners = [...new Set(leads.map((l) => l.ownerId))];
        const existing = await tx.lead.findMany({ where: { teamId, ownerId: { in: owners }, ...open }, select: { ownerId: true, nameKey: true } });
        const taken = new Set(existing.map((e) => `${e.ownerId}:${e.nameKey}`));
        const skipped: string[] = [];
        const fresh = leads.filter((l) => {
          const key = `${l.ownerId}:${leadNameKey(l.draft.name)}`;
          if (taken.has(key)) {
            skipped.push(l.draft.name);
            return false;
          }
          taken.add(key);
          return true;
        });
        const rows = await tx.lead.createManyAndReturn({ data: fresh.map((l) => newLeadData(teamId, l.ownerId, l.draft, event.by, event.at)), select: { id: true } });
        await tx.leadEvent.createMany({
          data: rows.map((row, i) => ({ leadId: row.id, teamId, at: event.at, by: event.by, kind: 'imported', detail: fresh[i]?.note ?? null })),
        });
        return { created: rows.length, skipped };
      });
    },
    async find(teamId, id) {
      const row = await db.lead.findFirst({ where: { teamId, id } });
      return row && toLead(row);
    },
    async openOf(teamId, ownerIds) {
      if (ownerIds.length === 0) return [];
      const rows = await db.lead.findMany({ where: { teamId, ownerId: { in: [...ownerIds] }, ...open }, orderBy: [{ nameKey: 'asc' }] });
      return rows.map(toLead);
    },
    exportPages(teamId, owners, span) {
      const openSince = (start: Date) => ({ OR: [{ closedAt: null }, { closedAt: { gte: start } }] });
      const who = owners === 'everyone' ? openSince(span.start) : { OR: sinceGroups(owners, span).map((g) => ({ ownerId: { in: g.userIds }, ...openSince(g.start) })) };
      return pagesOf(async (after, take) =>
        (await db.lead.findMany({
          where: { teamId, createdAt: { lt: span.end }, ...who },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          take,
          ...(after === null ? {} : { cursor: { id: after }, skip: 1 }),
        })).map(toLead),
      );
    },
    async update(teamId, id, change, event, expected = {}) {
      return db.$transaction(async (tx) => {
        const { nextFollowUpOn, snoozedUntil, ...rest } = change;
        const data = {
          ...rest,
          ...(nextFollowUpOn !== undefined ? { nextFollowUpOn: asDate(nextFollowUpOn) } : {}),
          ...(snoozedUntil !== undefined ? { snoozedUntil: asDate(snoozedUntil) } : {}),
        };
        const { count } = await tx.lead.updateMany({ where: { teamId, id, ...expected }, data });
        if (count === 0) return null;
        await tx.leadEvent.create({ data: { leadId: id, teamId, ...event } });
        const row = await tx.lead.findFirst({ where: { teamId, id } });
        return row && toLead(row);
      });
    },
    async wonInAccount(teamId, account) {
      return db.lead.count({ where: { teamId, accountKey: leadNameKey(account), stage: 'won' } });
    },
    async followUpsDue(teamId, ownerId, today) {
      const rows = await db.lead.findMany({
        where: { teamId, ownerId, ...open, nextFollowUpOn: { lte: asDate(today) ?? undefined } },
        orderBy: [{ nextFollowUpOn: 'asc' }, { nameKey: 'asc' }],
      });
      return rows.map(toLead);
    },
    async nudgeItems(teamId, subjects, now, perRep) {
      if (subjects.length === 0) return [];
      // One statement for every rep being planned.
      const rows = await db.$queryRaw<NudgeRow[]>`
        WITH ${nudgeItemsSql(teamId, subjects, now)}, ranked AS (
          SELECT items.*,
            row_number() OVER (PARTITION BY owner_id ORDER BY
              CASE kind WHEN 'missed' THEN 0 WHEN 'checkback' THEN 1 ELSE 2 END,
              next_follow_up_on NULLS LAST, closed_at, last_touched_at, name_key) AS position,
            count(*) OVER (PARTITION BY owner_id) AS total
          FROM items
        )
        SELECT id, owner_id AS "ownerId", name, stage, value, product_line AS "productLine",
          to_char(next_follow_up_on, 'YYYY-MM-DD') AS "nextFollowUpOn", closed_at AS "closedAt",
          last_touched_at AS "lastTouchedAt", kind, total
        FROM ranked WHERE position <= ${perRep}
        ORDER BY owner_id, position`;
      return rows.map(({ kind, total, ownerId, value, ...lead }) => ({
        kind,
        ownerId,
        total: Number(total),
        lead: { ...lead, stage: lead.stage as LeadStage, value: value === null ? null : Number(value) },
      }));
    },
    async nudgeCounts(teamId, subjects, now) {
      if (subjects.length === 0) return new Map();
      const rows = await db.$queryRaw<{ owner_id: string; missed: bigint; check_backs: bigint; stale: bigint }[]>`
        WITH ${nudgeItemsSql(teamId, subjects, now)}
        SELECT owner_id,
          count(*) FILTER (WHERE kind = 'missed') AS missed,
          count(*) FILTER (WHERE kind = 'checkback') AS check_backs,
          count(*) FILTER (WHERE kind = 'unchased') AS stale
        FROM items GROUP BY owner_id`;
      return new Map(rows.map((r) => [r.owner_id, { missed: Number(r.missed), checkBacks: Number(r.check_backs), stale: Number(r.stale) }]));
    },
    async checkBacksBetween(teamId, ownerIds, span, quote) {
      if (ownerIds.length === 0) return { checkBacks: 0, satisfaction: null, complaints: 0, newestComplaints: [] };
      const owners = [...ownerIds];
      const inSpan = { teamId, ownerId: { in: owners }, checkedBackAt: { gte: span.start, lt: span.end } };
      const [[figures], quoted] = await Promise.all([
        db.$queryRaw<{ check_backs: bigint; satisfaction: string | number | null; complaints: bigint }[]>`
          SELECT count(*) AS check_backs, avg(satisfaction) AS satisfaction, count(*) FILTER (WHERE complaint <> '') AS complaints
          FROM leads
          WHERE team_id = ${teamId} AND owner_id = ANY(${owners}::text[]) AND checked_back_at >= ${span.start} AND checked_back_at < ${span.end}`,
        db.lead.findMany({ where: { ...inSpan, complaint: { not: '' } }, orderBy: [{ checkedBackAt: 'desc' }, { nameKey: 'asc' }], take: quote, select: { name: true, ownerId: true, complaint: true } }),
      ]);
      return {
        checkBacks: Number(figures?.check_backs ?? 0),
        satisfaction: figures?.satisfaction === null || figures?.satisfaction === undefined ? null : Number(figures.satisfaction),
        complaints: Number(figures?.complaints ?? 0),
        newestComplaints: quoted.flatMap((l) => (l.complaint ? [{ lead: l.name, ownerId: l.ownerId, complaint: l.complaint }] : [])),
      };
    },
    async wonBetween(teamId, ownerIds, span) {
      if (ownerIds.length === 0) return [];
      const rows = await db.lead.findMany({
        where: { teamId, ownerId: { in: [...ownerIds] }, stage: 'won', closedAt: { gte: span.start, lt: span.end } },
        orderBy: [{ closedAt: 'asc' }],
      });
      return rows.map(toLead);
    },
  };
}

