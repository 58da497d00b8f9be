import { readFile } from "node:fs/promises";
import mariadb from "mariadb";
import { parseDatabaseUrl } from "../../src/server/db/database-url";
import { actualShape } from "./actual-shape";
import { expectedShape } from "./expected-shape";
import { diffShapes } from "./schema-shape";

/** Lists every disagreement between schema.prisma and the migrated database (empty = no drift). */
export async function findDrift(databaseUrl: string, schemaPath: string): Promise<string[]> {
  const expected = await expectedShape(await readFile(schemaPath, "utf8"));
  const opts = parseDatabaseUrl(databaseUrl);
  const conn = await mariadb.createConnection(opts);
  try {
    return diffShapes(expected, await actualShape(conn, opts.database));
  } finally {
    await conn.end();
  }
}
