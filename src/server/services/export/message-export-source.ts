import { bulkReadParam, bulkReadPool, storedDateToIso } from "../../db/bulk-read-pool";
import { adminMessagesCountQuery, adminMessagesExportQuery, type AdminMessageFilter } from "../admin/admin-messages-query";
import type { Keyset } from "../chat/cursor";
import type { ExportSource } from "./export-stream";

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

async function bulkQuery<T>(query: { sql: string; values: unknown[] }, rowsAsArray = false): Promise<T> {
  return bulkReadPool().query<T>({ sql: query.sql, rowsAsArray }, query.values.map(bulkReadParam));
}

/** Device and owner names by id, loaded once per id for the whole export (a handful of rows against a million). */
function namesCache() {
  const devices = new Map<number, { deviceId: string; deviceName: string }>();
  const owners = new Map<number, string>();
  return {
    async load(rows: MessageExportRow[]): Promise<void> {
      const deviceIds = [...new Set(rows.map((r) => r[10]).filter((id) => !devices.has(id)))];
      const ownerIds = [...new Set(rows.map((r) => r[11]).filter((id) => !owners.has(id)))];
      if (deviceIds.length > 0) {
        const found = await bulkQuery<Array<{ id: number; deviceId: string; deviceName: string }>>({
          sql: `SELECT id, deviceId, deviceName FROM Device WHERE id IN (${deviceIds.map(() => "?").join(",")})`,
          values: deviceIds,
        });
        for (const d of found) devices.set(d.id, d);
      }
      if (ownerIds.length > 0) {
        const found = await bulkQuery<Array<{ id: number; username: string }>>({
          sql: `SELECT id, username FROM \`User\` WHERE id IN (${ownerIds.map(() => "?").join(",")})`,
          values: ownerIds,
        });
        for (const u of found) owners.set(u.id, u.username);
      }
    },
    device: (id: number) => devices.get(id)!,
    owner: (id: number) => owners.get(id)!,
  };
}

/**
 * Messages newest first, in the list's own order and index (admin-messages-query.ts), read through the driver pool as
 * arrays without joins and without Prisma: at a million rows Prisma's row mapping and the joins, not the scan, were
 * the export's cost, and an export-only process (bench/export.ts) then never loads Prisma's query compiler (~85 MB).
 */
export function messagesSource(filter: AdminMessageFilter): ExportSource<MessageExportRow, Keyset> {
  const names = namesCache();
  return {
    columns: ["id", "timestamp", "deviceId", "deviceName", "owner", "direction", "status", "type", "chatJid", "fromJid", "toJid", "content", "error"],
    page: async (after, size) => {
      const rows = await bulkQuery<MessageExportRow[]>(adminMessagesExportQuery(filter, after, size), true);
      await names.load(rows);
      const last = rows[rows.length - 1];
      return { rows, next: rows.length === size && last ? { at: new Date(storedDateToIso(last[1])), id: last[0] } : undefined };
    },
    toCells: (m) => {
      const device = names.device(m[10]);
      return [m[0], storedDateToIso(m[1]), device.deviceId, device.deviceName, names.owner(m[11]), m[2], m[3], m[4], m[5], m[6], m[7], m[8], m[9]];
    },
    count: async () => Number((await bulkQuery<Array<{ n: bigint | number }>>(adminMessagesCountQuery(filter)))[0]?.n ?? 0),
  };
}
