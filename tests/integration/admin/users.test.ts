import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../../src/server/db";
import { eventBus } from "../../../src/server/events/bus";
import type { ServiceCall } from "../../../src/server/services/devices/types";
import { getSettings } from "../../../src/server/services/settings/app-settings";
import { updateSettings } from "../../../src/server/services/settings/update-settings";
import { createUser as createUserAccount } from "../../../src/server/services/users/create-user";
import { resetUserPassword } from "../../../src/server/services/users/reset-password";
import { setUserActive } from "../../../src/server/services/users/set-user-active";
import { updateUser } from "../../../src/server/services/users/update-user";
import { verifyCredentials } from "../../../src/server/services/auth/verify-credentials";
import { callerFor, createUser } from "../../helpers/actors";
import { resetDb, rowCounts } from "../../helpers/db";
import { waitForEvent } from "../../helpers/whatsapp";
import { seedDevice, seedMessages, jidOf } from "../chat/seed";

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
    await expect(asUser.admin.users.create({ username: "sneaky", email: "s@example.test", role: "admin" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(asUser.admin.users.update({ userId: user.id, role: "admin" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(asUser.admin.users.resetPassword({ userId: user.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(asUser.admin.users.delete({ userId: user.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(asUser.admin.users.insights({ userId: user.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(asUser.admin.settings.update({ signupOpen: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(asUser.admin.settings.get()).rejects.toMatchObject({ code: "FORBIDDEN" });
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
    expect(await db().auditLog.count({ where: { action: "user.update", targetId: String(user.id) } })).toBe(1);
  });
});

describe("admin user management", () => {
  it("creates an account with a one-time password that must be changed at the first sign-in", async () => {
    const admin = await createUser("admin");
    const asAdmin = await callerFor(admin);
    const created = await asAdmin.admin.users.create({ username: "Budi.Santoso", email: "BUDI@example.test", role: "user", maxDevices: 2, dailyMessageLimit: 100 });
    expect(created.user).toMatchObject({ username: "budi.santoso", email: "budi@example.test", maxDevices: 2, dailyMessageLimit: 100, mustChangePassword: true });
    expect(created.temporaryPassword).toMatch(/^[A-Za-z0-9]{14}$/);
    const login = await verifyCredentials({ identifier: "budi.santoso", password: created.temporaryPassword!, ip: "10.0.0.1" });
    const asNew = await callerFor({ id: login.id, username: login.username, email: login.email, password: created.temporaryPassword!, role: "user" });
    await expect(asNew.device.list({ limit: 10 })).rejects.toMatchObject({ code: "FORBIDDEN", message: "Choose a new password first" });
    await expect(asNew.auth.me()).resolves.toMatchObject({ username: "budi.santoso" });
    await asNew.auth.changePassword({ currentPassword: created.temporaryPassword!, newPassword: "my-own-password-1" });
    const fresh = await callerFor({ id: login.id, username: login.username, email: login.email, password: "my-own-password-1", role: "user" });
    await expect(fresh.device.list({ limit: 10 })).resolves.toMatchObject({ items: [] });
    await expect(asAdmin.admin.users.create({ username: "budi.santoso", email: "other@example.test", role: "user" })).rejects.toMatchObject({ code: "CONFLICT" });
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "user.create" } });
    expect(audit).toMatchObject({ actorId: admin.id, targetType: "user", targetId: String(login.id), ip: "127.0.0.1" });
    expect(JSON.stringify(audit.details)).not.toContain(created.temporaryPassword!);
  });

  it("edits details and role, recording each change with before and after; a role change ends the user's sessions", async () => {
    const admin = await createUser("admin");
    const user = await createUser();
    const asUser = await callerFor(user);
    const asAdmin = await callerFor(admin);
    const updated = await asAdmin.admin.users.update({ userId: user.id, fullName: "Siti Rahma", role: "admin", dailyMessageLimit: 20 });
    expect(updated).toMatchObject({ fullName: "Siti Rahma", role: "admin", dailyMessageLimit: 20 });
    await expect(asUser.auth.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "user.update" } });
    expect(audit.details).toEqual({ changes: { fullName: { from: null, to: "Siti Rahma" }, role: { from: "user", to: "admin" }, dailyMessageLimit: { from: 1000, to: 20 } } });
    await expect(asAdmin.admin.users.update({ userId: admin.id, role: "user" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(asAdmin.admin.users.update({ userId: 999_999, fullName: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("resets a password: old sessions and open streams end at once, the temporary password works once and must be replaced", async () => {
    const admin = await createUser("admin");
    const user = await createUser();
    const asUser = await callerFor(user);
    const abort = new AbortController();
    const stream = await (await callerFor(user, { signal: abort.signal })).events.stream();
    const iterator = stream[Symbol.asyncIterator]();
    // The handler is attached now: the stream may end while the reset is still being awaited.
    const ended = iterator.next().then(() => null, (error: unknown) => error);
    const { temporaryPassword } = await (await callerFor(admin)).admin.users.resetPassword({ userId: user.id });
    // The stream ends as an UNAUTHORIZED error: the browser acts on it (a plain completion would never reconnect over the WebSocket).
    expect(await ended).toMatchObject({ code: "UNAUTHORIZED" });
    await expect(asUser.auth.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(verifyCredentials({ identifier: user.username, password: user.password, ip: "10.0.0.2" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(verifyCredentials({ identifier: user.username, password: temporaryPassword, ip: "10.0.0.2" })).resolves.toMatchObject({ id: user.id });
    expect(await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { mustChangePassword: true } })).toEqual({ mustChangePassword: true });
    expect(await db().auditLog.count({ where: { action: "user.resetPassword", targetId: String(user.id), actorId: admin.id } })).toBe(1);
    abort.abort();
  });

  it("deletes an account with its devices and data, says what went, and keeps the audit trail", async () => {
    const admin = await createUser("admin");
    const user = await createUser();
    const device = await seedDevice(user.id);
    await seedMessages(device, [{ chatJid: jidOf("628111"), at: new Date() }, { chatJid: jidOf("628112"), at: new Date() }]);
    await db().contact.create({ data: { ownerId: user.id, name: "Ani", phone: "+628111" } });
    const asAdmin = await callerFor(admin);
    const insights = await asAdmin.admin.users.insights({ userId: user.id });
    expect(insights.footprint).toMatchObject({ devices: 1, messages: 2, contacts: 1 });
    const result = await asAdmin.admin.users.delete({ userId: user.id });
    expect(result.removed).toMatchObject({ devices: 1, messages: 2, contacts: 1 });
    expect(await db().user.findUnique({ where: { id: user.id } })).toBeNull();
    expect(await db().device.count({ where: { id: device.id } })).toBe(0);
    expect(await db().message.count({ where: { deviceId: device.id } })).toBe(0);
    expect(await db().contact.count({ where: { ownerId: user.id } })).toBe(0);
    const actions = (await db().auditLog.findMany({ where: { actorId: admin.id }, orderBy: { id: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["device.delete", "user.delete"]);
    await expect(asAdmin.admin.users.delete({ userId: admin.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(asAdmin.admin.users.delete({ userId: user.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("filters users by role, state and last login", async () => {
    const admin = await createUser("admin");
    const locked = await createUser();
    const recent = await createUser();
    const stale = await createUser();
    await db().user.update({ where: { id: locked.id }, data: { isActive: false } });
    await db().user.update({ where: { id: recent.id }, data: { lastLogin: new Date() } });
    await db().user.update({ where: { id: stale.id }, data: { lastLogin: new Date(Date.now() - 40 * 86_400_000) } });
    const caller = await callerFor(admin);
    const ids = async (input: Parameters<typeof caller.admin.users.list>[0]) => (await caller.admin.users.list(input)).items.map((u) => u.id);
    expect(await ids({ role: "admin", limit: 50 })).toEqual([admin.id]);
    expect(await ids({ isActive: false, limit: 50 })).toEqual([locked.id]);
    expect(await ids({ lastLogin: "within7d", limit: 50 })).toEqual([recent.id]);
    expect(await ids({ lastLogin: "over30d", limit: 50 })).toEqual([stale.id]);
    expect(await ids({ lastLogin: "never", limit: 50 })).toEqual([admin.id, locked.id]);
    expect(await ids({ lastLogin: "within30d", role: "user", limit: 50 })).toEqual([recent.id]);
  });
});

describe("public sign-up setting", () => {
  it("is closed on a new install; an admin opens it (audited) and each sign-up notifies admins", async () => {
    const admin = await createUser("admin");
    const anon = await callerFor(null);
    expect(await anon.auth.signupOpen()).toEqual({ open: false });
    const before = await rowCounts();
    await expect(anon.auth.register({ username: "newbie", email: "newbie@example.test", password: "long-enough-1" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await rowCounts()).toEqual(before);
    await (await callerFor(admin)).admin.settings.update({ signupOpen: true });
    expect(await anon.auth.signupOpen()).toEqual({ open: true });
    const since = eventBus().lastId;
    const registered = await anon.auth.register({ username: "newbie", email: "newbie@example.test", password: "long-enough-1" });
    const notice = await waitForEvent("admin.userRegistered", (d) => d.userId === registered.id, { since });
    expect(notice.scope).toEqual({ ownerId: null });
    expect(notice.data).toMatchObject({ username: "newbie", email: "newbie@example.test" });
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "settings.update" } });
    expect(audit).toMatchObject({ actorId: admin.id, targetType: "setting", targetId: "signupOpen", details: { from: false, to: true } });
  });
});

describe("admin mutations write the change and its audit row together", () => {
  it("when the audit row cannot be written, the user, password, lock and setting changes are rolled back", async () => {
    const target = await createUser();
    const settingsBefore = await getSettings();
    // An actor id with no user row: the audit row's foreign key refuses it after the change itself was written.
    const ghost: ServiceCall = { actor: { id: 2_000_000_000, role: "admin" }, meta: { ip: "127.0.0.1" } };
    const userBefore = await db().user.findUniqueOrThrow({ where: { id: target.id } });
    const countsBefore = await rowCounts();
    await expect(updateUser({ ...ghost, userId: target.id, fullName: "Renamed", role: "admin", maxDevices: 42 })).rejects.toThrow();
    await expect(resetUserPassword({ ...ghost, userId: target.id })).rejects.toThrow();
    await expect(setUserActive({ actorId: ghost.actor.id, userId: target.id, isActive: false, ip: "127.0.0.1" })).rejects.toThrow();
    await expect(createUserAccount({ ...ghost, username: "half-made", email: "half-made@example.test", role: "user" })).rejects.toThrow();
    await expect(updateSettings({ ...ghost, changes: { signupOpen: !settingsBefore.signupOpen } })).rejects.toThrow();
    expect(await db().user.findUniqueOrThrow({ where: { id: target.id } })).toEqual(userBefore);
    expect(await db().user.findUnique({ where: { username: "half-made" } })).toBeNull();
    expect(await getSettings()).toEqual(settingsBefore);
    expect(await rowCounts()).toEqual(countsBefore);
  });
});
