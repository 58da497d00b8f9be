import sharp from "sharp";
import { db } from "../../db";
import { logger } from "../../logger";
import { mediaLimits } from "../media/media-limits";
import { SNIFF_BYTES, sniffMimeType } from "../media/sniff-mime-type";

/** Edge of the stored square, in pixels: twice the largest place it is shown (the admin list, at 2× density). */
export const AVATAR_SIZE = 256;
/** Types sharp decodes that browsers and phones also make; anything else (SVG above all: it can carry script) is refused. */
const ACCEPTED = new Set(["image/jpeg", "image/png", "image/webp", "image/gif"]);
/** A decompression bomb (a tiny file that decodes to gigapixels) stops here rather than eating the server's memory. */
const MAX_INPUT_PIXELS = 50_000_000;

export type AvatarProblem =
  | { code: "TOO_LARGE"; limit: number }
  | { code: "EMPTY" }
  | { code: "UNSUPPORTED_TYPE"; mimeType: string }
  | { code: "UNREADABLE" };

export class AvatarError extends Error {
  constructor(readonly problem: AvatarProblem) {
    super(problem.code);
    this.name = "AvatarError";
  }
}

/** The image size limit (MEDIA_MAX_IMAGE_MB), the same one that applies to photos sent in messages. */
export function avatarUploadLimit(): number {
  return mediaLimits().image;
}

/** The URL the app shows the picture with; the version changes with each upload, so it can be cached for good. */
export function avatarUrl(userId: number, updatedAt: Date): string {
  return `/api/avatars/${userId}?v=${updatedAt.getTime().toString(36)}`;
}

/**
 * Checks an uploaded profile picture (type from its bytes, never from the client; size limit; decodable), scales it to
 * a centred square WebP, stores it and points User.avatar at it. Returns the new URL.
 */
export async function setAvatar(userId: number, bytes: Uint8Array): Promise<string> {
  if (bytes.length === 0) throw new AvatarError({ code: "EMPTY" });
  const limit = avatarUploadLimit();
  if (bytes.length > limit) throw new AvatarError({ code: "TOO_LARGE", limit });
  const mimeType = await sniffMimeType(bytes.subarray(0, SNIFF_BYTES));
  if (!ACCEPTED.has(mimeType)) throw new AvatarError({ code: "UNSUPPORTED_TYPE", mimeType });
  let image: Buffer;
  try {
    image = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, animated: false })
      .rotate() // honour the camera's EXIF orientation before cropping
      .resize(AVATAR_SIZE, AVATAR_SIZE, { fit: "cover", position: "attention" })
      .webp({ quality: 82 })
      .toBuffer();
  } catch (error) {
    logger().info({ userId, err: error }, "profile picture could not be decoded");
    throw new AvatarError({ code: "UNREADABLE" });
  }
  const url = await db().$transaction(async (tx) => {
    const stored = await tx.userAvatar.upsert({
      where: { userId },
      create: { userId, image: new Uint8Array(image), mimeType: "image/webp" },
      update: { image: new Uint8Array(image), mimeType: "image/webp" },
      select: { updatedAt: true },
    });
    const next = avatarUrl(userId, stored.updatedAt);
    await tx.user.update({ where: { id: userId }, data: { avatar: next } });
    return next;
  });
  logger().info({ userId, size: image.length }, "profile picture updated");
  return url;
}

export async function removeAvatar(userId: number): Promise<void> {
  await db().$transaction([
    db().userAvatar.deleteMany({ where: { userId } }),
    db().user.update({ where: { id: userId }, data: { avatar: null } }),
  ]);
}

/** The stored picture, for its owner or an admin; null when there is none or the caller may not see it. */
export async function readAvatar(caller: { id: number; role: "admin" | "user" }, userId: number) {
  if (caller.role !== "admin" && caller.id !== userId) return null;
  return db().userAvatar.findUnique({ where: { userId }, select: { image: true, mimeType: true, updatedAt: true } });
}
