import { db } from "../../src/server/db";
import { uploadMediaResponse } from "../../src/server/services/media/upload-media";
import type { TestUser } from "./actors";

/** POST /api/media's handler as `user` (null = anonymous), with the body streamed like a browser sends it. */
export async function uploadAs(
  user: TestUser | null,
  bytes: Uint8Array,
  opts: { name?: string | null; type?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  const session = user
    ? { id: user.id, role: user.role, sessionVersion: (await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { sessionVersion: true } })).sessionVersion }
    : null;
  const headers: Record<string, string> = { "content-type": opts.type ?? "application/octet-stream", ...opts.headers };
  if (opts.name !== null) headers["x-file-name"] = encodeURIComponent(opts.name ?? "file.bin");
  return uploadMediaResponse(session, new Request("http://app.test/api/media", { method: "POST", body: bytes, headers, duplex: "half" } as RequestInit));
}

/** Uploads and returns the new media id; fails the test unless the upload was accepted. */
export async function uploadedMediaId(user: TestUser, bytes: Uint8Array, name: string): Promise<number> {
  const res = await uploadAs(user, bytes, { name });
  if (res.status !== 201) throw new Error(`upload refused (${res.status}): ${await res.text()}`);
  return ((await res.json()) as { id: number }).id;
}
