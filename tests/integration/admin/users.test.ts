import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../../src/server/db";
import { callerFor, createUser } from "../../helpers/actors";
import { resetDb, rowCounts } from "../../helpers/db";

beforeEach(resetDb);

describe("admin.users authorization", () => {
  it("anonymous gets UNAUTHORIZED and a user gets FORBIDDEN, with nothing written", async () => {
    const user = await createUser();
    const anon = await callerFor(null);
    const asUser = await callerFor(user);
    const before = await rowCounts();
    await expect(anon.admin.users.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(asUser.admin.users.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(asUser.admin.users.setActive({ userId: user.id, isActive: false })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(asUser.admin.users.updateLimits({ userId: user.id, maxDevices: 99 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await rowCounts()).toEqual(before);
  });
});

describe("admin.users", () => {
  it("lists users with paging and search, without password hashes", async () => {
    const admin = await createUser("admin");
    for (let i = 0; i < 3; i += 1) await createUser();
    const caller = await callerFor(admin);
    const first = await caller.admin.users.list({ limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = await caller.admin.users.list({ limit: 2, cursor: first.nextCursor });
    expect(second.items).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
    expect(JSON.stringify(first)).not.toContain("passwordHash");
    const found = await caller.admin.users.list({ search: admin.username, limit: 10 });
    expect(found.items.map((u) => u.id)).toEqual([admin.id]);
  });

  it("locking a user ends their session at once, is audited, and unlocking needs a fresh login", async () => {
    const admin = await createUser("admin");
    const user = await createUser();
    const asUser = await callerFor(user);
    await expect(asUser.auth.me()).resolves.toMatchObject({ id: user.id });
    const asAdmin = await callerFor(admin);
    await asAdmin.admin.users.setActive({ userId: user.id, isActive: false });
    await expect(asUser.auth.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await asAdmin.admin.users.setActive({ userId: user.id, isActive: true });
    await expect(asUser.auth.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect((await callerFor(user)).auth.me()).resolves.toMatchObject({ id: user.id });
    const audit = await db().auditLog.findMany({ where: { targetId: String(user.id) }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ["user.lock", admin.id],
      ["user.unlock", admin.id],
    ]);
  });

  it("refuses to lock yourself, unknown users and bad input, writing nothing", async () => {
    const admin = await createUser("admin");
    const caller = await callerFor(admin);
    const before = await rowCounts();
    await expect(caller.admin.users.setActive({ userId: admin.id, isActive: false })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.admin.users.setActive({ userId: 999_999, isActive: false })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(caller.admin.users.updateLimits({ userId: admin.id, maxDevices: -1 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await rowCounts()).toEqual(before);
  });

  it("updates limits and records the change", async () => {
    const admin = await createUser("admin");
    const user = await createUser();
    const caller = await callerFor(admin);
    const updated = await caller.admin.users.updateLimits({ userId: user.id, maxDevices: 2, dailyMessageLimit: 50 });
    expect(updated).toMatchObject({ maxDevices: 2, dailyMessageLimit: 50 });
    expect(await db().auditLog.count({ where: { action: "user.updateLimits", targetId: String(user.id) } })).toBe(1);
  });
});
