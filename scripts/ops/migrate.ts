// The image's migration step (scripts/container/entrypoint.sh with AUTO_MIGRATE=true): node dist/ops/migrate.mjs
import { migrate } from "../../src/server/db/migrate";
import { opsEnv, runCli } from "./cli-env";

runCli(async () => {
  const { databaseUrl, migrationsDir } = opsEnv();
  const result = await migrate(databaseUrl, migrationsDir);
  console.log(
    result.applied.length
      ? `Applied ${result.applied.length} migration(s): ${result.applied.join(", ")}`
      : `Database is up to date (${result.alreadyApplied} migration(s) applied before)`,
  );
});
