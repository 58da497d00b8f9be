import { cache } from "react";
import { redirect } from "next/navigation";
import { env } from "@/env";
import { getSessionUser } from "@/server/auth/session";
import { db } from "@/server/db";

export interface Viewer {
  id: number;
  username: string;
  email: string;
  fullName: string | null;
  role: "admin" | "user";
  /** The profile picture's URL, or null for initials. */
  avatar: string | null;
  /** An admin set the password: the app is closed until the user picks their own. */
  mustChangePassword: boolean;
}

/**
 * The signed-in account, re-checked against the database: a locked account or a password change (sessionVersion)
 * ends the session at once, exactly as the API does. Cached per request.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await getSessionUser();
  if (!session) return null;
  const user = await db().user.findUnique({
    where: { id: session.id },
    select: { id: true, username: true, email: true, fullName: true, role: true, isActive: true, sessionVersion: true, avatar: true, mustChangePassword: true },
  });
  if (!user || !user.isActive || user.sessionVersion !== session.sessionVersion) return null;
  return {
    id: user.id,
    username: user.username,
    email: user.email,
    fullName: user.fullName,
    role: user.role,
    avatar: user.avatar,
    mustChangePassword: user.mustChangePassword,
  };
});

export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect("/auth/login");
  if (viewer.mustChangePassword) redirect("/auth/change-password");
  return viewer;
}

export function isSandboxMode(): boolean {
  return env().WA_MODE === "sandbox";
}
