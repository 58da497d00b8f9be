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
  username: string;
  fullName: string | null;
}

/** The columns of `SessionAccount`, on the User row aliased `u`. */
export const SESSION_ACCOUNT_COLUMNS =
  "u.`id`, u.`role`, u.`isActive`, u.`sessionVersion`, u.`dailyMessageLimit`, u.`maxDevices`, u.`mustChangePassword`, u.`username`, u.`fullName`";

export interface AccountRow {
  id: number;
  role: "admin" | "user";
  isActive: number | boolean;
  sessionVersion: number;
  dailyMessageLimit: number;
  maxDevices: number;
  mustChangePassword: number | boolean;
  username: string;
  fullName: string | null;
}

/** The account behind a session, or null; one statement on the driver pool, since it runs before every call. */
export async function readSessionAccount(userId: number): Promise<SessionAccount | null> {
  const [row] = await driverPool().query<AccountRow[]>(`SELECT ${SESSION_ACCOUNT_COLUMNS} FROM \`User\` u WHERE u.\`id\` = ?`, [userId]);
  return row ? sessionAccountOf(row) : null;
}

export function sessionAccountOf(row: AccountRow): SessionAccount {
  return {
    id: Number(row.id),
    role: row.role,
    isActive: Boolean(Number(row.isActive)),
    sessionVersion: Number(row.sessionVersion),
    dailyMessageLimit: Number(row.dailyMessageLimit),
    maxDevices: Number(row.maxDevices),
    mustChangePassword: Boolean(Number(row.mustChangePassword)),
    username: row.username,
    fullName: row.fullName,
  };
}
