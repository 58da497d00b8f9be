import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Prisma } from "@/generated/prisma/client";
import { db } from "../../db";
import { mediaPath, mediaRoot, withStorageLock } from "./media-store";

export interface SweepResult {
  deletedRows: number;
  deletedFiles: number;
  deletedTempFiles: number;
}

const BATCH = 500;

/** Leftovers of uploads that a crash or a killed request cut off mid-stream. */
async function sweepTempFiles(olderThan: Date): Promise<number> {
  const dir = path.join(mediaRoot(), "tmp");
  const names = await readdir(dir).catch(() => [] as string[]);
  let deleted = 0;
  for (const name of names) {
    const file = path.join(dir, name);
    const info = await stat(file).catch(() => null);
    if (info && info.mtime < olderThan) {
      await rm(file, { force: true });
      deleted += 1;
    }
  }
  return deleted;
}

/**
 * Forgets files no message, scheduled message or bot rule uses and that are older than `unusedUploadMs`: uploads picked in a
 * form and then abandoned, and received media whose messages went with their device. Stored bytes go only with the
 * last row that refers to them (bytes are shared by content hash). The age also keeps the sweep away from a file
 * whose message is being stored right now.
 */
export async function sweepMedia(opts: { unusedUploadMs: number; tempFileMs?: number; now?: Date }): Promise<SweepResult> {
  const now = opts.now ?? new Date();
  const cutoff = new Date(now.getTime() - opts.unusedUploadMs);
  const result: SweepResult = { deletedRows: 0, deletedFiles: 0, deletedTempFiles: 0 };
  for (;;) {
    const rows = await db().$queryRaw<Array<{ id: number; storageKey: string }>>`
      SELECT f.id, f.storageKey FROM \`MediaFile\` f
       WHERE f.createdAt < ${cutoff}
         AND NOT EXISTS (SELECT 1 FROM \`Message\` m WHERE m.mediaId = f.id)
         AND NOT EXISTS (SELECT 1 FROM \`ScheduledMessage\` s WHERE s.mediaId = f.id)
         AND NOT EXISTS (SELECT 1 FROM \`BotRule\` r WHERE r.mediaId = f.id)
       ORDER BY f.id LIMIT ${BATCH}`;
    if (rows.length === 0) break;
    // Checked again in the delete itself: a send may have started using one of them since the select.
    const deleted = await db().$executeRaw`
      DELETE f FROM \`MediaFile\` f
       WHERE f.id IN (${Prisma.join(rows.map((r) => r.id))})
         AND NOT EXISTS (SELECT 1 FROM \`Message\` m WHERE m.mediaId = f.id)
         AND NOT EXISTS (SELECT 1 FROM \`ScheduledMessage\` s WHERE s.mediaId = f.id)
         AND NOT EXISTS (SELECT 1 FROM \`BotRule\` r WHERE r.mediaId = f.id)`;
    result.deletedRows += deleted;
    for (const storageKey of new Set(rows.map((r) => r.storageKey))) {
      const removed = await withStorageLock(storageKey, async () => {
        if (await db().mediaFile.findFirst({ where: { storageKey }, select: { id: true } })) return false;
        await rm(mediaPath(storageKey), { force: true });
        return true;
      });
      if (removed) result.deletedFiles += 1;
    }
    if (rows.length < BATCH) break;
  }
  result.deletedTempFiles = await sweepTempFiles(new Date(now.getTime() - (opts.tempFileMs ?? 3600_000)));
  return result;
}
