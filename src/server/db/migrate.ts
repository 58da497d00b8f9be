import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import mariadb from "mariadb";
import { parseDatabaseUrl } from "./database-url";

/**
 * Applies prisma/migrations/<name>/migration.sql with `prisma migrate deploy` semantics, writing Prisma's own
 * `_prisma_migrations` rows, so the same folder also works with the real Prisma CLI where its native engine exists
 * (it cannot be downloaded on our machines — STACK.md §6).
 */
export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
}

const MIGRATIONS_TABLE_DDL = `CREATE TABLE IF NOT EXISTS _prisma_migrations (
  id VARCHAR(36) PRIMARY KEY NOT NULL,
  checksum VARCHAR(64) NOT NULL,
  finished_at DATETIME(3),
  migration_name VARCHAR(255) NOT NULL,
  logs TEXT,
  rolled_back_at DATETIME(3),
  started_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  applied_steps_count INTEGER UNSIGNED NOT NULL DEFAULT 0
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`;

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

export function migrationChecksum(sql: string): string {
  // Prisma accepts a file with either line ending: normalise so a CRLF checkout does not look modified.
  return createHash("sha256").update(sql.replace(/\r\n/g, "\n")).digest("hex");
}

/** Splits a migration into statements on `;` at line ends, ignoring `--` comment lines. */
export function splitStatements(sql: string): string[] {
  const withoutComments = sql
    .replace(/\r\n/g, "\n")
    .split("\n")
    .filter((line) => !line.trim().startsWith("--"))
    .join("\n");
  return withoutComments
    .split(/;\s*\n/)
    .map((s) => s.trim().replace(/;$/, ""))
    .filter((s) => s.length > 0);
}

/**
 * GET_LOCK names are global to the MariaDB server, so the lock carries the database name: parallel suites on their own
 * databases must not wait on each other. Names longer than 64 characters are refused, hence the hash for long ones.
 */
export function migrationLockName(database: string): string {
  const name = `prisma_migrate:${database}`;
  return name.length <= 64 ? name : `prisma_migrate:${createHash("sha256").update(database).digest("hex").slice(0, 40)}`;
}

export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const opts = parseDatabaseUrl(databaseUrl);
  const conn = await mariadb.createConnection({ host: opts.host, port: opts.port, user: opts.user, password: opts.password });
  try {
    await conn.query(`CREATE DATABASE IF NOT EXISTS \`${opts.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await conn.end();
  }
}

export async function migrate(databaseUrl: string, migrationsDir: string): Promise<MigrateResult> {
  await ensureDatabase(databaseUrl);
  const opts = parseDatabaseUrl(databaseUrl);
  const conn = await mariadb.createConnection({ ...opts, multipleStatements: false });
  const lockName = migrationLockName(opts.database);
  try {
    const [lock] = (await conn.query("SELECT GET_LOCK(?, 10) AS l", [lockName])) as Array<{ l: number | bigint | null }>;
    if (Number(lock?.l) !== 1) throw new Error("Could not take the migration lock (another migrate is running)");
    await conn.query(MIGRATIONS_TABLE_DDL);
    const rows = (await conn.query(
      "SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations",
    )) as MigrationRow[];
    const failed = rows.find((r) => r.finished_at === null && r.rolled_back_at === null);
    if (failed) {
      throw new Error(
        `Migration ${failed.migration_name} failed earlier and blocks further migrations; fix the database and mark it rolled back or applied.`,
      );
    }
    const done = new Map(rows.filter((r) => r.finished_at !== null).map((r) => [r.migration_name, r.checksum]));
    const names = (await readdir(migrationsDir, { withFileTypes: true }))
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    const applied: string[] = [];
    for (const name of names) {
      const sql = await readFile(path.join(migrationsDir, name, "migration.sql"), "utf8");
      const checksum = migrationChecksum(sql);
      const previous = done.get(name);
      if (previous !== undefined) {
        if (previous !== checksum) console.warn(`[migrate] ${name} was modified after it was applied`);
        continue;
      }
      const id = randomUUID();
      await conn.query("INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at) VALUES (?, ?, ?, NOW(3))", [
        id,
        checksum,
        name,
      ]);
      let steps = 0;
      try {
        for (const statement of splitStatements(sql)) {
          await conn.query(statement);
          steps += 1;
        }
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await conn.query("UPDATE _prisma_migrations SET logs = ?, applied_steps_count = ? WHERE id = ?", [message, steps, id]);
        throw new Error(`Migration ${name} failed at statement ${steps + 1}: ${message}`);
      }
      await conn.query("UPDATE _prisma_migrations SET finished_at = NOW(3), applied_steps_count = ? WHERE id = ?", [steps, id]);
      applied.push(name);
    }
    return { applied, alreadyApplied: done.size };
  } finally {
    await conn.query("SELECT RELEASE_LOCK(?)", [lockName]).catch(() => undefined);
    await conn.end();
  }
}
