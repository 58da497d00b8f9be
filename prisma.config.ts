import { defineConfig } from "prisma/config";

// Prisma 7 does not load .env, and env() throws when unset (a fresh checkout's postinstall): keep the datasource optional.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  ...(process.env.DATABASE_URL ? { datasource: { url: process.env.DATABASE_URL } } : {}),
});
