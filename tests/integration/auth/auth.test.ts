import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../../src/server/db";
import { verifyCredentials } from "../../../src/server/services/auth/verify-credentials";
import { callerFor, createUser } from "../../helpers/actors";
import { resetDb, rowCounts } from "../../helpers/db";

beforeEach(async () => {
  await resetDb();
  // A new install has sign-up closed (tests/integration/admin/users.test.ts); these tests need it open.
  await db().appSetting.create({ data: { key: "signupOpen", value: true } });
});

describe("auth.register", () => {
  it("creates a user with a hashed password and never returns the hash", async () => {
    const anon = await callerFor(null);
    const user = await anon.auth.register({ username: "Budi", email: "Budi@Example.test", password: "rahasia-123" });
    expect(user).toMatchObject({ username: "budi", email: "budi@example.test", role: "user", isActive: true });
    expect(user).not.toHaveProperty("passwordHash");
    const row = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).toMatch(/^\$2[aby]\$10\$/);
  });

  it("refuses a taken username with CONFLICT and writes nothing", async () => {
    const anon = await callerFor(null);
    await anon.auth.register({ username: "budi", email: "a@example.test", password: "rahasia-123" });
    const before = await rowCounts();
    await expect(anon.auth.register({ username: "budi", email: "b@example.test", password: "rahasia-123" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await rowCounts()).toEqual(before);
  });

  it.each([
    [{ username: "x", email: "a@example.test", password: "rahasia-123" }, "username"],
    [{ username: "budi", email: "not-an-email", password: "rahasia-123" }, "email"],
    [{ username: "budi", email: "a@example.test", password: "short" }, "password"],
  ])("rejects invalid input %#: %s", async (input, field) => {
    const anon = await callerFor(null);
    const error = await anon.auth.register(input).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "BAD_REQUEST" });
    expect(await rowCounts()).toMatchObject({ User: 0 });
    expect(JSON.stringify(error)).toBeDefined();
    expect(String((error as Error).message)).toContain(field === "email" ? "email" : field === "password" ? "Password" : "Username");
  });
});

describe("login (verifyCredentials)", () => {
  it("accepts username or email and records lastLogin", async () => {
    const u = await createUser();
    await expect(verifyCredentials({ identifier: u.username, password: u.password, ip: "10.0.0.1" })).resolves.toMatchObject({ id: u.id });
    await expect(verifyCredentials({ identifier: u.email.toUpperCase(), password: u.password, ip: "10.0.0.1" })).resolves.toMatchObject({
      id: u.id,
    });
    const row = await db().user.findUniqueOrThrow({ where: { id: u.id } });
    expect(row.lastLogin).not.toBeNull();
  });

  it("refuses a wrong password and a locked account", async () => {
    const u = await createUser();
    await expect(verifyCredentials({ identifier: u.username, password: "wrong-password", ip: "10.0.0.2" })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    await db().user.update({ where: { id: u.id }, data: { isActive: false } });
    await expect(verifyCredentials({ identifier: u.username, password: u.password, ip: "10.0.0.2" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("rate-limits repeated failures per account, even from different addresses", async () => {
    const u = await createUser();
    const attempts = Array.from({ length: 5 }, (_, i) =>
      verifyCredentials({ identifier: u.username, password: "wrong-password", ip: `10.1.0.${i}` }).catch((e: { code: string }) => e.code),
    );
    expect(await Promise.all(attempts)).toEqual(Array(5).fill("UNAUTHORIZED"));
    await expect(verifyCredentials({ identifier: u.username, password: u.password, ip: "10.1.0.99" })).rejects.toMatchObject({
      code: "RATE_LIMITED",
    });
  });
});

describe("auth.me / updateProfile / changePassword", () => {
  it("needs a session", async () => {
    const anon = await callerFor(null);
    await expect(anon.auth.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(anon.auth.updateProfile({ fullName: "X" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("updates only the caller's own profile and logs the activity", async () => {
    const u = await createUser();
    const other = await createUser();
    const me = await callerFor(u);
    const updated = await me.auth.updateProfile({ fullName: "Siti Rahma" });
    expect(updated.fullName).toBe("Siti Rahma");
    expect((await db().user.findUniqueOrThrow({ where: { id: other.id } })).fullName).toBeNull();
    await expect(me.auth.updateProfile({ email: other.email })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db().activityLog.count({ where: { userId: u.id, action: "profile.update" } })).toBe(1);
  });

  it("changing the password ends existing sessions at once", async () => {
    const u = await createUser();
    const me = await callerFor(u);
    await expect(me.auth.changePassword({ currentPassword: "nope-nope", newPassword: "new-password-1" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await me.auth.changePassword({ currentPassword: u.password, newPassword: "new-password-1" });
    await expect(me.auth.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const fresh = await callerFor(u);
    await expect(fresh.auth.me()).resolves.toMatchObject({ id: u.id });
  });

  it("a locked user's existing session stops working", async () => {
    const u = await createUser();
    const me = await callerFor(u);
    await expect(me.auth.me()).resolves.toMatchObject({ id: u.id });
    await db().user.update({ where: { id: u.id }, data: { isActive: false } });
    await expect(me.auth.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
