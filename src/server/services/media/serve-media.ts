import { stat } from "node:fs/promises";
import { Readable } from "node:stream";
import { INLINE_MIME_TYPES } from "@/lib/media/media-kinds";
import type { SessionUser } from "../../auth/session-user";
import { db } from "../../db";
import { mediaCaller, mediaProblem } from "./media-http";
import { mediaPath, openMedia } from "./media-store";

type ByteRange = { start: number; end: number };

/** One `bytes=a-b`, `bytes=a-` or `bytes=-n` range; null when absent, "invalid" when it cannot be served. */
export function parseRange(header: string | null, size: number): ByteRange | null | "invalid" {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === "" && match[2] === "")) return "invalid";
  if (match[1] === "") {
    const suffix = Number(match[2]);
    if (suffix === 0) return "invalid";
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === "" ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size || end < start) return "invalid";
  return { start, end };
}

function contentDisposition(inline: boolean, name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `${inline ? "inline" : "attachment"}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * GET /api/media/<id>[?download=1]: the bytes of a media file the caller owns or sees in one of their messages
 * (admins: any), with Range support so
 * audio and video can seek. Only images, audio and video WhatsApp sends are ever shown inline; everything else is a
 * download, and the sandbox CSP keeps even a mislabelled file from running script on our origin.
 */
export async function serveMediaResponse(session: SessionUser | null, rawId: string, request: Request): Promise<Response> {
  const caller = await mediaCaller(session);
  if (!caller) return mediaProblem(401, "UNAUTHORIZED", "Sign in first");
  if (!/^\d{1,10}$/.test(rawId)) return mediaProblem(400, "BAD_REQUEST", "Media id must be a number");
  // Whoever can see a message or scheduled message can open its file: after device.assign the messages (and so the
  // files shown in them) belong to the new owner, while the file row stays with the account that uploaded it.
  const visible =
    caller.role === "admin"
      ? {}
      : { OR: [{ ownerId: caller.id }, { messages: { some: { ownerId: caller.id } } }, { scheduled: { some: { ownerId: caller.id } } }] };
  const media = await db().mediaFile.findFirst({
    where: { id: Number(rawId), ...visible },
    select: { id: true, kind: true, mimeType: true, fileName: true, storageKey: true },
  });
  if (!media) return mediaProblem(404, "NOT_FOUND", "Media not found");
  const file = await stat(mediaPath(media.storageKey)).catch(() => null);
  if (!file) return mediaProblem(404, "NOT_FOUND", "The file is no longer stored on this server");

  const download = new URL(request.url).searchParams.get("download") === "1";
  const inline = !download && INLINE_MIME_TYPES.includes(media.mimeType.split(";")[0]!.trim());
  const headers: Record<string, string> = {
    "content-type": media.mimeType,
    "content-disposition": contentDisposition(inline, media.fileName ?? `${media.kind}-${media.id}`),
    "accept-ranges": "bytes",
    "cache-control": "private, max-age=86400",
    "x-content-type-options": "nosniff",
    "content-security-policy": "default-src 'none'; media-src 'self'; sandbox",
  };
  const range = parseRange(request.headers.get("range"), file.size);
  if (range === "invalid") return mediaProblem(416, "RANGE_NOT_SATISFIABLE", "Range not satisfiable", { "content-range": `bytes */${file.size}` });
  const body = (r?: ByteRange) => (request.method === "HEAD" ? null : (Readable.toWeb(openMedia(media.storageKey, r)) as ReadableStream<Uint8Array>));
  if (!range) return new Response(body(), { status: 200, headers: { ...headers, "content-length": String(file.size) } });
  return new Response(body(range), {
    status: 206,
    headers: { ...headers, "content-length": String(range.end - range.start + 1), "content-range": `bytes ${range.start}-${range.end}/${file.size}` },
  });
}
