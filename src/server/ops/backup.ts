import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { cp, mkdir, readdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { PassThrough, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import mariadb from "mariadb";
import { parseDatabaseUrl } from "../db/database-url";
import { MIGRATION_ROWS_SQL, migrationStatus, type MigrationRow } from "../db/migration-status";
import { MANIFEST_FILE, type BackupManifest } from "./backup-manifest";
import { findTool, runTool } from "./mariadb-tools";

export interface BackupOptions {
  databaseUrl: string;
  mediaDir: string;
  /** A new or empty folder. */
  outDir: string;
}

/**
 * Trigger definers name the account that created them (`root`@`localhost`); restoring as another account would then
 * need SUPER. Without the clause a trigger belongs to whoever restores it.
 */
function stripDefiners(): Transform {
  let carry = "";
  const strip = (text: string) => text.replace(/\/\*!50017 DEFINER=`[^`]*`@`[^`]*`\*\/\s*/g, "").replace(/DEFINER=`[^`]*`@`[^`]*`\s*/g, "");
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      const text = carry + chunk.toString("utf8");
      // Hold back the last partial line: a definer clause may be split across chunks.
      const cut = text.lastIndexOf("\n") + 1;
      carry = text.slice(cut);
      done(null, strip(text.slice(0, cut)));
    },
    flush(done) {
      done(null, strip(carry));
    },
  });
}

async function folderSize(dir: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files += 1;
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return { files, bytes };
}

/**
 * A consistent snapshot: the database as one transaction (mariadb-dump --single-transaction: InnoDB rows as of one
 * moment, without locking the app out), then the media folder, then manifest.json. Media is copied after the dump, so
 * every file a dumped row names is there (files are stored before their rows and kept while a row uses them).
 */
export async function backup(opts: BackupOptions): Promise<BackupManifest> {
  const db = parseDatabaseUrl(opts.databaseUrl);
  await mkdir(opts.outDir, { recursive: true });
  if ((await readdir(opts.outDir)).length > 0) throw new Error(`${opts.outDir} is not empty: back up into a new folder`);
  const dump = await findTool(["mariadb-dump", "mysqldump"]);

  const conn = await mariadb.createConnection(db);
  let rows: MigrationRow[];
  try {
    rows = (await conn.query(MIGRATION_ROWS_SQL)) as MigrationRow[];
  } finally {
    await conn.end();
  }
  const status = migrationStatus([], rows);
  if (status.failed) throw new Error(`Migration ${status.failed} failed and is unresolved: fix the database before backing it up`);

  const sqlPath = path.join(opts.outDir, "database.sql");
  const hash = createHash("sha256");
  let bytes = 0;
  const dumped = new PassThrough();
  const written = pipeline(
    dumped,
    stripDefiners(),
    new Transform({
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk);
        bytes += chunk.length;
        done(null, chunk);
      },
    }),
    createWriteStream(sqlPath, { flags: "wx" }),
  );
  await Promise.all([
    runTool(
      dump,
      db,
      ["--single-transaction", "--quick", "--hex-blob", "--routines", "--triggers", "--default-character-set=utf8mb4", "--skip-comments", db.database],
      { stdout: dumped },
    ),
    written,
  ]);

  const mediaOut = path.join(opts.outDir, "media");
  await mkdir(mediaOut);
  try {
    await cp(opts.mediaDir, mediaOut, {
      recursive: true,
      // Half-written uploads are not part of any message.
      filter: (source) => path.relative(opts.mediaDir, source).split(path.sep)[0] !== "tmp",
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }

  const manifest: BackupManifest = {
    format: 1,
    createdAt: new Date().toISOString(),
    database: { name: db.database, file: "database.sql", sha256: hash.digest("hex"), bytes },
    migrations: { latest: status.latest, applied: status.applied },
    media: { folder: "media", ...(await folderSize(mediaOut)) },
  };
  await writeFile(path.join(opts.outDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`, { flag: "wx" });
  return manifest;
}
