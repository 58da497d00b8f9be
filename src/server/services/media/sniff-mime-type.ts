import { fileTypeFromBuffer } from "file-type";

/** How many leading bytes the sniffer looks at (Office files are zips whose telling entry may sit past 4 KB). */
export const SNIFF_BYTES = 64 * 1024;

const utf8 = new TextDecoder("utf-8", { fatal: true });

function looksLikeText(head: Uint8Array): boolean {
  if (head.length === 0 || head.includes(0)) return false;
  try {
    // A multi-byte character may be cut at the end of the sample: decode all but its last 3 bytes strictly.
    utf8.decode(head.length > 4 ? head.subarray(0, head.length - 3) : head);
    return true;
  } catch {
    return false;
  }
}

/**
 * The MIME type the bytes show, never the one a client claims: magic numbers first, then plain UTF-8 text, else
 * application/octet-stream.
 */
export async function sniffMimeType(head: Uint8Array): Promise<string> {
  const detected = await fileTypeFromBuffer(head);
  if (detected) return detected.mime;
  return looksLikeText(head) ? "text/plain" : "application/octet-stream";
}
