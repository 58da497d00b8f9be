import { db } from "../../db";
import type { SessionUser } from "../../auth/session-user";

export type MediaProblemCode = "UNAUTHORIZED" | "BAD_REQUEST" | "NOT_FOUND" | "TOO_LARGE" | "EMPTY" | "RANGE_NOT_SATISFIABLE" | "UNSUPPORTED_TYPE";

/** Error bodies of the media routes: `{ error, code }`, never cached. */
export function mediaProblem(status: number, code: MediaProblemCode, message: string, headers: Record<string, string> = {}): Response {
  return Response.json({ error: message, code }, { status, headers: { "cache-control": "no-store", ...headers } });
}

export interface MediaCaller {
  id: number;
  role: "admin" | "user";
}

/** The session re-checked against the database, as every API call does: a locked account or old session gets null. */
export async function mediaCaller(session: SessionUser | null): Promise<MediaCaller | null> {
  if (!session) return null;
  const user = await db().user.findUnique({
    where: { id: session.id },
    select: { id: true, role: true, isActive: true, sessionVersion: true },
  });
  if (!user || !user.isActive || user.sessionVersion !== session.sessionVersion) return null;
  return { id: user.id, role: user.role };
}
