import path from "node:path";
import mariadb from "mariadb";
import { parseDatabaseUrl } from "../../src/server/db/database-url";
import { migrate } from "../../src/server/db/migrate";
import { TEST_DATABASE_URL } from "./test-env";

/** Recreates the test database from the migrations once per run, so every run starts from the committed schema. */
export default async function setup(): Promise<void> {
  const opts = parseDatabaseUrl(TEST_DATABASE_URL);
  const conn = await mariadb.createConnection({ host: opts.host, port: opts.port, user: opts.user, password: opts.password });
  try {
    await conn.query(`DROP DATABASE IF EXISTS \`${opts.database}\``);
  } finally {
    await conn.end();
  }
  await migrate(TEST_DATABASE_URL, path.resolve(import.meta.dirname, "../../prisma/migrations"));
}
