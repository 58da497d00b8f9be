import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../../src/server/db";
import { readSessionAccount } from "../../../src/server/services/auth/session-account";
import { createUser } from "../../helpers/actors";
import { resetDb } from "../../helpers/db";

const accountSelect = { id: true, role: true, isActive: true, sessionVersion: true, dailyMessageLimit: true, maxDevices: true, mustChangePassword: true, username: true, fullName: true } as const;

beforeEach(async () => {
  await resetDb();
});

describe("[AUTH][SESSION-ACCOUNT] the account every signed-in call re-checks", () => {
  it("reads what Prisma reads, for an active admin and a locked user who must change the password; nothing for a deleted id", async () => {
    const admin = await createUser("admin");
    const locked = await createUser("user", { maxDevices: 7, dailyMessageLimit: 321 });
    await db().user.update({ where: { id: locked.id }, data: { isActive: false, mustChangePassword: true, sessionVersion: { increment: 3 } } });
    for (const user of [admin, locked]) {
      expect(await readSessionAccount(user.id)).toEqual(await db().user.findUniqueOrThrow({ where: { id: user.id }, select: accountSelect }));
    }
    expect(await readSessionAccount(locked.id)).toMatchObject({ isActive: false, mustChangePassword: true, maxDevices: 7, dailyMessageLimit: 321 });
    expect(await readSessionAccount(999_999)).toBeNull();
  });
});
