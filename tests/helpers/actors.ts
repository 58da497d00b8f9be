import { randomUUID } from "node:crypto";
import { createCaller } from "../../src/server/api/root";
import { createContext } from "../../src/server/api/context";
import { db } from "../../src/server/db";
import { hashPassword } from "../../src/server/services/auth/password";

export interface TestUser {
  id: number;
  username: string;
  email: string;
  password: string;
  role: "admin" | "user";
}

let cachedHash: Promise<string> | undefined;
const PASSWORD = "correct-horse-battery";

export async function createUser(role: "admin" | "user" = "user", overrides: { maxDevices?: number; dailyMessageLimit?: number; fullName?: string } = {}): Promise<TestUser> {
  const tag = randomUUID().slice(0, 8);
  cachedHash ??= hashPassword(PASSWORD);
  const user = await db().user.create({
    data: {
      username: `${role}-${tag}`,
      email: `${role}-${tag}@example.test`,
      passwordHash: await cachedHash,
      role,
      ...overrides,
    },
  });
  return { id: user.id, username: user.username, email: user.email, password: PASSWORD, role };
}

export function headersFor(ip = "127.0.0.1"): Headers {
  return new Headers({ "x-forwarded-for": ip, "user-agent": "vitest" });
}

/** A tRPC caller as `user` (null = anonymous), exactly as the route handler would build it. */
export async function callerFor(user: TestUser | null, opts: { signal?: AbortSignal } = {}) {
  let session = null;
  if (user) {
    const row = await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { sessionVersion: true } });
    session = { id: user.id, role: user.role, sessionVersion: row.sessionVersion };
  }
  return createCaller(createContext({ headers: headersFor(), session }), { signal: opts.signal });
}

export type Caller = Awaited<ReturnType<typeof callerFor>>;
