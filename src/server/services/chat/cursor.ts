import type { Prisma } from "@/generated/prisma/client";
import { AppError } from "../../errors";

/** A position in a newest-first list ordered by (time, id): the last row of the previous page. */
export interface Keyset {
  at: Date;
  id: number;
}

const CURSOR = /^(\d{1,15}):(\d{1,10})$/;

/**
 * Cursors carry the position itself rather than a row id to look up: a page boundary stays put while new rows arrive
 * or the boundary row is deleted, and no anchor query is needed.
 */
export function encodeCursor(row: { timestamp: Date; id: number } | undefined): string | null {
  return row ? `${row.timestamp.getTime()}:${row.id}` : null;
}

export function decodeCursor(cursor: string | undefined): Keyset | undefined {
  if (cursor === undefined) return undefined;
  const match = CURSOR.exec(cursor);
  if (!match) throw new AppError("INVALID_INPUT", "The page cursor is not valid; start from the first page");
  return { at: new Date(Number(match[1])), id: Number(match[2]) };
}

/** Rows strictly after `cursor` in (timestamp DESC, id DESC) order; `timestamp <= at` keeps it a range on the index. */
export function olderThan(cursor: Keyset | undefined): Prisma.MessageWhereInput {
  if (!cursor) return {};
  return { timestamp: { lte: cursor.at }, OR: [{ timestamp: { lt: cursor.at } }, { id: { lt: cursor.id } }] };
}

/** Slices a `limit + 1` fetch into a page and the cursor of its last row. */
export function toPage<T extends { timestamp: Date; id: number }>(rows: T[], limit: number): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1]) : null };
}
