import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import mariadb from "mariadb";
import { afterAll, describe, expect, it } from "vitest";
import { findDrift } from "../../../scripts/db/drift";
import { parseDatabaseUrl } from "../../../src/server/db/database-url";
import { migrate, migrationChecksum, migrationLockName } from "../../../src/server/db/migrate";
import { TEST_DATABASE_URL } from "../../helpers/test-env";

const root = path.resolve(import.meta.dirname, "../../..");
const migrationsDir = path.join(root, "prisma/migrations");
const schemaPath = path.join(root, "prisma/schema.prisma");
const scratchUrl = TEST_DATABASE_URL.replace(/\/([^/]+)$/, "/$1_scratch");
const opts = parseDatabaseUrl(scratchUrl);

async function withConnection<T>(fn: (conn: mariadb.Connection) => Promise<T>): Promise<T> {
  const conn = await mariadb.createConnection({ host: opts.host, port: opts.port, user: opts.user, password: opts.password });
  try {
    return await fn(conn);
  } finally {
    await conn.end();
  }
}

const dropScratch = () => withConnection((c) => c.query(`DROP DATABASE IF EXISTS \`${opts.database}\``));

afterAll(dropScratch);

describe("migrations", () => {
  it("the migrated test database matches schema.prisma (no drift)", async () => {
    expect(await findDrift(TEST_DATABASE_URL, schemaPath)).toEqual([]);
  });

  it("records Prisma-compatible rows and applies nothing the second time", async () => {
    await dropScratch();
    const first = await migrate(scratchUrl, migrationsDir);
    expect(first.applied.length).toBeGreaterThan(0);
    const second = await migrate(scratchUrl, migrationsDir);
    expect(second.applied).toEqual([]);
    const rows = await withConnection((c) =>
      c.query(`SELECT migration_name, checksum, finished_at, applied_steps_count FROM \`${opts.database}\`._prisma_migrations`),
    );
    expect(rows).toHaveLength(first.applied.length);
    expect(rows[0].checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0].finished_at).toBeInstanceOf(Date);
    expect(rows[0].applied_steps_count).toBeGreaterThan(0);
  });

  it("the migration lock is scoped to its database: a migrate elsewhere on the server does not block this one", async () => {
    await dropScratch();
    const otherLock = migrationLockName(`${opts.database}_other`);
    expect(otherLock).not.toBe(migrationLockName(opts.database));
    expect(migrationLockName("x".repeat(80)).length).toBeLessThanOrEqual(64);
    const holder = await mariadb.createConnection({ host: opts.host, port: opts.port, user: opts.user, password: opts.password });
    try {
      // Another database's migration (and the old server-wide name) holding their locks must not make this one wait.
      await holder.query("SELECT GET_LOCK(?, 0), GET_LOCK('prisma_migrate', 0)", [otherLock]);
      const result = await migrate(scratchUrl, migrationsDir);
      expect(result.applied.length).toBeGreaterThan(0);
      const [held] = await holder.query("SELECT IS_USED_LOCK(?) AS mine", [migrationLockName(opts.database)]);
      expect(held.mine).toBeNull();
    } finally {
      await holder.end();
    }
  });

  it("checksums ignore CRLF line endings", () => {
    expect(migrationChecksum("a;\r\nb;\r\n")).toBe(migrationChecksum("a;\nb;\n"));
  });

  it("reports drift in types, nullability, unique indexes, foreign keys and extra columns", async () => {
    await dropScratch();
    await migrate(scratchUrl, migrationsDir);
    await withConnection(async (c) => {
      await c.query(`USE \`${opts.database}\``);
      await c.query("ALTER TABLE Contact MODIFY name VARCHAR(100) NULL");
      await c.query("ALTER TABLE Device DROP INDEX Device_deviceId_key");
      await c.query("ALTER TABLE Message DROP FOREIGN KEY Message_jobItemId_fkey");
      await c.query("ALTER TABLE Tag ADD COLUMN legacy INT NULL");
    });
    const problems = await findDrift(scratchUrl, schemaPath);
    expect(problems).toEqual(
      expect.arrayContaining([
        "Contact.name has type varchar(100), schema says varchar(191)",
        "Contact.name is nullable, schema says NOT NULL",
        "Device: unique Device_deviceId_key(deviceId) is missing",
        expect.stringContaining("Message: foreign key Message_jobItemId_fkey(jobItemId) -> JobItem(id)"),
        "Tag.legacy exists but is not in the schema",
      ]),
    );
  });

  it("fills ChatThread from the messages stored before its migration, and keeps it from then on", async () => {
    await dropScratch();
    const dir = await mkdtemp(path.join(tmpdir(), "sb-migrations-"));
    await cp(migrationsDir, dir, { recursive: true });
    // The chat_threads migration and every later one (they build on ChatThread) are held back, then applied.
    const heldBack = (await readdir(dir)).filter((name) => name >= "20261130010000_chat_threads" && /^\d{14}_/.test(name)).sort();
    const later = path.join(tmpdir(), `sb-later-${Date.now()}`);
    for (const name of heldBack) {
      await cp(path.join(dir, name), path.join(later, name), { recursive: true });
      await rm(path.join(dir, name), { recursive: true });
    }
    await migrate(scratchUrl, dir);
    const insertMessage = (c: mariadb.Connection, chatJid: string, at: string) =>
      c.query(
        "INSERT INTO Message (deviceId, ownerId, chatJid, fromJid, toJid, direction, `timestamp`, updatedAt) VALUES (1, 1, ?, ?, '', 'incoming', ?, NOW(3))",
        [chatJid, chatJid, at],
      );
    await withConnection(async (c) => {
      await c.query(`USE \`${opts.database}\``);
      await c.query("INSERT INTO User (id, username, email, passwordHash, updatedAt) VALUES (1, 'u', 'u@example.test', 'x', NOW(3))");
      await c.query("INSERT INTO Device (id, deviceId, deviceName, ownerId, updatedAt) VALUES (1, 'd-1', 'D', 1, NOW(3))");
      await insertMessage(c, "a@s.whatsapp.net", "2026-03-10 10:00:00");
      await insertMessage(c, "a@s.whatsapp.net", "2026-03-10 12:00:00");
      await insertMessage(c, "b@s.whatsapp.net", "2026-03-10 11:00:00");
    });
    for (const name of heldBack) await cp(path.join(later, name), path.join(dir, name), { recursive: true });
    expect((await migrate(scratchUrl, dir)).applied).toEqual(heldBack);
    expect(heldBack[0]).toBe("20261130010000_chat_threads");
    const threads = await withConnection(async (c) => {
      await c.query(`USE \`${opts.database}\``);
      await insertMessage(c, "b@s.whatsapp.net", "2026-03-10 13:00:00");
      return c.query("SELECT chatJid, DATE_FORMAT(lastAt, '%H:%i') AS lastAt FROM ChatThread ORDER BY chatJid");
    });
    expect(threads).toEqual([
      { chatJid: "a@s.whatsapp.net", lastAt: "12:00" },
      { chatJid: "b@s.whatsapp.net", lastAt: "13:00" },
    ]);
  });

  it("a failed migration is recorded and blocks the next run until resolved", async () => {
    await dropScratch();
    const dir = await mkdtemp(path.join(tmpdir(), "sb-migrations-"));
    await cp(migrationsDir, dir, { recursive: true });
    await mkdir(path.join(dir, "29990101000000_broken"));
    await writeFile(path.join(dir, "29990101000000_broken", "migration.sql"), "CREATE TABLE ok_table (id INT);\nTHIS IS NOT SQL;\n");
    await expect(migrate(scratchUrl, dir)).rejects.toThrow(/29990101000000_broken failed at statement 2/);
    await expect(migrate(scratchUrl, dir)).rejects.toThrow(/blocks further migrations/);
    const [row] = await withConnection((c) =>
      c.query(`SELECT finished_at, logs, applied_steps_count FROM \`${opts.database}\`._prisma_migrations WHERE migration_name = '29990101000000_broken'`),
    );
    expect(row.finished_at).toBeNull();
    expect(row.logs).toContain("SQL syntax");
    expect(row.applied_steps_count).toBe(1);
  });
});
