import { readdir } from "node:fs/promises";

export interface MigrationRow {
  migration_name: string;
  finished_at: Date | string | null;
  rolled_back_at: Date | string | null;
}

export interface MigrationStatus {
  /** The newest migration applied to the database (the schema level a backup records). */
  latest: string | null;
  applied: string[];
  /** In the migrations folder but not applied. */
  pending: string[];
  /** A migration that started and never finished; it blocks `migrate` until resolved. */
  failed: string | null;
}

/** Migration folder names in apply order. */
export async function migrationNames(migrationsDir: string): Promise<string[]> {
  return (await readdir(migrationsDir, { withFileTypes: true }))
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

/** Compares the folder with `_prisma_migrations` rows (rolled-back rows do not count as applied). */
export function migrationStatus(available: string[], rows: MigrationRow[]): MigrationStatus {
  const applied = rows.filter((r) => r.finished_at !== null && r.rolled_back_at === null).map((r) => r.migration_name).sort();
  const done = new Set(applied);
  const failed = rows.find((r) => r.finished_at === null && r.rolled_back_at === null)?.migration_name ?? null;
  return { latest: applied.at(-1) ?? null, applied, pending: available.filter((n) => !done.has(n)), failed };
}

export const MIGRATION_ROWS_SQL = "SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations";
