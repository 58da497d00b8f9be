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

export function incomingMediaInfo(message: WAMessage): IncomingMediaInfo | null {
  const content = normalizeMessageContent(message.message);
  const media =
    content?.imageMessage ??
    content?.videoMessage ??
    content?.audioMessage ??
    content?.stickerMessage ??
    content?.documentMessage ??
    content?.documentWithCaptionMessage?.message?.documentMessage;
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

/**
 * The decrypted bytes of an incoming media message as a stream. An expired file (404/410) is asked for again from
 * the sender's phone through the socket (Baileys' reupload request).
 */
export function downloadIncomingMedia(
  message: WAMessage,
  sock: WASocket,
  opts: { requestOptions?: MediaRequestOptions; log: Logger },
): Promise<AsyncIterable<Uint8Array>> {
  return downloadMediaMessage(
    message,
    "stream",
    { options: { ...opts.requestOptions, signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) } },
    // Baileys waits for the phone's answer to a reupload request without a timeout; a phone that never answers
    // would otherwise hold the device's inbound queue for good.
    { reuploadRequest: (m) => withDeadline(sock.updateMediaMessage(m), REUPLOAD_TIMEOUT_MS, "The sender's phone did not upload the file again"), logger: opts.log },
  );
}
