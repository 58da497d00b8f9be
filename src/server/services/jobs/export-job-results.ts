import { stringify } from "csv-stringify/sync";
import { z } from "zod";
import { JobItemStatus } from "@/generated/prisma/enums";
import { escapeFormula } from "@/lib/csv/formula";
import type { SessionUser } from "../../auth/session-user";
import { ownedByActor } from "../../authz/where";
import { db } from "../../db";
import { jobItemSelect, jobItemsWhere, type JobItemView } from "./list-job-items";

const COLUMNS = ["recipient", "name", "status", "messageStatus", "error", "attempts", "sentAt", "finishedAt"] as const;

const ZQuery = z.object({
  id: z.coerce.number().int().positive("Choose a job"),
  status: z.enum(JobItemStatus, { error: "Unknown recipient state" }).optional(),
});

function toRecord(item: JobItemView): string[] {
  return [
    item.recipient,
    escapeFormula(item.name ?? ""),
    item.status,
    item.message?.status ?? "",
    escapeFormula(item.error ?? item.message?.error ?? ""),
    String(item.attempts),
    item.sentAt?.toISOString() ?? "",
    item.finishedAt?.toISOString() ?? "",
  ];
}

function problem(status: number, message: string): Response {
  return Response.json({ error: message }, { status, headers: { "cache-control": "no-store" } });
}

/**
 * GET /api/export/jobs/<id>[?status=failed]: every recipient of a job with its result, as a CSV pulled one page at a
 * time. Another user's job is 404, exactly like a missing one; admins may export any job.
 */
export async function exportJobResultsResponse(session: SessionUser | null, jobId: string, url: URL): Promise<Response> {
  if (!session) return problem(401, "Sign in first");
  const user = await db().user.findUnique({ where: { id: session.id }, select: { id: true, role: true, isActive: true, sessionVersion: true } });
  if (!user || !user.isActive || user.sessionVersion !== session.sessionVersion) return problem(401, "Your session has ended; sign in again");
  const query = ZQuery.safeParse({ id: jobId, status: url.searchParams.get("status") || undefined });
  if (!query.success) return problem(400, query.error.issues[0]?.message ?? "Invalid export filter");
  const job = await db().job.findFirst({ where: { id: query.data.id, ...ownedByActor({ id: user.id, role: user.role }) }, select: { id: true } });
  if (!job) return problem(404, "Job not found");

  const where = jobItemsWhere(job.id, { status: query.data.status });
  const encoder = new TextEncoder();
  let afterId = 0;
  let first = true;
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const rows = await db().jobItem.findMany({ where: { AND: [where, { id: { gt: afterId } }] }, select: jobItemSelect, orderBy: { id: "asc" }, take: 1000 });
        const csv = stringify(rows.map(toRecord), { header: first, bom: first, columns: [...COLUMNS] });
        first = false;
        if (csv) controller.enqueue(encoder.encode(csv));
        const last = rows.at(-1);
        if (!last || rows.length < 1000) controller.close();
        else afterId = last.id;
      },
    },
    { highWaterMark: 0 },
  );
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="job-${job.id}-results.csv"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
