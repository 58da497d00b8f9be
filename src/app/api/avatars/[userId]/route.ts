import { getSessionUser } from "@/server/auth/session";
import { serveAvatarResponse } from "@/server/services/users/avatar-http";

export const dynamic = "force-dynamic";

/** A user's profile picture (their own, or anyone's for admins). */
export async function GET(_request: Request, { params }: { params: Promise<{ userId: string }> }) {
  return serveAvatarResponse(await getSessionUser(), (await params).userId);
}
