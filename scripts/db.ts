import path from "node:path";
import { migrate } from "../src/server/db/migrate";
import { findDrift } from "./db/drift";

const root = path.resolve(import.meta.dirname, "..");
const command = process.argv[2];
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error("DATABASE_URL is not set (see .env.example)");
  process.exit(2);
}

if (command === "migrate") {
  const result = await migrate(databaseUrl, path.join(root, "prisma/migrations"));
  console.log(
    result.applied.length
      ? `Applied ${result.applied.length} migration(s): ${result.applied.join(", ")}`
      : `Database is up to date (${result.alreadyApplied} migration(s) applied before)`,
  );
} else if (command === "drift") {
  const problems = await findDrift(databaseUrl, path.join(root, "prisma/schema.prisma"));
  if (problems.length) {
    console.error(`Schema drift: the database and prisma/schema.prisma disagree:\n- ${problems.join("\n- ")}`);
    process.exit(1);
  }
  console.log("No drift: the database matches prisma/schema.prisma");
} else {
  console.error("usage: tsx scripts/db.ts migrate|drift");
  process.exit(2);
}
