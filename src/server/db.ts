import { PrismaMariaDb } from "@prisma/adapter-mariadb";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "@/env";
import { parseDatabaseUrl } from "./db/database-url";
import { globalSingleton } from "./global-singleton";

function createPrisma(): PrismaClient {
  const opts = parseDatabaseUrl(env().DATABASE_URL);
  const adapter = new PrismaMariaDb({ ...opts, connectionLimit: 10 }, { useTextProtocol: true });
  return new PrismaClient({ adapter });
}

export type Db = PrismaClient;

export function db(): PrismaClient {
  return globalSingleton("prisma", createPrisma);
}
