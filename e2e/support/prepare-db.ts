import path from "node:path";
import mariadb from "mariadb";
import { parseDatabaseUrl } from "../../src/server/db/database-url";
import { migrate } from "../../src/server/db/migrate";
import { E2E_USERS } from "./users";

/** Runs before the e2e server starts: a fresh database from the migrations, with one admin and one user. */
const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL is required");
const opts = parseDatabaseUrl(url);
const conn = await mariadb.createConnection({ host: opts.host, port: opts.port, user: opts.user, password: opts.password });
await conn.query(`DROP DATABASE IF EXISTS \`${opts.database}\``);
await conn.end();
await migrate(url, path.resolve(import.meta.dirname, "../../prisma/migrations"));

const { db } = await import("../../src/server/db");
const { hashPassword } = await import("../../src/server/services/auth/password");
for (const u of Object.values(E2E_USERS)) {
  await db().user.create({
    // Every spec provisions its own devices: room for all of them in one run.
    data: { username: u.username, email: u.email, role: u.role, fullName: u.fullName, passwordHash: await hashPassword(u.password), maxDevices: 100 },
  });
}
// The auth spec signs a visitor up: this install has public sign-up open (a new install starts closed).
await db().appSetting.create({ data: { key: "signupOpen", value: true } });
await db().$disconnect();
