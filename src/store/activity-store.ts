import type { ExportPerson } from '../domain/data-export.js';
import type { ActivityTotal, Contributors } from '../domain/goals.js';
import type { LogDraft } from '../domain/log-command.js';
import type { Span } from '../domain/periods.js';
import { pagesOf, sinceGroups } from './export-pages.js';
import type { PrismaClient } from './generated/client.js';

/** A stored log: its day is in `occurredAt`. */
export interface LoggedActivity extends Omit<LogDraft, 'on'> {
  id: string;
  teamId: string;
  userId: string;
  points: number;
  occurredAt: Date;
  leadId?: string | null;
}

export interface ActivityStore {
  add(activity: Omit<LoggedActivity, 'id'>): Promise<LoggedActivity>;
  find(teamId: string, id: string): Promise<LoggedActivity | null>;
  /** Removes the activity if it is still there; false when it was already gone. */
  remove(teamId: string, id: string): Promise<boolean>;
  /** Totals in a span, per type and product line, of some people or of everyone in the workspace. */
  totals(teamId: string, who: Contributors, span: Span): Promise<ActivityTotal[]>;
  /** The activities of some people (each from their `since`) or of everyone in a span, oldest first, a page at a time. */
  exportPages(teamId: string, people: readonly ExportPerson[] | 'everyone', span: Span): AsyncGenerator<LoggedActivity[]>;
}

type ActivityRow = Awaited<ReturnType<PrismaClient['activity']['create']>>;

function toActivity(row: ActivityRow): LoggedActivity {
  return { ...row, amount: row.amount === null ? null : row.amount.toNumber() };
}

export function createActivityStore(db: PrismaClient): ActivityStore {
  return {
    add: async (activity) => toActivity(await db.activity.create({ data: activity })),
    async find(teamId, id) {
      const row = await db.activity.findFirst({ where: { teamId, id } });
      return row && toActivity(row);
    },
    async remove(teamId, id) {
      const { count } = await db.activity.deleteMany({ where: { teamId, id } });
      return count > 0;
    },
    exportPages(teamId, people, span) {
      const who =
        people === 'everyone'
          ? { occurredAt: { gte: span.start, lt: span.end } }
          : { OR: sinceGroups(people, span).map((g) => ({ userId: { in: g.userIds }, occurredAt: { gte: g.start, lt: span.end } })) };
      return pagesOf(async (after, take) =>
        (await db.activity.findMany({
          where: { teamId, ...who },
          orderBy: [{ occurredAt: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
          take,
          ...(after === null ? {} : { cursor: { id: after }, skip: 1 }),
        })).map(toActivity),
      );
    },
    async totals(teamId, who, span) {
      const groups = await db.activity.groupBy({
        by: ['typeKey', 'productLine'],
        where: { teamId, ...(who === 'everyone' ? {} : { userId: { in: [...who] } }), occurredAt: { gte: span.start, lt: span.end } },
        _sum: { count: true, amount: true, points: true },
      });
      return groups.map((g) => ({
        typeKey: g.typeKey,
        productLine: g.productLine,
        count: g._sum.count ?? 0,
        amount: g._sum.amount?.toNumber() ?? 0,
        points: g._sum.points ?? 0,
      }));
    },
  };
}
