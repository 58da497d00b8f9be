import type { Prisma } from "@/generated/prisma/client";
import type { DeviceStatus } from "@/generated/prisma/enums";
import { db } from "../../db";
import { bulkReadParam, bulkReadPool, storedDateToIso } from "../../db/bulk-read-pool";
import { adminContactWhere, type AdminContactFilter } from "../admin/admin-contacts";
import { adminMessagesCountQuery, adminMessagesExportQuery, type AdminMessageFilter } from "../admin/admin-messages-query";
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

/** A message row as the driver returns it with rowsAsArray, in adminMessagesExportQuery's select order. */
type MessageExportRow = [
  id: number,
  timestamp: string,
  direction: string,
  status: string,
  type: string,
  chatJid: string,
  fromJid: string,
  toJid: string,
  content: string | null,
  error: string | null,
  deviceRowId: number,
  ownerId: number,
];

/** Device and owner names by id, loaded once per id for the whole export (a handful of rows against a million). */
function namesCache() {
  const devices = new Map<number, { deviceId: string; deviceName: string }>();
  const owners = new Map<number, string>();
  return {
    async load(rows: MessageExportRow[]): Promise<void> {
      const deviceIds = [...new Set(rows.map((r) => r[10]).filter((id) => !devices.has(id)))];
      const ownerIds = [...new Set(rows.map((r) => r[11]).filter((id) => !owners.has(id)))];
      if (deviceIds.length > 0) {
        for (const d of await db().device.findMany({ where: { id: { in: deviceIds } }, select: { id: true, deviceId: true, deviceName: true } })) devices.set(d.id, d);
      }
      if (ownerIds.length > 0) {
        for (const u of await db().user.findMany({ where: { id: { in: ownerIds } }, select: { id: true, username: true } })) owners.set(u.id, u.username);
      }
    },
    device: (id: number) => devices.get(id)!,
    owner: (id: number) => owners.get(id)!,
  };
}

/**
 * Messages newest first, in the list's own order and index (admin-messages-query.ts), read through the driver as
 * arrays without joins: at a million rows Prisma's row mapping and the joins, not the scan, were the export's cost.
 */
export function messagesSource(filter: AdminMessageFilter): ExportSource<MessageExportRow, Keyset> {
  const names = namesCache();
  return {
    columns: ["id", "timestamp", "deviceId", "deviceName", "owner", "direction", "status", "type", "chatJid", "fromJid", "toJid", "content", "error"],
    page: async (after, size) => {
      const query = adminMessagesExportQuery(filter, after, size);
      const rows = await bulkReadPool().query<MessageExportRow[]>({ sql: query.sql, rowsAsArray: true }, query.values.map(bulkReadParam));
      await names.load(rows);
      const last = rows[rows.length - 1];
      return { rows, next: rows.length === size && last ? { at: new Date(storedDateToIso(last[1])), id: last[0] } : undefined };
    },
    toCells: (m) => {
      const device = names.device(m[10]);
      return [m[0], storedDateToIso(m[1]), device.deviceId, device.deviceName, names.owner(m[11]), m[2], m[3], m[4], m[5], m[6], m[7], m[8], m[9]];
    },
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
