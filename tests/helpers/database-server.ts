import mariadb from "mariadb";
import { parseDatabaseUrl } from "../../src/server/db/database-url";

/** Runs one statement about the database of `url` on its server (no database selected): create or drop it. */
async function onServer(url: string, sql: (database: string) => string): Promise<void> {
  const opts = parseDatabaseUrl(url);
  const conn = await mariadb.createConnection({ host: opts.host, port: opts.port, user: opts.user, password: opts.password });
  try {
    await conn.query(sql(opts.database));
  } finally {
    await conn.end();
  }
}

export const dropDatabase = (url: string) => onServer(url, (name) => `DROP DATABASE IF EXISTS \`${name}\``);
export const createEmptyDatabase = (url: string) => onServer(url, (name) => `CREATE DATABASE \`${name}\``);

/** A database next to the test database, for tests that need a second instance (`<test db>_<suffix>`). */
export function siblingDatabaseUrl(url: string, suffix: string): string {
  return url.replace(/\/([A-Za-z0-9_]+)$/, `/$1_${suffix}`);
}
