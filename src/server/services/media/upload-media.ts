import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import type { SessionUser } from "../../auth/session-user";
import { db } from "../../db";
import { logger } from "../../logger";
import { mediaKindOf } from "@/lib/media/media-kinds";
import { mediaCaller, mediaProblem } from "./media-http";
import { largestMediaLimit, mediaLimits } from "./media-limits";
import { EmptyMediaError, MediaTooLargeError, storeMediaStream } from "./media-store";

const MIB = 1024 * 1024;

/** The browser sends the name URI-encoded in a header; keep only a plain base name a phone can show. */
export function cleanFileName(raw: string | null): string | null {
  if (raw === null) return null;
  let name: string;
  try {
    name = decodeURIComponent(raw);
  } catch {
    name = raw;
  }
  name = [...name]
    .filter((char) => char.charCodeAt(0) >= 0x20 && char.charCodeAt(0) !== 0x7f)
    .join("")
    .split(/[\\/]/)
    .pop()!
    .trim();
  if (!name || name === "." || name === "..") return null;
  return name.length > 255 ? name.slice(0, 255) : name;
}

/** "16 MB", or "51 KB" under a megabyte: how limits are said in refusals. */
export function formatLimit(bytes: number): string {
  return bytes >= MIB ? `${Math.round((bytes / MIB) * 10) / 10} MB` : `${Math.round(bytes / 1024)} KB`;
}

function tooLarge(limit: number, mimeType: string | null): Response {
  const kind = mimeType ? mediaKindOf(mimeType) : null;
  const size = formatLimit(limit);
  return mediaProblem(
    413,
    "TOO_LARGE",
    kind ? `This ${kind} is too large: the limit for ${kind} files is ${size}` : `The file is too large: the limit is ${size}`,
  );
}

/**
 * POST /api/media: the raw file as the body, its name in `X-File-Name` (URI-encoded). Streams to disk with per-kind
 * limits and answers `{ id, kind, mimeType, size, fileName, sha256 }`. The MIME type is sniffed from the bytes; the
 * client's Content-Type is ignored. The custom header also keeps cross-site forms out (it forces a CORS preflight).
 */
export async function uploadMediaResponse(session: SessionUser | null, request: Request): Promise<Response> {
  const caller = await mediaCaller(session);
  if (!caller) return mediaProblem(401, "UNAUTHORIZED", "Sign in first");
  const rawName = request.headers.get("x-file-name");
  if (rawName === null) return mediaProblem(400, "BAD_REQUEST", "Send the file name in the X-File-Name header");
  const maxBytes = largestMediaLimit();
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) return tooLarge(maxBytes, null);
  if (!request.body) return mediaProblem(400, "EMPTY", "The file is empty");

  const limits = mediaLimits();
  const fileName = cleanFileName(rawName);
  let row;
  try {
    row = await storeMediaStream(
      Readable.fromWeb(request.body as WebReadableStream<Uint8Array>),
      { maxBytes, limitFor: (mimeType) => limits[mediaKindOf(mimeType)] },
      (stored) =>
        db().mediaFile.create({
          data: {
            ownerId: caller.id,
            kind: mediaKindOf(stored.mimeType),
            mimeType: stored.mimeType,
            size: stored.size,
            sha256: stored.sha256,
            fileName,
            storageKey: stored.storageKey,
            source: "upload",
          },
          select: { id: true, kind: true, mimeType: true, size: true, fileName: true, sha256: true },
        }),
    );
  } catch (error) {
    if (error instanceof MediaTooLargeError) return tooLarge(error.limit, error.mimeType);
    if (error instanceof EmptyMediaError) return mediaProblem(400, "EMPTY", "The file is empty");
    throw error;
  }
  logger().info({ userId: caller.id, mediaId: row.id, kind: row.kind, size: row.size }, "media uploaded");
  return Response.json(row, { status: 201, headers: { "cache-control": "no-store" } });
}
