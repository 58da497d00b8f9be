// npm run restore -- <backup folder>   (into an empty database and an empty media folder)
import path from "node:path";
import { parseArgs } from "node:util";
import { restore } from "../../src/server/ops/restore";
import { opsEnv, runCli } from "./cli-env";

runCli(async () => {
  const { positionals } = parseArgs({ allowPositionals: true });
  if (positionals.length !== 1) {
    console.error("usage: npm run restore -- <backup folder>");
    process.exit(2);
  }
  const backupDir = path.resolve(positionals[0]!);
  const { databaseUrl, mediaDir, migrationsDir } = opsEnv();
  const { manifest, pendingMigrations } = await restore({ backupDir, databaseUrl, mediaDir, migrationsDir });
  console.log(`Restored ${backupDir} (taken ${manifest.createdAt}, migration level ${manifest.migrations.latest ?? "none"}) into the database and ${mediaDir}`);
  if (pendingMigrations.length) console.log(`This version has ${pendingMigrations.length} newer migration(s): run npm run db:migrate (or start with AUTO_MIGRATE=true)`);
});
