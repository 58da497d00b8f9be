import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * First-run setup, safe to run again: creates .env from .env.example with fresh secrets, applies migrations,
 * and creates the first admin (credentials from env, or a generated password printed once).
 */
const root = path.resolve(import.meta.dirname, "..");
const envFile = path.join(root, ".env");

if (!existsSync(envFile)) {
  const template = readFileSync(path.join(root, ".env.example"), "utf8");
  const filled = template
    .replace(/^NEXTAUTH_SECRET=$/m, `NEXTAUTH_SECRET=${randomBytes(32).toString("hex")}`)
    .replace(/^WA_AUTH_KEY=$/m, `WA_AUTH_KEY=${randomBytes(32).toString("hex")}`)
    .replace(/^SANDBOX_CONTROL_TOKEN=$/m, `SANDBOX_CONTROL_TOKEN=${randomBytes(16).toString("hex")}`)
    .replace(/^SANDBOX_SEED=$/m, `SANDBOX_SEED=${randomBytes(32).toString("hex")}`);
  writeFileSync(envFile, filled, { mode: 0o600 });
  console.log("Created .env with fresh secrets");
} else if (!/^SANDBOX_SEED=\S/m.test(readFileSync(envFile, "utf8"))) {
  // An .env from before the sandbox kept its state: give it a stable root too, or every restart unlinks devices.
  const current = readFileSync(envFile, "utf8");
  const seed = `SANDBOX_SEED=${randomBytes(32).toString("hex")}`;
  writeFileSync(envFile, /^SANDBOX_SEED=$/m.test(current) ? current.replace(/^SANDBOX_SEED=$/m, seed) : `${current.replace(/\n?$/, "\n")}${seed}\n`, { mode: 0o600 });
  console.log("Added SANDBOX_SEED to .env");
}
process.loadEnvFile(envFile);

const { migrate } = await import("../src/server/db/migrate");
const { env } = await import("../src/env");
const config = env();
const result = await migrate(config.DATABASE_URL, path.join(root, "prisma/migrations"));
console.log(result.applied.length ? `Applied migrations: ${result.applied.join(", ")}` : "Database schema is up to date");

const { db } = await import("../src/server/db");
const { hashPassword } = await import("../src/server/services/auth/password");
const prisma = db();
if ((await prisma.user.count({ where: { role: "admin" } })) === 0) {
  const username = (process.env.ADMIN_USERNAME || "admin").toLowerCase();
  const email = (process.env.ADMIN_EMAIL || "admin@example.com").toLowerCase();
  const generated = !process.env.ADMIN_PASSWORD;
  const password = process.env.ADMIN_PASSWORD || randomBytes(9).toString("base64url");
  await prisma.user.create({ data: { username, email, role: "admin", passwordHash: await hashPassword(password), fullName: "Administrator" } });
  console.log(`Created the first admin: ${email} (username ${username})`);
  if (generated) console.log(`  password: ${password}   <- shown once; change it on /profile`);
}
await prisma.$disconnect();
