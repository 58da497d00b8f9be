import mariadb from "mariadb";
import { env } from "@/env";
import { parseDatabaseUrl } from "./database-url";
import { driverParam } from "./driver-pool";
import { clearGlobalSingleton, existingGlobalSingleton, globalSingleton } from "../global-singleton";

/**
 * A small driver pool for bulk reads (exports) that skip Prisma's per-row mapping, which costs more than the query at
 * a million rows. Dates come back as the stored text ("YYYY-MM-DD HH:MM:SS.mmm", UTC as Prisma writes it), so no
 * time-zone conversion happens on either side; rows come back as arrays in select order.
 */
export function bulkReadPool(): mariadb.Pool {
  return globalSingleton("bulkReadPool", () =>
    mariadb.createPool({ ...parseDatabaseUrl(env().DATABASE_URL), connectionLimit: 2, dateStrings: true, bigIntAsNumber: true, decimalAsNumber: true }),
  );
}

export async function closeBulkReadPool(): Promise<void> {
  const pool = existingGlobalSingleton<mariadb.Pool>("bulkReadPool");
  clearGlobalSingleton("bulkReadPool");
  await pool?.end();
}

/** Parameters as the driver should send them (dates as UTC text). */
export const bulkReadParam = driverParam;

/** A stored DATETIME(3) text as ISO-8601 UTC, the form every export writes dates in. */
export function storedDateToIso(value: string): string {
  return `${value.replace(" ", "T")}Z`;
}
