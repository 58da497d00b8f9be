import type { Prisma } from "@/generated/prisma/client";
import type { DeviceStatus } from "@/generated/prisma/enums";
import { db } from "../../db";
import { adminContactWhere, type AdminContactFilter } from "../admin/admin-contacts";
import { auditLogsCountQuery, auditLogsQuery, toAuditRow, type AuditFilter, type AuditRow } from "../admin/audit-logs";
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
    toCells: (u) => [u.id, u.username, u.email, u.fullName, u.role, u.isActive, u.lastLogin, u.maxDevices, u.dailyMessageLimit, u._count.devices, u.createdAt],
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
    toCells: (d) => [d.deviceId, d.deviceName, d.owner.username, d.phoneNumber, d.status, d.lastSeen, d.lastError, d.createdAt],
    count: () => db().device.count({ where }),
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
    toCells: (a) => [a.id, a.createdAt, a.actor, a.action, a.targetType, a.targetId, a.ip, a.details === null ? null : JSON.stringify(a.details)],
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
    toCells: (c) => [c.id, c.owner.username, c.name, c.phone, c.tags.map((t) => t.tag.name).join(";"), c.notes, c.createdAt],
  };
}
