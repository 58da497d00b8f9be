import { Prisma } from "@/generated/prisma/client";
import type { MessageDirection, MessageStatus, MessageType } from "@/generated/prisma/enums";
import type { Keyset } from "../chat/cursor";
import { dayFilterRange, escapeLike } from "./date-filter";

export interface AdminMessageFilter {
  /** Device row id (resolved from the public deviceId by the caller). */
  deviceRowId?: number;
  userId?: number;
  status?: MessageStatus;
  direction?: MessageDirection;
  /** Reporting days, both included. */
  from?: string;
  to?: string;
  text?: string;
}

export interface AdminMessageRow {
  id: number;
  timestamp: Date;
  direction: MessageDirection;
  status: MessageStatus;
  type: MessageType;
  chatJid: string;
  fromJid: string;
  toJid: string;
  content: string | null;
  error: string | null;
  deviceId: string;
  deviceName: string;
  ownerId: number;
  owner: string;
}

/**
 * The index the list walks in (timestamp DESC, id DESC) order, chosen from the most selective equality filter. Named
 * explicitly: with a non-covering select MariaDB may otherwise pick `ref` on a prefix and sort, which turns every
 * page of a busy device into a scan (see chat/search-plan.ts).
 */
function indexFor(filter: AdminMessageFilter): Prisma.Sql {
  if (filter.deviceRowId !== undefined && filter.status !== undefined) return Prisma.raw("Message_deviceId_status_timestamp_idx");
  if (filter.deviceRowId !== undefined) return Prisma.raw("Message_deviceId_timestamp_idx");
  if (filter.userId !== undefined) return Prisma.raw("Message_ownerId_timestamp_idx");
  if (filter.status !== undefined) return Prisma.raw("Message_status_timestamp_idx");
  if (filter.direction !== undefined) return Prisma.raw("Message_direction_timestamp_idx");
  return Prisma.raw("Message_timestamp_idx");
}

function whereOf(filter: AdminMessageFilter, after: Keyset | undefined): Prisma.Sql {
  const where: Prisma.Sql[] = [Prisma.sql`1 = 1`];
  if (filter.deviceRowId !== undefined) where.push(Prisma.sql`m.deviceId = ${filter.deviceRowId}`);
  if (filter.userId !== undefined) where.push(Prisma.sql`m.ownerId = ${filter.userId}`);
  if (filter.status) where.push(Prisma.sql`m.status = ${filter.status}`);
  if (filter.direction) where.push(Prisma.sql`m.direction = ${filter.direction}`);
  const { start, end } = dayFilterRange(filter);
  if (start) where.push(Prisma.sql`m.\`timestamp\` >= ${start}`);
  if (end) where.push(Prisma.sql`m.\`timestamp\` < ${end}`);
  if (filter.text) where.push(Prisma.sql`m.content LIKE ${`%${escapeLike(filter.text)}%`}`);
  if (after) where.push(Prisma.sql`m.\`timestamp\` <= ${after.at} AND (m.\`timestamp\` < ${after.at} OR m.id < ${after.id})`);
  return Prisma.join(where, " AND ");
}

/** How many messages match (the joins below are on required foreign keys, so they change no count). */
export function adminMessagesCountQuery(filter: AdminMessageFilter): Prisma.Sql {
  return Prisma.sql`SELECT COUNT(*) AS n FROM Message m FORCE INDEX (${indexFor(filter)}) WHERE ${whereOf(filter, undefined)}`;
}

/** One newest-first page of every user's messages (plus one row, to know whether there is a next page). */
export function adminMessagesQuery(filter: AdminMessageFilter, after: Keyset | undefined, take: number, contentChars?: number): Prisma.Sql {
  const content = contentChars ? Prisma.sql`LEFT(m.content, ${contentChars})` : Prisma.sql`m.content`;
  return Prisma.sql`
    SELECT m.id, m.\`timestamp\`, m.direction, m.status, m.type, m.chatJid, m.fromJid, m.toJid, ${content} AS content, m.error,
           d.deviceId, d.deviceName, m.ownerId, u.username AS owner
      FROM Message m FORCE INDEX (${indexFor(filter)})
      JOIN Device d ON d.id = m.deviceId
      JOIN \`User\` u ON u.id = m.ownerId
     WHERE ${whereOf(filter, after)}
     ORDER BY m.\`timestamp\` DESC, m.id DESC
     LIMIT ${take}`;
}

/**
 * The export's page: the list's filter, order and index, but Message columns only (device and owner ids, not names).
 * At a million rows the two joins cost MariaDB more than the rows themselves; the export resolves the few names once.
 */
export function adminMessagesExportQuery(filter: AdminMessageFilter, after: Keyset | undefined, take: number): Prisma.Sql {
  return Prisma.sql`
    SELECT m.id, m.\`timestamp\`, m.direction, m.status, m.type, m.chatJid, m.fromJid, m.toJid, m.content, m.error, m.deviceId, m.ownerId
      FROM Message m FORCE INDEX (${indexFor(filter)})
     WHERE ${whereOf(filter, after)}
     ORDER BY m.\`timestamp\` DESC, m.id DESC
     LIMIT ${take}`;
}
