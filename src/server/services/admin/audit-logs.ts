import { Prisma } from "@/generated/prisma/client";
import { db } from "../../db";
import { dayFilterRange, escapeLike } from "./date-filter";

export interface AuditFilter {
  actorId?: number;
  action?: string;
  targetType?: string;
  from?: string;
  to?: string;
  /** Matched against the target id, the IP, the actor's username and the details. */
  text?: string;
}

export interface AuditRow {
  id: number;
  createdAt: Date;
  actorId: number | null;
  actor: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  details: Prisma.JsonValue;
  ip: string | null;
}

function whereOf(filter: AuditFilter, beforeId: number | undefined): Prisma.Sql {
  const where: Prisma.Sql[] = [Prisma.sql`1 = 1`];
  if (filter.actorId !== undefined) where.push(Prisma.sql`a.actorId = ${filter.actorId}`);
  if (filter.action) where.push(Prisma.sql`a.action = ${filter.action}`);
  if (filter.targetType) where.push(Prisma.sql`a.targetType = ${filter.targetType}`);
  const { start, end } = dayFilterRange(filter);
  if (start) where.push(Prisma.sql`a.createdAt >= ${start}`);
  if (end) where.push(Prisma.sql`a.createdAt < ${end}`);
  if (filter.text) {
    const like = `%${escapeLike(filter.text)}%`;
    // details is JSON, which MariaDB stores as text: a LIKE finds a value anywhere in it.
    where.push(Prisma.sql`(a.targetId LIKE ${like} OR a.ip LIKE ${like} OR u.username LIKE ${like} OR a.details LIKE ${like})`);
  }
  if (beforeId !== undefined) where.push(Prisma.sql`a.id < ${beforeId}`);
  return Prisma.join(where, " AND ");
}

export function auditLogsCountQuery(filter: AuditFilter): Prisma.Sql {
  return Prisma.sql`SELECT COUNT(*) AS n FROM AuditLog a LEFT JOIN \`User\` u ON u.id = a.actorId WHERE ${whereOf(filter, undefined)}`;
}

/** Newest-first page of the audit trail after `beforeId` (plus one row, to know whether there is more). */
export function auditLogsQuery(filter: AuditFilter, beforeId: number | undefined, take: number): Prisma.Sql {
  return Prisma.sql`
    SELECT a.id, a.createdAt, a.actorId, u.username AS actor, a.action, a.targetType, a.targetId, a.details, a.ip
      FROM AuditLog a LEFT JOIN \`User\` u ON u.id = a.actorId
     WHERE ${whereOf(filter, beforeId)}
     ORDER BY a.id DESC LIMIT ${take}`;
}

function parseDetails(row: AuditRow): AuditRow {
  // The raw query returns the JSON column as text.
  if (typeof row.details !== "string") return row;
  try {
    return { ...row, details: JSON.parse(row.details) as Prisma.JsonValue };
  } catch {
    return row;
  }
}

export const toAuditRow = parseDetails;

export async function listAuditLogs(input: AuditFilter & { cursor?: number | null; limit: number }): Promise<{ items: AuditRow[]; nextCursor: number | null }> {
  const rows = await db().$queryRaw<AuditRow[]>(auditLogsQuery(input, input.cursor ?? undefined, input.limit + 1));
  const items = rows.slice(0, input.limit).map(parseDetails);
  return { items, nextCursor: rows.length > input.limit ? items[items.length - 1]!.id : null };
}

/** The choices of the audit filters, taken from the rows that exist. */
export async function auditFilterValues(): Promise<{ actions: string[]; targetTypes: string[]; actors: Array<{ id: number; username: string }> }> {
  const prisma = db();
  const [actions, targetTypes, actors] = await Promise.all([
    prisma.auditLog.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } }),
    prisma.auditLog.findMany({ distinct: ["targetType"], select: { targetType: true }, orderBy: { targetType: "asc" } }),
    prisma.user.findMany({ where: { auditLogs: { some: {} } }, select: { id: true, username: true }, orderBy: { username: "asc" } }),
  ]);
  return { actions: actions.map((a) => a.action), targetTypes: targetTypes.map((t) => t.targetType), actors };
}
