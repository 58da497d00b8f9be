import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { StartedSandbox } from "../../../src/sandbox";
import type { ConnectionManager } from "../../../src/server/whatsapp/manager";
import { appRouter } from "../../../src/server/api/root";
import { db } from "../../../src/server/db";
import { callerFor, createUser, type Caller, type TestUser } from "../../helpers/actors";
import { resetDb } from "../../helpers/db";
import { connectedGroupDevice, newGroup, type GroupWorld } from "../../helpers/group-fixtures";
import { pausedJobWithFailure } from "../../helpers/job-fixtures";
import { makePng } from "../../helpers/media-files";
import { uploadedMediaId } from "../../helpers/media-upload";
import { startTestManager, startTestSandbox, stopTestManager } from "../../helpers/whatsapp";
import { seedDevice } from "../chat/seed";

let sandbox: StartedSandbox;
let manager: ConnectionManager | undefined;
/** Group mutations act on WhatsApp: one paired device (made on first use after each reset) serves every fixture. */
let groupWorld: Promise<GroupWorld> | undefined;
const groups = (): Promise<GroupWorld> => (groupWorld ??= connectedGroupDevice(sandbox));

beforeAll(async () => {
  sandbox = await startTestSandbox({ unknownNumbers: "absent" });
  manager = startTestManager(sandbox);
});
afterAll(async () => {
  await stopTestManager(manager);
  await sandbox?.close();
});
beforeEach(async () => {
  await resetDb();
  groupWorld = undefined;
});

/** A group of the shared device, created by `admin`, and the input naming it. */
async function groupRef(admin: TestUser): Promise<{ deviceId: string; groupJid: string }> {
  const world = await groups();
  return { deviceId: world.deviceId, groupJid: await newGroup(await callerFor(admin), world) };
}

interface FixtureContext {
  admin: TestUser;
}

/** Valid input for every admin-only mutation; building it may create the rows the call acts on. */
const FIXTURES: Record<string, (ctx: FixtureContext) => Promise<unknown>> = {
  "admin.users.create": async () => ({ username: "created-user", email: "created@example.test", role: "user" }),
  "admin.users.update": async () => ({ userId: (await createUser()).id, fullName: "Renamed" }),
  "admin.users.setActive": async () => ({ userId: (await createUser()).id, isActive: false }),
  "admin.users.updateLimits": async () => ({ userId: (await createUser()).id, maxDevices: 3 }),
  "admin.users.resetPassword": async () => ({ userId: (await createUser()).id }),
  "admin.users.delete": async () => ({ userId: (await createUser()).id }),
  "admin.settings.update": async () => ({ signupOpen: true }),
  "device.create": async () => ({ deviceName: "Audit line" }),
  "device.assign": async ({ admin }) => ({ deviceId: (await seedDevice(admin.id)).deviceId, ownerId: (await createUser()).id }),
  "device.delete": async ({ admin }) => ({ deviceId: (await seedDevice(admin.id)).deviceId }),
  "device.cancelAndWipe": async ({ admin }) => ({ deviceId: (await seedDevice(admin.id)).deviceId }),
  "group.create": async () => {
    const world = await groups();
    return { deviceId: world.deviceId, subject: "Audit", participants: world.members };
  },
  "group.sendMessage": async ({ admin }) => ({ ...(await groupRef(admin)), text: "Halo" }),
  "group.sendMention": async ({ admin }) => ({ ...(await groupRef(admin)), text: `@${(await groups()).members[0]} halo` }),
  "group.sendMedia": async ({ admin }) => ({ ...(await groupRef(admin)), mediaId: await uploadedMediaId(admin, makePng(), "audit.png") }),
  // A number WhatsApp does not know: the request still runs and its per-number result is audited.
  "group.createMediaJob": async ({ admin }) => {
    const { deviceId, groupJid } = await groupRef(admin);
    const mediaId = await uploadedMediaId(admin, makePng(), "job.png");
    return { deviceId, groupJids: [groupJid], message: { kind: "media", mediaId, caption: "Promo" }, pacing: { preset: "careful" } };
  },
  "group.addParticipants": async ({ admin }) => ({ ...(await groupRef(admin)), participants: ["+6281299001122"] }),
  "group.removeParticipants": async ({ admin }) => ({ ...(await groupRef(admin)), participants: [(await groups()).members[0]] }),
  "group.promote": async ({ admin }) => ({ ...(await groupRef(admin)), participants: [(await groups()).members[0]] }),
  "group.demote": async ({ admin }) => ({ ...(await groupRef(admin)), participants: [(await groups()).members[0]] }),
  "group.inviteCode": async ({ admin }) => groupRef(admin),
  "group.revokeInvite": async ({ admin }) => groupRef(admin),
  "group.updateSubject": async ({ admin }) => ({ ...(await groupRef(admin)), subject: "Baru" }),
  "group.updateDescription": async ({ admin }) => ({ ...(await groupRef(admin)), description: "Keterangan" }),
  "group.leave": async ({ admin }) => groupRef(admin),
  "job.retry": async () => {
    const owner = await createUser();
    return { id: await pausedJobWithFailure(await callerFor(owner), (await seedDevice(owner.id)).deviceId) };
  },
};

/**
 * Admin-only mutations that change nothing administrative, with the reason. The sandbox router plays the virtual
 * phones in sandbox mode (scan a QR, send as a contact): it stands in for WhatsApp, not for an admin decision.
 */
const EXEMPT: Record<string, string> = Object.fromEntries(
  [
    "createAccount",
    "scanDevice",
    "enterPairingCode",
    "sendText",
    "sendMedia",
    "setReceipts",
    "dropConnection",
    "logout",
    "ban",
    "unban",
    "setOnline",
    "markNotOnWhatsApp",
    "clearNotOnWhatsApp",
    "createGroup",
    "sendGroupText",
  ].map((name) => [
    `sandbox.${name}`,
    "plays a WhatsApp phone in sandbox mode",
  ]),
);

function procedureAt(caller: Caller, path: string): (input: unknown) => Promise<unknown> {
  let node: unknown = caller;
  for (const key of path.split(".")) node = (node as Record<string, unknown>)[key];
  return node as (input: unknown) => Promise<unknown>;
}

const mutations = Object.entries((appRouter._def as unknown as { procedures: Record<string, { _def: { type: string } }> }).procedures)
  .filter(([, procedure]) => procedure._def.type === "mutation")
  .map(([path]) => path);

/** A mutation is admin-only when a signed-in user is refused FORBIDDEN before the input is even read. */
async function adminOnlyMutations(): Promise<string[]> {
  const user = await createUser();
  const asUser = await callerFor(user);
  const found: string[] = [];
  for (const path of mutations) {
    const outcome = await procedureAt(asUser, path)({}).then(
      () => "ok",
      (error: unknown) => (error instanceof TRPCError ? error.code : "other"),
    );
    if (outcome === "FORBIDDEN") found.push(path);
  }
  return found;
}

describe("audit coverage", () => {
  it("finds the admin-only mutations by asking them", async () => {
    const adminOnly = await adminOnlyMutations();
    expect(adminOnly).toEqual(expect.arrayContaining(["admin.users.create", "admin.users.delete", "device.cancelAndWipe", "admin.settings.update"]));
    expect(adminOnly).not.toContain("contact.create");
  });

  it("every admin-only mutation writes an audit row with actor, target and IP", async () => {
    const adminOnly = (await adminOnlyMutations()).filter((path) => !(path in EXEMPT));
    const missing = adminOnly.filter((path) => !(path in FIXTURES));
    expect(missing, "admin mutations without a fixture in this test: add one").toEqual([]);
    const silent: string[] = [];
    for (const path of adminOnly) {
      const admin = await createUser("admin");
      const input = await FIXTURES[path]!({ admin });
      const before = await db().auditLog.count();
      await procedureAt(await callerFor(admin), path)(input);
      const rows = await db().auditLog.findMany({ where: { actorId: admin.id }, orderBy: { id: "asc" } });
      const ok = (await db().auditLog.count()) > before && rows.length > 0 && rows.every((r) => r.ip && r.targetType && r.action);
      if (!ok) silent.push(path);
    }
    expect(silent, "admin mutations that wrote no audit row").toEqual([]);
  });
});
