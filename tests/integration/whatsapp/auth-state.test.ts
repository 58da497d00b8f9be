import { randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { StartedSandbox } from "../../../src/sandbox";
import { db } from "../../../src/server/db";
import { eventBus } from "../../../src/server/events/bus";
import { loadAuthState } from "../../../src/server/whatsapp/auth-state";
import { authCipher, AuthDecryptError, createAuthCipher } from "../../../src/server/whatsapp/auth-state-crypto";
import type { ConnectionManager } from "../../../src/server/whatsapp/manager";
import { callerFor, createUser, type TestUser } from "../../helpers/actors";
import { resetDb } from "../../helpers/db";
import { pairByQr, startTestManager, startTestSandbox, stopTestManager, uniquePhone, waitForStatus } from "../../helpers/whatsapp";

let sandbox: StartedSandbox;
let manager: ConnectionManager | undefined;
let owner: TestUser;
let device: { id: number; deviceId: string };

beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => {
  await sandbox?.close();
});
beforeEach(async () => {
  await resetDb();
  manager = startTestManager(sandbox);
  owner = await createUser();
  const created = await (await callerFor(await createUser("admin"))).device.create({ ownerId: owner.id });
  device = { id: created.id, deviceId: created.deviceId };
});
afterEach(async () => {
  await stopTestManager(manager);
  manager = undefined;
});

describe("[WA][AUTH-STATE] credentials at rest", () => {
  it("stores creds and Signal keys encrypted: no plaintext key material, and every row decrypts only in its own place", async () => {
    await pairByQr(sandbox, await callerFor(owner), device.deviceId, uniquePhone());
    await stopTestManager(manager);
    manager = undefined;

    const state = await loadAuthState(device.id);
    const creds = state.state.creds;
    expect(creds.me?.id).toBeTruthy();
    const secrets = [creds.noiseKey.private, creds.signedIdentityKey.private, creds.signedPreKey.keyPair.private].map((k) => Buffer.from(k));

    const rows = await db().waAuthEntry.findMany({ where: { deviceId: device.id } });
    expect(rows.length).toBeGreaterThan(800);
    expect(rows.some((r) => r.category === "creds" && r.keyId === "")).toBe(true);
    expect(rows.some((r) => r.category === "pre-key")).toBe(true);
    for (const row of rows) {
      const data = Buffer.from(row.data);
      expect(data[0]).toBe(1);
      for (const secret of secrets) {
        expect(data.includes(secret)).toBe(false);
        expect(data.includes(Buffer.from(secret.toString("base64")))).toBe(false);
      }
      expect(data.includes(Buffer.from("noiseKey"))).toBe(false);
      expect(data.includes(Buffer.from('"private"'))).toBe(false);
    }

    const credsRow = rows.find((r) => r.category === "creds");
    const plain = authCipher().decrypt({ deviceDbId: device.id, category: "creds", keyId: "" }, credsRow?.data ?? new Uint8Array());
    expect(plain.toString("utf8")).toContain("noiseKey");
    expect(plain.toString("utf8")).toContain(secrets[0]?.toString("base64") ?? "missing");

    // A copy of another row's ciphertext does not decrypt in this row's place.
    const [a, b] = rows.filter((r) => r.category === "pre-key");
    if (!a || !b) throw new Error("expected pre-keys");
    await db().waAuthEntry.update({ where: { id: b.id }, data: { data: a.data } });
    await expect(state.state.keys.get("pre-key", [b.keyId])).rejects.toThrow(AuthDecryptError);
    await expect(state.state.keys.get("pre-key", [a.keyId])).resolves.toHaveProperty(a.keyId);
  });

  it("a tampered creds row or a different WA_AUTH_KEY fails loudly instead of starting a new session", async () => {
    const state = await loadAuthState(device.id);
    await state.saveCreds();
    await state.flush();
    const row = await db().waAuthEntry.findFirstOrThrow({ where: { deviceId: device.id, category: "creds" } });
    await expect(loadAuthState(device.id, createAuthCipher(randomBytes(32)))).rejects.toThrow(AuthDecryptError);
    const data = Buffer.from(row.data);
    data[data.length - 1] = (data[data.length - 1] ?? 0) ^ 0xff;
    await db().waAuthEntry.update({ where: { id: row.id }, data: { data } });
    await expect(loadAuthState(device.id)).rejects.toThrow(/authentication failed/);

    // Connecting with unreadable credentials surfaces the reason instead of silently re-pairing.
    const since = eventBus().lastId;
    await (await callerFor(owner)).device.connect({ deviceId: device.deviceId });
    const event = await waitForStatus(device.deviceId, "disconnected", since);
    expect(event.data.reason).toContain("Could not load the WhatsApp session");
    expect(await db().waAuthEntry.count({ where: { deviceId: device.id } })).toBe(1);
  });

  it("keys: batch set, Buffers survive, null deletes, clear wipes the device and nothing else", async () => {
    const other = await (await callerFor(await createUser("admin"))).device.create({ ownerId: owner.id });
    const otherState = await loadAuthState(other.id);
    await otherState.state.keys.set({ session: { "x.0": new Uint8Array([9]) } });

    const auth = await loadAuthState(device.id);
    const { keys } = auth.state;
    const session = Buffer.from(randomBytes(40));
    const preKeys = Object.fromEntries(
      Array.from({ length: 450 }, (_, i) => [String(i + 1), { public: randomBytes(32), private: randomBytes(32) }]),
    );
    await keys.set({ "pre-key": preKeys, session: { "628123.0": session }, "lid-mapping": { "628123": "100000000000002" } });
    const got = await keys.get("pre-key", ["1", "450", "999"]);
    expect(Object.keys(got).sort()).toEqual(["1", "450"]);
    expect(Buffer.from(got["1"]?.private ?? [])).toEqual(preKeys["1"]?.private);
    expect(Buffer.from((await keys.get("session", ["628123.0"]))["628123.0"] ?? [])).toEqual(session);
    expect(await keys.get("lid-mapping", ["628123"])).toEqual({ "628123": "100000000000002" });

    await keys.set({ "pre-key": { "1": null, "2": null }, session: { "628123.0": null } });
    expect(await keys.get("pre-key", ["1", "2", "3"])).toHaveProperty("3");
    expect(Object.keys(await keys.get("pre-key", ["1", "2"]))).toEqual([]);
    expect(await keys.get("session", ["628123.0"])).toEqual({});

    await auth.clear();
    // Writes from a socket that is still winding down must not resurrect a wiped session.
    await keys.set({ session: { "late.0": new Uint8Array([1]) } });
    await auth.saveCreds();
    await auth.flush();
    expect(await db().waAuthEntry.count({ where: { deviceId: device.id } })).toBe(0);
    expect(await db().waAuthEntry.count({ where: { deviceId: other.id } })).toBe(1);
  });

  it("reads answer from the category's key index: written keys are found, deleted ones are gone, and rows the store never wrote are not looked up", async () => {
    const auth = await loadAuthState(device.id);
    const { keys } = auth.state;
    await keys.set({ session: { "628200.0": new Uint8Array([1]) } });
    // The first read of a category indexes its key ids.
    expect(Object.keys(await keys.get("session", ["628200.0", "628201.0"]))).toEqual(["628200.0"]);

    // A row that appears behind the store's back (the store is the device's only writer) is not looked up: the
    // index answers "absent" without reading the database. This is what saves a blast three reads per recipient.
    const intruder = await loadAuthState(device.id);
    await intruder.state.keys.set({ session: { "628202.0": new Uint8Array([2]) } });
    await intruder.flush();
    expect(await db().waAuthEntry.count({ where: { deviceId: device.id, category: "session" } })).toBe(2);
    expect(await keys.get("session", ["628202.0"])).toEqual({});

    // Writes and deletes through the store keep the index current, before and after they reach the database.
    await keys.set({ session: { "628203.0": new Uint8Array([3]), "628200.0": null } });
    expect(Object.keys(await keys.get("session", ["628200.0", "628203.0"]))).toEqual(["628203.0"]);
    // A category read for the first time after writes is indexed from the database, writes included.
    await keys.set({ tctoken: { "628204@lid": { token: Buffer.from([4]), timestamp: "1" } } });
    expect(Object.keys(await keys.get("tctoken", ["628204@lid", "628205@lid"]))).toEqual(["628204@lid"]);
    await auth.clear();
    expect(await keys.get("session", ["628203.0"])).toEqual({});
  });
});
