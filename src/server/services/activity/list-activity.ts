import type { Prisma } from "@/generated/prisma/client";
import { AppError } from "../../errors";
import { db } from "../../db";
import { listOwnerId } from "../../authz/owned";
import { loadActivityNames, type ActivityNames } from "./activity-names";
import type { Actor } from "../../authz/actor";

export interface ListActivityInput {
  actor: Actor;
  /** Admins only: another user's activity. A user naming someone else still gets their own. */
  userId?: number;
  /** An exact action ("device.connect") or a category ("device" → every "device.*"). */
  action?: string;
  cursor?: string;
  limit: number;
}

const activitySelect = { id: true, action: true, details: true, ip: true, createdAt: true } as const satisfies Prisma.ActivityLogSelect;

export interface ActivityEntry {
  id: number;
  action: string;
  /**
   * The recorded details as display text per key (lists joined, nested values as JSON), plus the current names of
   * what they refer to: deviceName, templateName, ownerName, fromOwnerName, toOwnerName.
   */
  details: Record<string, string>;
  ip: string | null;
  createdAt: Date;
}

const CURSOR = /^(\d{1,15}):(\d{1,10})$/;

/** One user's activity newest first, keyset-paged on (createdAt, id) along ActivityLog(userId, createdAt). */
export async function listActivity(input: ListActivityInput): Promise<{ items: ActivityEntry[]; nextCursor: string | null }> {
  const where: Prisma.ActivityLogWhereInput[] = [{ userId: listOwnerId(input.actor, input.userId) }];
  if (input.action) where.push(input.action.includes(".") ? { action: input.action } : { action: { startsWith: `${input.action}.` } });
  if (input.cursor !== undefined) {
    const match = CURSOR.exec(input.cursor);
    if (!match) throw new AppError("INVALID_INPUT", "The page cursor is not valid; start from the first page");
    const at = new Date(Number(match[1]));
    where.push({ createdAt: { lte: at }, OR: [{ createdAt: { lt: at } }, { id: { lt: Number(match[2]) } }] });
  }
  const rows = await db().activityLog.findMany({
    where: { AND: where },
    select: activitySelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const names = await loadActivityNames(page.map((row) => detailsObject(row.details)));
  const items = page.map((row) => ({ ...row, details: { ...displayDetails(row.details), ...namesOf(detailsObject(row.details), names) } }));
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > input.limit && last ? `${last.createdAt.getTime()}:${last.id}` : null };
}

function detailsObject(details: Prisma.JsonValue): Record<string, unknown> {
  return typeof details === "object" && details !== null && !Array.isArray(details) ? details : {};
}

function namesOf(details: Record<string, unknown>, names: ActivityNames): Record<string, string> {
  const out: Record<string, string> = {};
  const device = typeof details.deviceId === "string" ? names.devices.get(details.deviceId) : undefined;
  if (device && typeof details.deviceName !== "string") out.deviceName = device;
  const template = typeof details.baseId === "string" ? names.templates.get(details.baseId) : undefined;
  if (template && typeof details.name !== "string") out.templateName = template;
  for (const key of ["ownerId", "fromOwnerId", "toOwnerId"] as const) {
    const user = typeof details[key] === "number" ? names.users.get(details[key]) : undefined;
    if (user) out[key.replace(/Id$/, "Name")] = user;
  }
  return out;
}

function displayDetails(details: Prisma.JsonValue): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(detailsObject(details))) {
    if (value === null || value === undefined) continue;
    if (Array.isArray(value)) out[key] = value.map((v) => (typeof v === "object" ? JSON.stringify(v) : String(v))).join(", ");
    else out[key] = typeof value === "object" ? JSON.stringify(value) : String(value);
  }
  return out;
}
