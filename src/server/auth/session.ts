import { getServerSession } from "next-auth";
import type { SessionUser } from "./session-user";
import { authOptions } from "./config";

/** The decoded JWT session (not re-checked against the database: procedures and page guards do that). */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions);
  if (!session?.user) return null;
  return { id: session.user.id, role: session.user.role, sessionVersion: session.user.sessionVersion };
}
