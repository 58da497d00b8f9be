import { z } from "zod";
import { db } from "../../db";
import { isAppError } from "../../errors";
import { logger } from "../../logger";
import { resolveDeviceFilter } from "../../services/admin/list-admin-messages";
import { recordAudit } from "../../services/audit/record-audit";
import { auditLogsSource, contactsSource, devicesSource, usersSource } from "../../services/export/export-sources";
import { messagesSource } from "../../services/export/message-export-source";
import { exportStream, type ExportSource } from "../../services/export/export-stream";
import type { SessionUser } from "../context";
import { EXPORT_QUERY, isExportKind, type ExportKind } from "./admin-export-query";

function problem(status: number, message: string): Response {
  return Response.json({ error: message }, { status, headers: { "cache-control": "no-store" } });
}

type AnySource = ExportSource<unknown, unknown>;

async function sourceFor(kind: ExportKind, query: Record<string, unknown>): Promise<AnySource> {
  switch (kind) {
    case "users":
      return usersSource(query as z.infer<(typeof EXPORT_QUERY)["users"]>) as AnySource;
    case "devices":
      return devicesSource(query as z.infer<(typeof EXPORT_QUERY)["devices"]>) as AnySource;
    case "messages": {
      const { deviceId, ...filter } = query as z.infer<(typeof EXPORT_QUERY)["messages"]>;
      return messagesSource({ ...filter, deviceRowId: await resolveDeviceFilter(deviceId) }) as AnySource;
    }
    case "audit-logs":
      return auditLogsSource(query as z.infer<(typeof EXPORT_QUERY)["audit-logs"]>) as AnySource;
    case "contacts":
      return contactsSource(query as z.infer<(typeof EXPORT_QUERY)["contacts"]>) as AnySource;
  }
}

/**
 * GET /api/admin/export/<users|devices|messages|audit-logs|contacts>?format=csv|json&<filters>: a streamed download
 * for admins. The session is re-checked against the database (a locked admin cannot export); each export is audited
 * with its filters before the first byte. `x-export-rows` carries the row count for the browser's progress bar.
 */
export async function adminExportResponse(session: SessionUser | null, kind: string, url: URL, ip: string): Promise<Response> {
  if (!session) return problem(401, "Sign in first");
  const user = await db().user.findUnique({ where: { id: session.id }, select: { id: true, role: true, isActive: true, sessionVersion: true } });
  if (!user || !user.isActive || user.sessionVersion !== session.sessionVersion) return problem(401, "Your session has ended; sign in again");
  if (user.role !== "admin") return problem(403, "Administrators only");
  if (!isExportKind(kind)) return problem(404, "Unknown export");
  const params = Object.fromEntries([...url.searchParams.entries()].filter(([key, value]) => key !== "format" && value !== ""));
  const format = z.enum(["csv", "json"]).safeParse(url.searchParams.get("format") ?? "csv");
  if (!format.success) return problem(400, 'format must be "csv" or "json"');
  const query = EXPORT_QUERY[kind].safeParse(params);
  if (!query.success) return problem(400, query.error.issues[0]?.message ?? "Invalid export filter");
  let source: AnySource;
  try {
    source = await sourceFor(kind, query.data);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") return problem(404, error.message);
    throw error;
  }
  const rows = await source.count();
  await recordAudit({ actorId: user.id, action: `export.${kind}`, targetType: "export", targetId: kind, details: { format: format.data, filters: query.data, rows }, ip });
  const log = logger();
  const stream = exportStream(source, format.data, { onDone: (written) => log.info({ kind, rows: written, actorId: user.id }, "export finished") });
  const date = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "content-type": format.data === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${kind}-${date}.${format.data}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
      "x-export-rows": String(rows),
    },
  });
}
