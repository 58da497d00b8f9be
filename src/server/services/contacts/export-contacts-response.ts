import { z } from "zod";
import type { SessionUser } from "../../auth/session-user";
import { db } from "../../db";
import { recordActivity } from "../activity/record-activity";
import { contactsCsvStream } from "./export-contacts";

const ZExportQuerySchema = z.object({
  tagIds: z.array(z.coerce.number().int().positive("Tag ids must be positive whole numbers")).max(50, "At most 50 tags"),
  tagMatch: z.enum(["any", "all"], { error: 'tagMatch must be "any" or "all"' }).optional(),
  search: z.string().trim().max(100, "Search text is too long").optional(),
});

function problem(status: number, message: string): Response {
  return Response.json({ error: message }, { status, headers: { "cache-control": "no-store" } });
}

/**
 * GET /api/export/contacts[?tagId=1&tagId=2&tagMatch=all&search=budi]: the caller's own contacts as a CSV download.
 * The session is re-checked against the database like every API call, so a locked account cannot export.
 */
export async function exportContactsResponse(session: SessionUser | null, url: URL, ip: string): Promise<Response> {
  if (!session) return problem(401, "Sign in first");
  const user = await db().user.findUnique({ where: { id: session.id }, select: { id: true, isActive: true, sessionVersion: true } });
  if (!user || !user.isActive || user.sessionVersion !== session.sessionVersion) return problem(401, "Your session has ended; sign in again");
  const query = ZExportQuerySchema.safeParse({
    tagIds: url.searchParams.getAll("tagId"),
    tagMatch: url.searchParams.get("tagMatch") ?? undefined,
    search: url.searchParams.get("search") || undefined,
  });
  if (!query.success) return problem(400, query.error.issues[0]?.message ?? "Invalid export filter");

  await recordActivity({ userId: user.id, action: "contact.export", details: { ...query.data }, ip });
  const date = new Date().toISOString().slice(0, 10);
  return new Response(contactsCsvStream({ ownerId: user.id, filter: query.data }), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="contacts-${date}.csv"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
