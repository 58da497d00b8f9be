import { downloadMediaMessage, normalizeMessageContent, type WAMessage, type WASocket } from "baileys";
import type { Logger } from "pino";

/** Extra fetch options for media downloads: in sandbox mode a dispatcher trusting the sandbox's own certificate. */
export type MediaRequestOptions = RequestInit;

/** What an incoming media message says about its file (the sender's word: sizes and types are checked on download). */
export interface IncomingMediaInfo {
  declaredMimeType: string | null;
  declaredSize: number | null;
  fileName: string | null;
  /** Hex SHA-256 of the plaintext as the sender announced it; Baileys does not check it, so we do. */
  sha256: string | null;
}

const DOWNLOAD_TIMEOUT_MS = 120_000;
const REUPLOAD_TIMEOUT_MS = 30_000;

function withDeadline<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
    timer.unref();
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/** The part of a message that describes its file (whichever media type it is). */
function mediaPartOf(message: WAMessage) {
  const content = normalizeMessageContent(message.message);
  return (
    content?.imageMessage ??
    content?.videoMessage ??
    content?.audioMessage ??
    content?.stickerMessage ??
    content?.documentMessage ??
    content?.documentWithCaptionMessage?.message?.documentMessage
  );
}

export function incomingMediaInfo(message: WAMessage): IncomingMediaInfo | null {
  const media = mediaPartOf(message);
  if (!media) return null;
  const length = media.fileLength;
  const size = length === null || length === undefined ? null : Number(length.toString());
  return {
    declaredMimeType: media.mimetype ?? null,
    declaredSize: Number.isFinite(size) ? size : null,
    fileName: "fileName" in media ? (media.fileName ?? null) : null,
    sha256: media.fileSha256 && media.fileSha256.length > 0 ? Buffer.from(media.fileSha256).toString("hex") : null,
  };
}

function httpStatusOf(error: unknown): number | undefined {
  const output = (error as { output?: { statusCode?: unknown } } | undefined)?.output;
  return typeof output?.statusCode === "number" ? output.statusCode : undefined;
}

/** The host the message's own URL names: after a re-upload the new direct path is fetched from the same CDN. */
function mediaHostOf(message: WAMessage): string | undefined {
  const url = mediaPartOf(message)?.url;
  try {
    return url ? new URL(url).host : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The decrypted bytes of an incoming media message as a stream. A file the CDN no longer has (404/410, old or
 * offline messages) is asked for again from the sender's phone, then fetched once more. Baileys' own retry in
 * downloadMediaMessage never fires: it reads `error.status`, and its download errors carry `output.statusCode`.
 */
export async function downloadIncomingMedia(
  message: WAMessage,
  sock: WASocket,
  opts: { requestOptions?: MediaRequestOptions; log: Logger },
): Promise<AsyncIterable<Uint8Array>> {
  const host = mediaHostOf(message);
  const download = (m: WAMessage) =>
    downloadMediaMessage(m, "stream", {
      ...(host ? { host } : {}),
      options: { ...opts.requestOptions, signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) },
    });
  try {
    return await download(message);
  } catch (error) {
    const status = httpStatusOf(error);
    if (status !== 404 && status !== 410) throw error;
    opts.log.info({ waMessageId: message.key.id, status }, "media gone from the CDN: asking the sender's phone to upload it again");
    // Baileys waits for the phone's answer without a timeout; a phone that never answers would hold the device's
    // inbound queue for good.
    const refreshed = await withDeadline(sock.updateMediaMessage(message), REUPLOAD_TIMEOUT_MS, "The sender's phone did not upload the file again in time");
    return download(refreshed);
  }
}
