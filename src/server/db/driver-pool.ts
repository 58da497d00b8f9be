import mariadb from "mariadb";
import type { Prisma } from "@/generated/prisma/client";
import { env } from "@/env";
import { parseDatabaseUrl } from "./database-url";
import { clearGlobalSingleton, existingGlobalSingleton, globalSingleton } from "../global-singleton";

/**
 * A driver pool for the statements every message runs (Signal key reads and writes, the job send path): through
 * Prisma each statement cost about 1 ms of CPU, several times the driver's own work, and the process is CPU-bound
 * when it sends. Dates are sent and read as UTC text, the way Prisma stores DATETIME(3) (see driverParam).
 */
export function driverPool(): mariadb.Pool {
  return globalSingleton("driverPool", () =>
    mariadb.createPool({ ...parseDatabaseUrl(env().DATABASE_URL), connectionLimit: 6, foundRows: true, dateStrings: true, bigIntAsNumber: true, decimalAsNumber: true }),
  );
}

export async function closeDriverPool(): Promise<void> {
  const pool = existingGlobalSingleton<mariadb.Pool>("driverPool");
  clearGlobalSingleton("driverPool");
  await pool?.end();
}

/** Parameters as the driver should send them: dates as UTC text, matching how Prisma stores DATETIME(3). */
export function driverParam(value: unknown): unknown {
  return value instanceof Date ? value.toISOString().slice(0, 23).replace("T", " ") : value;
}

/** A DATETIME(3) as the driver pool returns it (UTC text, see driverParam) as a Date. */
export function driverDate(value: string): Date {
  return new Date(`${value.replace(" ", "T")}Z`);
}

/** A statement written with Prisma's `sql` template (placeholders and joins) run on the driver pool. */
export function driverQuery<Row>(statement: Prisma.Sql): Promise<Row[]> {
  return driverPool().query<Row[]>(statement.sql, statement.values.map(driverParam));
}

/** What a statement inside a driver transaction can do: run and say how many rows it matched (the pool counts
 * matched rows, not changed ones: `foundRows`), or read rows. */
export interface DriverTx {
  run(sql: string, values: unknown[]): Promise<{ affectedRows: number; insertId: number }>;
  query<Row>(sql: string, values: unknown[]): Promise<Row[]>;
}

function driverTx(conn: mariadb.PoolConnection | mariadb.Pool): DriverTx {
  return {
    async run(sql, values) {
      const result = await conn.query<{ affectedRows: number; insertId: number | bigint }>(sql, values.map(driverParam));
      return { affectedRows: result.affectedRows, insertId: Number(result.insertId) };
    },
    query<Row>(sql: string, values: unknown[]) {
      return conn.query<Row[]>(sql, values.map(driverParam));
    },
  };
}

/** Statements outside a transaction (autocommit), through the same interface. */
export function driverAutocommit(): DriverTx {
  return driverTx(driverPool());
}

/** Runs statements in one transaction on one connection. */
export async function inDriverTransaction<T>(work: (tx: DriverTx) => Promise<T>): Promise<T> {
  const conn = await driverPool().getConnection();
  try {
    await conn.beginTransaction();
    const result = await work(driverTx(conn));
    await conn.commit();
    return result;
  } catch (error) {
    await conn.rollback().catch(() => undefined);
    throw error;
  } finally {
    await conn.release();
  }
}
