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
   * satisfaction and the days with activity over the streak look-back. One statement; a rep without
   * a profile counts their days in `fallbackZone`.
   */
  tallies(teamId: string, userIds: readonly string[], span: Span, fallbackZone: string): Promise<RepTally[]>;
  /**
   * The local days (in `timeZone`, the rep's own) with activity of one rep with a profile, over the
   * streak look-back before `week` (from the rollups) and in it (from the activities): a streak
   * without the whole board's statement.
   */
  streakDays(teamId: string, userId: string, week: Span, timeZone: string): Promise<string[]>;
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
  /** Days since 1970-01-01: cheaper to aggregate and to read than dates as text. */
  active_days: number[] | null;
  read_days: number[] | null;
  kudos: bigint | number | null;
  satisfaction: string | number | null;
};

const num = (value: bigint | string | number | null): number => (value === null ? 0 : Number(value));

/** 'YYYY-MM-DD' of day numbers, each worked out once: a board's 65,000 active days are some 100 dates. */
function dayTexts(): (epochDay: number) => string {
  const known = new Map<number, string>();
  return (epochDay) => {
    let text = known.get(epochDay);
    if (text === undefined) {
      text = new Date(epochDay * day).toISOString().slice(0, 10);
      known.set(epochDay, text);
    }
    return text;
  };
}

/** The board's aggregates, in SQL: activity rows never come into JavaScript. */
export function createBoardStore(db: Db): BoardStore {
  return {
    async tallies(teamId, userIds, span, fallbackZone) {
      if (userIds.length === 0) return [];
      const reps = [...new Set(userIds)];
      const windowStart = span.start;
      const priorStart = new Date(span.start.getTime() - improvementWeeks * 7 * day);
      const streakStart = new Date(span.end.getTime() - (streakLookBackDays + 1) * day);
      // Shaped by test/bench/board.ts (1,000 reps, 1M activities). Whole local days before the
      // window come from the rollups the triggers keep: activity_days (the days with activity and
      // their points) and activity_day_types (points per day of the types with a daily cap).
      // Activities themselves are read for the window only, and for the days a boundary cuts in a
      // rep's zone (the team's midnight is a rep's evening): such a day counts its hours on each
      // side apart, each part capped on its own, as it always has. A rep without a profile has no
      // rollup in the board's zone, so all their activities are read. Each range of activities is
      // read and summed by one index scan (LATERAL); the reps go in as one text[] parameter, so that
      // the planner sees how many they are.
      const rows = await db.$queryRaw<TallyRow[]>`
        WITH reps AS (
          SELECT r.n, r.user_id, m.time_zone IS NOT NULL AS rolled, COALESCE(m.time_zone, ${fallbackZone}) AS tz
          FROM unnest(${reps}::text[]) WITH ORDINALITY AS r(user_id, n)
          LEFT JOIN members m ON m.team_id = ${teamId} AND m.user_id = r.user_id
        ), edges AS (
          SELECT r.*, l.*, l.s::time <> '00:00' AS s_cut, l.p::time <> '00:00' AS p_cut, l.w::time <> '00:00' AS w_cut
          FROM reps r CROSS JOIN LATERAL (
            SELECT ${streakStart}::timestamptz AT TIME ZONE r.tz AS s, ${priorStart}::timestamptz AT TIME ZONE r.tz AS p,
              ${windowStart}::timestamptz AT TIME ZONE r.tz AS w, ${span.end}::timestamptz AT TIME ZONE r.tz AS e
          ) AS l
        ), ranges AS (
          SELECT e.n, e.user_id, e.tz, x.lo, x.hi
          FROM edges e CROSS JOIN LATERAL (VALUES
            (CASE WHEN NOT e.rolled THEN ${streakStart}::timestamptz
              WHEN e.w_cut THEN e.w::date::timestamp AT TIME ZONE e.tz ELSE ${windowStart}::timestamptz END, ${span.end}::timestamptz, true),
            (${streakStart}::timestamptz, (e.s::date + 1)::timestamp AT TIME ZONE e.tz, e.rolled AND e.s_cut),
            (${priorStart}::timestamptz, (e.p::date + 1)::timestamp AT TIME ZONE e.tz, e.rolled AND e.p_cut)
          ) AS x(lo, hi, wanted)
          WHERE x.wanted
        ), read_days AS (
          SELECT g.n, x.*
          FROM ranges g CROSS JOIN LATERAL (
            SELECT a.type_key, (a.occurred_at AT TIME ZONE g.tz)::date AS day,
              CASE WHEN a.occurred_at >= ${windowStart} THEN 'window' WHEN a.occurred_at >= ${priorStart} THEN 'prior' END AS part,
              sum(a.count) AS count, sum(a.amount) AS amount, max(a.amount) AS biggest, sum(a.points) AS points
            FROM activities a
            WHERE a.team_id = ${teamId} AND a.user_id = g.user_id AND a.occurred_at >= g.lo AND a.occurred_at < g.hi
            GROUP BY 1, 2, 3
          ) AS x
        ), rolled_prior AS (
          -- Whole local days of the four weeks, from the rollups: a type's daily cap takes off what
          -- a day's points of that type exceed it by (LEAST(p, cap) = p - GREATEST(p - cap, 0)).
          SELECT e.n, sum(GREATEST(d.points - t.daily_points_cap, 0)) AS over_cap
          FROM edges e
          JOIN activity_types t ON t.team_id = ${teamId} AND t.daily_points_cap IS NOT NULL
          JOIN activity_day_types d ON d.team_id = ${teamId} AND d.user_id = e.user_id AND d.type_key = t.key
            AND d.day >= e.p::date + e.p_cut::int AND d.day < e.w::date
          WHERE e.rolled
          GROUP BY e.n
        ), tally AS (
          SELECT d.n,
            sum(LEAST(d.points, COALESCE(t.daily_points_cap, d.points))) FILTER (WHERE d.part = 'window') AS points,
            sum(LEAST(d.points, COALESCE(t.daily_points_cap, d.points))) FILTER (WHERE d.part = 'prior') AS prior_points,
            sum(d.amount) FILTER (WHERE d.part = 'window' AND t.unit = 'money') AS revenue,
            max(d.biggest) FILTER (WHERE d.part = 'window' AND t.unit = 'money') AS biggest_deal
          FROM read_days d LEFT JOIN activity_types t ON t.team_id = ${teamId} AND t.key = d.type_key
          GROUP BY d.n
        ), counts AS (
          SELECT n, jsonb_object_agg(type_key, count) AS counts
          FROM (SELECT n, type_key, sum(count) AS count FROM read_days WHERE part = 'window' GROUP BY 1, 2) AS w
          GROUP BY n
        ), active AS (
          SELECT e.n, array_agg(d.day - DATE '1970-01-01') AS days,
            sum(d.points) FILTER (WHERE d.day >= e.p::date + e.p_cut::int AND d.day < e.w::date) AS prior_points
          FROM edges e JOIN activity_days d ON d.team_id = ${teamId} AND d.user_id = e.user_id
            AND d.day >= e.s::date + e.s_cut::int AND d.day < e.e::date
          WHERE e.rolled
          GROUP BY e.n
        ), read_active AS (
          SELECT n, array_agg(day - DATE '1970-01-01') AS days FROM read_days GROUP BY n
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
        SELECT r.user_id, t.points, COALESCE(t.prior_points, 0) + COALESCE(a.prior_points, 0) - COALESCE(o.over_cap, 0) AS prior_points,
          t.revenue, t.biggest_deal, c.counts,
          a.days AS active_days, ra.days AS read_days, k.kudos, h.satisfaction
        FROM reps r
        LEFT JOIN tally t ON t.n = r.n
        LEFT JOIN counts c ON c.n = r.n
        LEFT JOIN active a ON a.n = r.n
        LEFT JOIN rolled_prior o ON o.n = r.n
        LEFT JOIN read_active ra ON ra.n = r.n
        LEFT JOIN kudos_in k ON k.user_id = r.user_id
        LEFT JOIN happy h ON h.user_id = r.user_id`;
      const dayText = dayTexts();
      return rows.map((row) => ({
        userId: row.user_id,
        points: num(row.points),
        priorPoints: num(row.prior_points),
        revenue: num(row.revenue),
        biggestDeal: num(row.biggest_deal),
        counts: Object.fromEntries(Object.entries(row.counts ?? {}).map(([key, n]) => [key, Number(n)])),
        activeDays: [...new Set([...(row.active_days ?? []), ...(row.read_days ?? [])])].map(dayText),
        kudos: num(row.kudos),
        satisfaction: row.satisfaction === null ? null : Number(row.satisfaction),
      }));
    },

    async streakDays(teamId, userId, week, timeZone) {
      const rows = await db.$queryRaw<{ day: number }[]>`
        SELECT d.day - DATE '1970-01-01' AS day FROM activity_days d
        WHERE d.team_id = ${teamId} AND d.user_id = ${userId}
          AND d.day >= (${week.start}::timestamptz AT TIME ZONE ${timeZone})::date - ${streakLookBackDays + 1}::int
          AND d.day < (${week.start}::timestamptz AT TIME ZONE ${timeZone})::date
        UNION
        SELECT (a.occurred_at AT TIME ZONE ${timeZone})::date - DATE '1970-01-01' FROM activities a
        WHERE a.team_id = ${teamId} AND a.user_id = ${userId} AND a.occurred_at >= ${week.start} AND a.occurred_at < ${week.end}`;
      const dayText = dayTexts();
      return rows.map((row) => dayText(Number(row.day)));
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
