import { createHash, randomUUID } from "node:crypto";
import { createReadStream, createWriteStream, type ReadStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { once } from "node:events";
import { Mutex } from "async-mutex";
import { env } from "@/env";
import { globalSingleton } from "../../global-singleton";
import { sniffMimeType, SNIFF_BYTES } from "./sniff-mime-type";

export interface StoredBytes {
  storageKey: string;
  sha256: string;
  size: number;
  /** Sniffed from the bytes. */
  mimeType: string;
}

/** The bytes were larger than `limit` (which applies to `mimeType` once it was sniffed). */
export class MediaTooLargeError extends Error {
  constructor(
    readonly limit: number,
    readonly mimeType: string | null,
  ) {
    super(`The file is larger than ${limit} bytes`);
    this.name = "MediaTooLargeError";
  }
}

/** The bytes' SHA-256 differs from the one the sender announced. */
export class MediaIntegrityError extends Error {
  constructor() {
    super("The file's SHA-256 does not match");
    this.name = "MediaIntegrityError";
  }
}

export class EmptyMediaError extends Error {
  constructor() {
    super("The file is empty");
    this.name = "EmptyMediaError";
  }
}

export function mediaRoot(): string {
  return path.resolve(env().MEDIA_DIR);
}

/** Content-addressed: the same bytes are stored once however many messages or owners refer to them. */
function storageKeyOf(sha256: string): string {
  return `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}

export function mediaPath(storageKey: string): string {
  // Keys are made here from hex digests; refusing anything else keeps a bad row from reading outside the folder.
  if (!/^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}$/.test(storageKey)) throw new Error(`Invalid media storage key: ${storageKey}`);
  return path.join(mediaRoot(), storageKey);
}

/**
 * Serialises work on one stored file: putting bytes in place and recording a row that uses them, against the sweep
 * checking that no row uses them and deleting them. Process-wide (shared by the custom server and Next's bundle).
 */
export async function withStorageLock<T>(storageKey: string, work: () => Promise<T>): Promise<T> {
  const locks = globalSingleton("mediaStorageLocks", () => new Map<string, Mutex>());
  let lock = locks.get(storageKey);
  if (!lock) {
    lock = new Mutex();
    locks.set(storageKey, lock);
  }
  try {
    return await lock.runExclusive(work);
  } finally {
    if (!lock.isLocked()) locks.delete(storageKey);
  }
}

export function openMedia(storageKey: string, range?: { start: number; end: number }): ReadStream {
  return createReadStream(mediaPath(storageKey), range);
}

/**
 * Streams `source` into the media folder: hashed and counted on the way, the MIME type sniffed from the first bytes,
 * and refused as soon as it passes `limitFor(mimeType)` (or `maxBytes` before the type is known). Written to a temp
 * file first and renamed into place, so a crash or a refused upload never leaves a partial file under its hash;
 * `commit` records the row that uses the bytes while the sweep cannot delete them.
 */
export async function storeMediaStream<T>(
  source: AsyncIterable<Uint8Array>,
  opts: { maxBytes: number; limitFor: (mimeType: string) => number; expectSha256?: string },
  commit: (stored: StoredBytes) => Promise<T>,
): Promise<T> {
  const root = mediaRoot();
  const tmpDir = path.join(root, "tmp");
  await mkdir(tmpDir, { recursive: true });
  const tmpPath = path.join(tmpDir, randomUUID());
  const out = createWriteStream(tmpPath, { flags: "wx" });
  const hash = createHash("sha256");
  const head: Uint8Array[] = [];
  let headBytes = 0;
  let size = 0;
  let mimeType: string | null = null;
  let limit = opts.maxBytes;
  let sha256 = "";
  const sniff = async () => {
    mimeType = await sniffMimeType(Buffer.concat(head));
    limit = Math.min(opts.maxBytes, opts.limitFor(mimeType));
  };
  try {
    for await (const chunk of source) {
      size += chunk.byteLength;
      if (mimeType === null) {
        head.push(chunk);
        headBytes += chunk.byteLength;
        if (headBytes >= SNIFF_BYTES) await sniff();
      }
      if (size > limit) throw new MediaTooLargeError(limit, mimeType);
      hash.update(chunk);
      if (!out.write(chunk)) await once(out, "drain");
    }
    if (mimeType === null) await sniff();
    if (size === 0) throw new EmptyMediaError();
    if (size > limit) throw new MediaTooLargeError(limit, mimeType);
    sha256 = hash.digest("hex");
    if (opts.expectSha256 !== undefined && sha256 !== opts.expectSha256.toLowerCase()) throw new MediaIntegrityError();
    out.end();
    await once(out, "finish");
  } catch (error) {
    out.destroy();
    await rm(tmpPath, { force: true });
    throw error;
  }
  const storageKey = storageKeyOf(sha256);
  const finalPath = mediaPath(storageKey);
  const stored: StoredBytes = { storageKey, sha256, size, mimeType: mimeType ?? "application/octet-stream" };
  try {
    return await withStorageLock(storageKey, async () => {
      await mkdir(path.dirname(finalPath), { recursive: true });
      // Same bytes, same name: replacing an existing copy is harmless and keeps this atomic.
      await rename(tmpPath, finalPath);
      return commit(stored);
    });
  } finally {
    await rm(tmpPath, { force: true });
  }
}
