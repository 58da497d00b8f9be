import path from "node:path";

/**
 * Sets the environment a bench runs the app with (sandbox mode, quiet logs, no rate limit) and recreates its own
 * database from the migrations. Call it before importing anything that reads the environment.
 */
export async function freshBenchDatabase(defaultUrl: string): Promise<string> {
  const databaseUrl = process.env.BENCH_DATABASE_URL ?? defaultUrl;
  Object.assign(process.env, {
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: "bench-secret-bench-secret-bench",
    WA_AUTH_KEY: "2".repeat(64),
    LOG_LEVEL: "silent",
    WA_MODE: "sandbox",
    RATE_LIMIT_API_POINTS: "10000000",
  });
  const mariadb = (await import("mariadb")).default;
  const { parseDatabaseUrl } = await import("../../src/server/db/database-url");
  const { migrate } = await import("../../src/server/db/migrate");
  const opts = parseDatabaseUrl(databaseUrl);
  const admin = await mariadb.createConnection({ host: opts.host, port: opts.port, user: opts.user, password: opts.password });
  await admin.query(`DROP DATABASE IF EXISTS \`${opts.database}\``);
  await admin.end();
  await migrate(databaseUrl, path.resolve(import.meta.dirname, "../../prisma/migrations"));
  return databaseUrl;
}
