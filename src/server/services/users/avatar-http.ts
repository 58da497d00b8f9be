import type { SessionUser } from "../../auth/session-user";
import { mediaCaller, mediaProblem } from "../media/media-http";
import { formatLimit } from "../media/upload-media";
import { AvatarError, avatarUploadLimit, readAvatar, removeAvatar, setAvatar } from "./profile-avatar";

/** Reads at most `limit` bytes of the body; null when it is longer (the rest is not read). */
async function readCapped(body: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array | null> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function problemResponse(error: AvatarError): Response {
  const { problem } = error;
  switch (problem.code) {
    case "TOO_LARGE":
      return mediaProblem(413, "TOO_LARGE", `This image is too large: the limit for images is ${formatLimit(problem.limit)}`);
    case "EMPTY":
      return mediaProblem(400, "EMPTY", "The file is empty");
    case "UNSUPPORTED_TYPE":
      return mediaProblem(415, "UNSUPPORTED_TYPE", "A profile picture must be a JPEG, PNG, WebP or GIF image");
    case "UNREADABLE":
      return mediaProblem(400, "BAD_REQUEST", "This image could not be read; try another file");
  }
}

/**
 * POST /api/profile/avatar: the image as the raw body, its name in `X-File-Name` (a custom header: it forces a CORS
 * preflight, which keeps cross-site forms out, as on POST /api/media). Answers `{ avatar }`, the new URL.
 */
export async function uploadAvatarResponse(session: SessionUser | null, request: Request): Promise<Response> {
  const caller = await mediaCaller(session);
  if (!caller) return mediaProblem(401, "UNAUTHORIZED", "Sign in first");
  if (request.headers.get("x-file-name") === null) return mediaProblem(400, "BAD_REQUEST", "Send the file name in the X-File-Name header");
  const limit = avatarUploadLimit();
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > limit) return problemResponse(new AvatarError({ code: "TOO_LARGE", limit }));
  if (!request.body) return mediaProblem(400, "EMPTY", "The file is empty");
  const bytes = await readCapped(request.body, limit);
  if (!bytes) return problemResponse(new AvatarError({ code: "TOO_LARGE", limit }));
  try {
    const avatar = await setAvatar(caller.id, bytes);
    return Response.json({ avatar }, { status: 201, headers: { "cache-control": "no-store" } });
  } catch (error) {
    if (error instanceof AvatarError) return problemResponse(error);
    throw error;
  }
}

/** DELETE /api/profile/avatar: back to initials. */
export async function removeAvatarResponse(session: SessionUser | null): Promise<Response> {
  const caller = await mediaCaller(session);
  if (!caller) return mediaProblem(401, "UNAUTHORIZED", "Sign in first");
  await removeAvatar(caller.id);
  return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
}

/** GET /api/avatars/:userId — the owner's or (for admins) anyone's picture; another user's is NOT_FOUND, as if missing. */
export async function serveAvatarResponse(session: SessionUser | null, rawUserId: string): Promise<Response> {
  const caller = await mediaCaller(session);
  if (!caller) return mediaProblem(401, "UNAUTHORIZED", "Sign in first");
  const userId = /^[1-9]\d{0,9}$/.test(rawUserId) ? Number(rawUserId) : NaN;
  const stored = Number.isSafeInteger(userId) ? await readAvatar(caller, userId) : null;
  if (!stored) return mediaProblem(404, "NOT_FOUND", "No profile picture");
  return new Response(new Uint8Array(stored.image), {
    status: 200,
    headers: {
      "content-type": stored.mimeType,
      "content-length": String(stored.image.length),
      // The URL carries a version that changes with every upload; private: only this signed-in browser may keep it.
      "cache-control": "private, max-age=31536000, immutable",
      "last-modified": stored.updatedAt.toUTCString(),
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
    },
  });
}
