import { randomUUID } from "node:crypto";
import { db } from "../../db";
import { AppError } from "../../errors";
import { consume, rateLimiters } from "../../security/rate-limit";
import { hashPassword, verifyPassword } from "./password";

export interface VerifiedUser {
  id: number;
  username: string;
  email: string;
  role: "admin" | "user";
  sessionVersion: number;
}

// Compared when the account does not exist, so the response time does not reveal which accounts exist.
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => (dummyHash ??= hashPassword(randomUUID()));

/** Checks a login (username or email + password), rate-limited per IP and per account. */
export async function verifyCredentials(input: { identifier: string; password: string; ip: string }): Promise<VerifiedUser> {
  const identifier = input.identifier.trim().toLowerCase();
  const limiters = rateLimiters();
  await consume(limiters.loginIp, input.ip, "login attempts from this address");
  await consume(limiters.loginAccount, identifier, "login attempts for this account");
  const user = await db().user.findFirst({
    where: { OR: [{ email: identifier }, { username: identifier }] },
    select: { id: true, username: true, email: true, role: true, isActive: true, passwordHash: true, sessionVersion: true },
  });
  const ok = await verifyPassword(input.password, user?.passwordHash ?? (await getDummyHash()));
  if (!user || !ok) throw new AppError("UNAUTHORIZED", "Wrong username/email or password");
  if (!user.isActive) throw new AppError("FORBIDDEN", "This account is locked; contact an administrator");
  await limiters.loginAccount.delete(identifier);
  await db().user.update({ where: { id: user.id }, data: { lastLogin: new Date() } });
  return { id: user.id, username: user.username, email: user.email, role: user.role, sessionVersion: user.sessionVersion };
}
