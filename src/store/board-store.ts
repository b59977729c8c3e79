import type { RepTally } from '../domain/board.js';
import { improvementWeeks, streakLookBackDays } from '../domain/board.js';
import type { ActivityTotal } from '../domain/goals.js';
import type { Span } from '../domain/periods.js';
import type { Db } from './transaction.js';

const day = 24 * 60 * 60 * 1000;

export interface BoardStore {
  /**
   * Each rep's numbers over `span`, one row per rep asked for (zeros without activity): capped
   * points, counts, revenue, biggest deal, points of the four weeks before, kudos, customer
   * satisfaction and the days with activity over the streak look-back. One statement.
   */
  tallies(teamId: string, userIds: readonly string[], span: Span, fallbackZone: string): Promise<RepTally[]>;
  /** Each rep's totals per type and product line over `span` (uncapped: what goals count). */
  repTotals(teamId: string, userIds: readonly string[], span: Span): Promise<Map<string, ActivityTotal[]>>;
}

type TallyRow = {
  user_id: string;
  points: bigint | number | null;
  prior_points: bigint | number | null;
  revenue: string | number | null;
  biggest_deal: string | number | null;
  counts: Record<string, number> | null;
  active_days: string[] | null;
  kudos: bigint | number | null;
  satisfaction: string | number | null;
};

const num = (value: bigint | string | number | null): number => (value === null ? 0 : Number(value));

/** The board's aggregates, in SQL: activity rows never come into JavaScript. */
export function createBoardStore(db: Db): BoardStore {
  return {
    async tallies(teamId, userIds, span, fallbackZone) {
      if (userIds.length === 0) return [];
      const reps = [...new Set(userIds)];
      const priorStart = new Date(span.start.getTime() - improvementWeeks * 7 * day);
      const streakStart = new Date(span.end.getTime() - (streakLookBackDays + 1) * day);
      const scanStart = priorStart < streakStart ? priorStart : streakStart;
      // Points are capped per rep, type and the rep's local day (padding does not pay), before
      // they are summed; one scan of the (team_id, user_id, occurred_at) index serves the window,
      // the four weeks before it and the streak's days. Shaped by test/bench/board.ts (1,000 reps,
      // 1M activities): the reps go in as one text[] parameter, so the planner sees the list and
      // estimates the rows it selects (from a sub-select it guessed 10 reps and fetched 250k rows
      // one index probe at a time); reps are grouped by their position in it (an integer sorts and
      // hashes cheaper than a user id); days before the four weeks are grouped by day only (the
      // streak needs no type); active days come from distinct (rep, day) pairs, so no aggregate
      // needs DISTINCT and the planner may hash.
      const rows = await db.$queryRaw<TallyRow[]>`
        WITH reps AS (
          SELECT r.n, r.user_id, COALESCE(m.time_zone, ${fallbackZone}) AS tz
          FROM unnest(${reps}::text[]) WITH ORDINALITY AS r(user_id, n)
          LEFT JOIN members m ON m.team_id = ${teamId} AND m.user_id = r.user_id
        ), days AS (
          SELECT r.n, CASE WHEN a.occurred_at >= ${priorStart} THEN a.type_key END AS type_key, (a.occurred_at AT TIME ZONE r.tz)::date AS day,
            a.occurred_at >= ${span.start} AS in_window, a.occurred_at >= ${priorStart} AS in_scope,
            sum(a.count) AS count, sum(a.amount) AS amount, max(a.amount) AS biggest, sum(a.points) AS points
          FROM activities a JOIN reps r ON r.user_id = a.user_id
          WHERE a.team_id = ${teamId} AND a.user_id = ANY(${reps}::text[])
            AND a.occurred_at >= ${scanStart} AND a.occurred_at < ${span.end}
          GROUP BY 1, 2, 3, 4, 5
        ), capped AS (
          SELECT d.*, t.unit, LEAST(d.points, COALESCE(t.daily_points_cap, d.points)) AS capped_points
          FROM days d LEFT JOIN activity_types t ON t.team_id = ${teamId} AND t.key = d.type_key
        ), per_type AS (
          SELECT n, type_key, sum(count) AS count FROM capped WHERE in_window GROUP BY 1, 2
        ), tally AS (
          SELECT n,
            sum(capped_points) FILTER (WHERE in_window) AS points,
            sum(capped_points) FILTER (WHERE in_scope AND NOT in_window) AS prior_points,
            sum(amount) FILTER (WHERE in_window AND unit = 'money') AS revenue,
            max(biggest) FILTER (WHERE in_window AND unit = 'money') AS biggest_deal
          FROM capped WHERE in_scope GROUP BY n
        ), active AS (
          SELECT n, array_agg(to_char(day, 'YYYY-MM-DD') ORDER BY day) AS active_days
          FROM (SELECT n, day FROM capped WHERE day >= ${streakStart}::date GROUP BY 1, 2) AS d GROUP BY n
        ), counts AS (
          SELECT n, jsonb_object_agg(type_key, count) AS counts FROM per_type GROUP BY n
        ), kudos_in AS (
          SELECT receiver_id AS user_id, count(*) AS kudos FROM kudos
          WHERE team_id = ${teamId} AND receiver_id = ANY(${reps}::text[]) AND given_at >= ${span.start} AND given_at < ${span.end}
          GROUP BY 1
        ), happy AS (
          SELECT owner_id AS user_id, avg(satisfaction) AS satisfaction FROM leads
          WHERE team_id = ${teamId} AND owner_id = ANY(${reps}::text[]) AND satisfaction IS NOT NULL
            AND checked_back_at >= ${span.start} AND checked_back_at < ${span.end}
          GROUP BY 1
        )
        SELECT r.user_id, t.points, t.prior_points, t.revenue, t.biggest_deal, c.counts, a.active_days, k.kudos, h.satisfaction
        FROM reps r
        LEFT JOIN tally t ON t.n = r.n
        LEFT JOIN counts c ON c.n = r.n
        LEFT JOIN active a ON a.n = r.n
        LEFT JOIN kudos_in k ON k.user_id = r.user_id
        LEFT JOIN happy h ON h.user_id = r.user_id`;
      return rows.map((row) => ({
        userId: row.user_id,
        points: num(row.points),
        priorPoints: num(row.prior_points),
        revenue: num(row.revenue),
        biggestDeal: num(row.biggest_deal),
        counts: Object.fromEntries(Object.entries(row.counts ?? {}).map(([key, n]) => [key, Number(n)])),
        activeDays: row.active_days ?? [],
        kudos: num(row.kudos),
        satisfaction: row.satisfaction === null ? null : Number(row.satisfaction),
      }));
    },

    async repTotals(teamId, userIds, span) {
      const groups = await db.activity.groupBy({
        by: ['userId', 'typeKey', 'productLine'],
        where: { teamId, userId: { in: [...userIds] }, occurredAt: { gte: span.start, lt: span.end } },
        _sum: { count: true, amount: true, points: true },
      });
      const byRep = new Map<string, ActivityTotal[]>();
      for (const g of groups) {
        const total = { typeKey: g.typeKey, productLine: g.productLine, count: g._sum.count ?? 0, amount: g._sum.amount?.toNumber() ?? 0, points: g._sum.points ?? 0 };
        const list = byRep.get(g.userId);
        if (list) list.push(total);
        else byRep.set(g.userId, [total]);
      }
      return byRep;
    },
  };
}
