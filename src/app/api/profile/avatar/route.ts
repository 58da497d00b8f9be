import { getSessionUser } from "@/server/auth/session";
import { removeAvatarResponse, uploadAvatarResponse } from "@/server/services/users/avatar-http";

export const dynamic = "force-dynamic";

/** Upload the signed-in user's profile picture: raw image body, name in X-File-Name. */
export async function POST(request: Request) {
  return uploadAvatarResponse(await getSessionUser(), request);
}

/** Remove the signed-in user's profile picture. */
export async function DELETE() {
  return removeAvatarResponse(await getSessionUser());
}
