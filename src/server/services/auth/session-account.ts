import { driverPool } from "../../db/driver-pool";

/** What every signed-in call re-checks about its account (a JWT outlives a lock or a password change). */
export interface SessionAccount {
  id: number;
  role: "admin" | "user";
  isActive: boolean;
  sessionVersion: number;
  dailyMessageLimit: number;
  maxDevices: number;
  mustChangePassword: boolean;
}

interface AccountRow {
  id: number;
  role: "admin" | "user";
  isActive: number | boolean;
  sessionVersion: number;
  dailyMessageLimit: number;
  maxDevices: number;
  mustChangePassword: number | boolean;
}

/** The account behind a session, or null; one statement on the driver pool, since it runs before every call. */
export async function readSessionAccount(userId: number): Promise<SessionAccount | null> {
  const [row] = await driverPool().query<AccountRow[]>(
    "SELECT `id`, `role`, `isActive`, `sessionVersion`, `dailyMessageLimit`, `maxDevices`, `mustChangePassword` FROM `User` WHERE `id` = ?",
    [userId],
  );
  if (!row) return null;
  return {
    id: Number(row.id),
    role: row.role,
    isActive: Boolean(Number(row.isActive)),
    sessionVersion: Number(row.sessionVersion),
    dailyMessageLimit: Number(row.dailyMessageLimit),
    maxDevices: Number(row.maxDevices),
    mustChangePassword: Boolean(Number(row.mustChangePassword)),
  };
}
