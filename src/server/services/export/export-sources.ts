import type { Prisma } from "@/generated/prisma/client";
import type { DeviceStatus } from "@/generated/prisma/enums";
import { db } from "../../db";
import { adminContactWhere, type AdminContactFilter } from "../admin/admin-contacts";
import { adminMessagesCountQuery, adminMessagesQuery, type AdminMessageFilter, type AdminMessageRow } from "../admin/admin-messages-query";
import { auditLogsCountQuery, auditLogsQuery, toAuditRow, type AuditFilter, type AuditRow } from "../admin/audit-logs";
import type { Keyset } from "../chat/cursor";
import { userFilterWhere, type UserListFilter } from "../users/list-users";
import type { ExportSource } from "./export-stream";

/** Pages by ascending id: rows added during the export land after the cursor and are included once. */
function byId<Row extends { id: number }>(rows: Row[], size: number): { rows: Row[]; next: number | undefined } {
  return { rows, next: rows.length === size ? rows[rows.length - 1]!.id : undefined };
}

export function usersSource(filter: UserListFilter): ExportSource<Prisma.UserGetPayload<{ select: typeof userExportSelect }>, number> {
  return {
    columns: ["id", "username", "email", "fullName", "role", "isActive", "lastLogin", "maxDevices", "dailyMessageLimit", "devices", "createdAt"],
    page: async (after, size) =>
      byId(await db().user.findMany({ where: { AND: [userFilterWhere(filter), after ? { id: { gt: after } } : {}] }, select: userExportSelect, orderBy: { id: "asc" }, take: size }), size),
    toRecord: ({ _count, ...u }) => ({ ...u, devices: _count.devices }),
    count: () => db().user.count({ where: userFilterWhere(filter) }),
  };
}

const userExportSelect = {
  id: true,
  username: true,
  email: true,
  fullName: true,
  role: true,
  isActive: true,
  lastLogin: true,
  maxDevices: true,
  dailyMessageLimit: true,
  createdAt: true,
  _count: { select: { devices: true } },
} satisfies Prisma.UserSelect;

export interface DeviceExportFilter {
  status?: DeviceStatus;
  ownerId?: number;
  search?: string;
}

const deviceExportSelect = {
  id: true,
  deviceId: true,
  deviceName: true,
  phoneNumber: true,
  status: true,
  lastSeen: true,
  lastError: true,
  createdAt: true,
  owner: { select: { username: true } },
} satisfies Prisma.DeviceSelect;

export function devicesSource(filter: DeviceExportFilter): ExportSource<Prisma.DeviceGetPayload<{ select: typeof deviceExportSelect }>, number> {
  const where: Prisma.DeviceWhereInput = {
    status: filter.status,
    ownerId: filter.ownerId,
    ...(filter.search ? { OR: [{ deviceName: { contains: filter.search } }, { deviceId: { contains: filter.search } }, { phoneNumber: { contains: filter.search } }] } : {}),
  };
  return {
    columns: ["deviceId", "deviceName", "owner", "phoneNumber", "status", "lastSeen", "lastError", "createdAt"],
    page: async (after, size) =>
      byId(await db().device.findMany({ where: { AND: [where, after ? { id: { gt: after } } : {}] }, select: deviceExportSelect, orderBy: { id: "asc" }, take: size }), size),
    toRecord: ({ owner, id: _id, ...d }) => ({ ...d, owner: owner.username }),
    count: () => db().device.count({ where }),
  };
}

/** Messages newest first, in the list's own order and index (admin-messages-query.ts). */
export function messagesSource(filter: AdminMessageFilter): ExportSource<AdminMessageRow, Keyset> {
  return {
    columns: ["id", "timestamp", "deviceId", "deviceName", "owner", "direction", "status", "type", "chatJid", "fromJid", "toJid", "content", "error"],
    page: async (after, size) => {
      const rows = await db().$queryRaw<AdminMessageRow[]>(adminMessagesQuery(filter, after, size));
      const last = rows[rows.length - 1];
      return { rows, next: rows.length === size && last ? { at: last.timestamp, id: last.id } : undefined };
    },
    toRecord: ({ ownerId: _ownerId, ...m }) => m,
    count: async () => Number((await db().$queryRaw<Array<{ n: bigint | number }>>(adminMessagesCountQuery(filter)))[0]?.n ?? 0),
  };
}

export function auditLogsSource(filter: AuditFilter): ExportSource<AuditRow, number> {
  return {
    columns: ["id", "createdAt", "actor", "action", "targetType", "targetId", "ip", "details"],
    page: async (before, size) => {
      const rows = (await db().$queryRaw<AuditRow[]>(auditLogsQuery(filter, before, size))).map(toAuditRow);
      return { rows, next: rows.length === size ? rows[rows.length - 1]!.id : undefined };
    },
    count: async () => Number((await db().$queryRaw<Array<{ n: bigint | number }>>(auditLogsCountQuery(filter)))[0]?.n ?? 0),
    toRecord: (a) => ({ id: a.id, createdAt: a.createdAt, actor: a.actor, action: a.action, targetType: a.targetType, targetId: a.targetId, ip: a.ip, details: a.details === null ? null : JSON.stringify(a.details) }),
  };
}

const contactExportSelect = {
  id: true,
  name: true,
  phone: true,
  notes: true,
  createdAt: true,
  owner: { select: { username: true } },
  tags: { select: { tag: { select: { name: true } } }, orderBy: { tag: { name: "asc" } } },
} satisfies Prisma.ContactSelect;

export function contactsSource(filter: AdminContactFilter): ExportSource<Prisma.ContactGetPayload<{ select: typeof contactExportSelect }>, number> {
  return {
    columns: ["id", "owner", "name", "phone", "tags", "notes", "createdAt"],
    page: async (after, size) =>
      byId(await db().contact.findMany({ where: { AND: [adminContactWhere(filter), after ? { id: { gt: after } } : {}] }, select: contactExportSelect, orderBy: { id: "asc" }, take: size }), size),
    count: () => db().contact.count({ where: adminContactWhere(filter) }),
    toRecord: (c) => ({ id: c.id, owner: c.owner.username, name: c.name, phone: c.phone, tags: c.tags.map((t) => t.tag.name).join(";"), notes: c.notes, createdAt: c.createdAt }),
  };
}
