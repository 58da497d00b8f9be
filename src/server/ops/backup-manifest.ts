import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";

/** manifest.json of a backup folder; written last, so a folder without it is an unfinished backup. */
export const backupManifestSchema = z.object({
  format: z.literal(1),
  createdAt: z.string(),
  database: z.object({ name: z.string(), file: z.literal("database.sql"), sha256: z.string().regex(/^[0-9a-f]{64}$/), bytes: z.number().int() }),
  migrations: z.object({ latest: z.string().nullable(), applied: z.array(z.string()) }),
  media: z.object({ folder: z.literal("media"), files: z.number().int(), bytes: z.number().int() }),
});

export type BackupManifest = z.infer<typeof backupManifestSchema>;

export const MANIFEST_FILE = "manifest.json";

export async function readManifest(backupDir: string): Promise<BackupManifest> {
  let raw: string;
  try {
    raw = await readFile(path.join(backupDir, MANIFEST_FILE), "utf8");
  } catch {
    throw new Error(`${backupDir} has no ${MANIFEST_FILE}: not a backup folder, or the backup did not finish`);
  }
  const parsed = backupManifestSchema.safeParse(JSON.parse(raw));
  if (!parsed.success) throw new Error(`${MANIFEST_FILE} is not a Switchboard backup manifest: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}
