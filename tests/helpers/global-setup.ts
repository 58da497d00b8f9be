import path from "node:path";
import { migrate } from "../../src/server/db/migrate";
import { dropDatabase } from "./database-server";
import { TEST_DATABASE_URL } from "./test-env";

/** Recreates the test database from the migrations once per run, so every run starts from the committed schema. */
export default async function setup(): Promise<void> {
  await dropDatabase(TEST_DATABASE_URL);
  await migrate(TEST_DATABASE_URL, path.resolve(import.meta.dirname, "../../prisma/migrations"));
}
