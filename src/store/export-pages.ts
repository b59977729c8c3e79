import type { ExportPerson } from '../domain/data-export.js';
import type { Span } from '../domain/periods.js';

/** Rows an export reads from the database at a time: its memory stays flat however long the file. */
export const exportPageSize = 1_000;

/**
 * An export's people grouped by the instant their rows count from: the span's start, or later for
 * someone who joined the requester's team within it. One condition per group keeps the query short.
 */
export function sinceGroups(people: readonly ExportPerson[], span: Span): { userIds: string[]; start: Date }[] {
  const groups = new Map<number, string[]>();
  for (const { userId, since } of people) {
    const start = since !== null && since > span.start ? since : span.start;
    groups.set(start.getTime(), [...(groups.get(start.getTime()) ?? []), userId]);
  }
  return [...groups].map(([start, userIds]) => ({ userIds, start: new Date(start) }));
}

/**
 * Reads page after page, each after the last row of the one before (Prisma's cursor pagination,
 * https://www.prisma.io/docs/orm/prisma-client/queries/pagination#cursor-based-pagination), so the
 * order must end with the id to be total.
 */
export async function* pagesOf<Row extends { id: string }>(read: (after: string | null, take: number) => Promise<Row[]>): AsyncGenerator<Row[]> {
  let after: string | null = null;
  for (;;) {
    const page = await read(after, exportPageSize);
    if (page.length > 0) yield page;
    const last = page.at(-1);
    if (!last || page.length < exportPageSize) return;
    after = last.id;
  }
}
