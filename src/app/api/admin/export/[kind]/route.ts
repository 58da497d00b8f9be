import { adminExportResponse } from "@/server/api/export/admin-export-response";
import { getSessionUser } from "@/server/auth/session";
import { clientIp } from "@/server/security/client-ip";

export const dynamic = "force-dynamic";

/** Admin exports (users, devices, messages, audit-logs, contacts) as streamed CSV or JSON downloads. */
export async function GET(request: Request, { params }: { params: Promise<{ kind: string }> }) {
  const { kind } = await params;
  return adminExportResponse(await getSessionUser(), kind, new URL(request.url), clientIp(request.headers));
}
