import path from "node:path";
import { loadDotEnv } from "../../src/server/dotenv";

/** The repository (or image) root: scripts/ops/*.ts and the compiled dist/ops/*.mjs both sit two levels below it. */
export const root = path.resolve(import.meta.dirname, "../..");

/** DATABASE_URL and MEDIA_DIR from the environment or .env, as the server reads them. */
export function opsEnv(): { databaseUrl: string; mediaDir: string; migrationsDir: string } {
  loadDotEnv(process.cwd());
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error("DATABASE_URL is not set (see .env.example)");
    process.exit(2);
  }
  return {
    databaseUrl,
    mediaDir: path.resolve(process.env.MEDIA_DIR || "./data/media"),
    migrationsDir: path.join(root, "prisma/migrations"),
  };
}

/** Runs a CLI body: a failure prints its message (no stack, no secrets) and exits 1. */
export function runCli(body: () => Promise<void>): void {
  body().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
