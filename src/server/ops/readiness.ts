import path from "node:path";
import { db } from "../db";
import { MIGRATION_ROWS_SQL, migrationNames, migrationStatus, type MigrationRow } from "../db/migration-status";
import { findConnectionManager } from "../whatsapp/registry";
import { restoreState, type RestoreState } from "../whatsapp/restore-state";

export interface Readiness {
  ready: boolean;
  database: "ok" | "unreachable";
  migrations: { pending: string[]; failed: string | null; latest: string | null } | null;
  whatsapp: RestoreState & { running: boolean };
}

let available: Promise<string[]> | undefined;

/**
 * Ready = the database answers, every migration in prisma/migrations is applied (none failed), and WhatsApp has
 * finished restoring its devices (a device that did not come back is reported, not a reason to stay unready).
 */
export async function readiness(migrationsDir = path.join(process.cwd(), "prisma/migrations")): Promise<Readiness> {
  const manager = findConnectionManager();
  const whatsapp = { ...restoreState(), running: manager !== null };
  let migrations: Readiness["migrations"] = null;
  let database: Readiness["database"] = "ok";
  // The folder ships with the app and does not change while it runs: read once.
  available ??= migrationNames(migrationsDir);
  try {
    // An empty database has no migrations table yet: everything is pending, the database itself is fine.
    const [table] = await db().$queryRaw<Array<{ n: bigint | number }>>`
      SELECT COUNT(*) AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '_prisma_migrations'`;
    const rows = Number(table?.n) > 0 ? await db().$queryRawUnsafe<MigrationRow[]>(MIGRATION_ROWS_SQL) : [];
    const status = migrationStatus(await available, rows);
    migrations = { pending: status.pending, failed: status.failed, latest: status.latest };
  } catch {
    database = "unreachable";
  }
  const ready =
    database === "ok" && migrations !== null && migrations.pending.length === 0 && migrations.failed === null && whatsapp.running && whatsapp.phase === "done";
  return { ready, database, migrations, whatsapp };
}
