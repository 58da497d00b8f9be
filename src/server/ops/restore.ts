import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { cp, mkdir, readdir } from "node:fs/promises";
import path from "node:path";
import mariadb from "mariadb";
import { parseDatabaseUrl } from "../db/database-url";
import { ensureDatabase } from "../db/migrate";
import { migrationNames } from "../db/migration-status";
import { readManifest, type BackupManifest } from "./backup-manifest";
import { findTool, runTool } from "./mariadb-tools";

export interface RestoreOptions {
  backupDir: string;
  databaseUrl: string;
  mediaDir: string;
  migrationsDir: string;
}

export interface RestoreResult {
  manifest: BackupManifest;
  /** Migrations this app has that the backup predates: apply them (`npm run db:migrate` or AUTO_MIGRATE). */
  pendingMigrations: string[];
}

async function sha256(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

async function isEmptyFolder(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return true;
    throw error;
  }
}

/**
 * Brings a backup folder back into an EMPTY database and an empty (or missing) media folder. Everything is checked
 * before anything is written: the manifest and dump checksum, that this app knows every migration the backup has,
 * and that neither target holds data — restoring over a live instance would mix two histories.
 */
export async function restore(opts: RestoreOptions): Promise<RestoreResult> {
  const manifest = await readManifest(opts.backupDir);
  const sqlPath = path.join(opts.backupDir, manifest.database.file);
  if ((await sha256(sqlPath)) !== manifest.database.sha256) throw new Error(`${sqlPath} does not match its checksum in the manifest: the backup is damaged`);

  const known = await migrationNames(opts.migrationsDir);
  const unknown = manifest.migrations.applied.filter((name) => !known.includes(name));
  if (unknown.length) {
    throw new Error(`The backup comes from a newer version (migrations ${unknown.join(", ")} are unknown here): upgrade the app first`);
  }

  const db = parseDatabaseUrl(opts.databaseUrl);
  await ensureDatabase(opts.databaseUrl);
  const conn = await mariadb.createConnection(db);
  try {
    const [row] = (await conn.query("SELECT COUNT(*) AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?", [db.database])) as Array<{ n: bigint | number }>;
    if (Number(row?.n) > 0) throw new Error(`The database ${db.database} is not empty: restore into an empty database`);
  } finally {
    await conn.end();
  }
  if (!(await isEmptyFolder(opts.mediaDir))) throw new Error(`The media folder ${opts.mediaDir} is not empty: restore into an empty folder`);

  const client = await findTool(["mariadb", "mysql"]);
  await runTool(client, db, ["--default-character-set=utf8mb4", db.database], { stdin: createReadStream(sqlPath) });
  await mkdir(opts.mediaDir, { recursive: true });
  await cp(path.join(opts.backupDir, manifest.media.folder), opts.mediaDir, { recursive: true });
  return { manifest, pendingMigrations: known.filter((name) => !manifest.migrations.applied.includes(name)) };
}
