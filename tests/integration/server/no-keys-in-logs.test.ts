import { BufferJSON } from "baileys";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../../src/server/db";
import { authCipher } from "../../../src/server/whatsapp/auth-state-crypto";
import { createUser, type TestUser } from "../../helpers/actors";
import { resetDb } from "../../helpers/db";
import { AppClient, startApp, type RunningApp, type SseStream } from "../../helpers/http-app";
import { uniquePhone } from "../../helpers/whatsapp";

/**
 * The production server's stdout and stderr, captured through pairing, sending, receiving and session resets,
 * must hold no key material: libsignal prints whole SessionEntry objects (private, root and chain keys) through
 * console.* (WA-PROTOCOL P8).
 */
let app: RunningApp;
let admin: TestUser;
let owner: TestUser;

beforeAll(async () => {
  await resetDb();
  admin = await createUser("admin");
  owner = await createUser();
  // The level production runs at; the app's own pino lines must still come through.
  app = await startApp(undefined, { LOG_LEVEL: "info" });
});

afterAll(async () => {
  await app?.stop();
});

type StreamEvent = { name: string; data: Record<string, unknown> };
const isEvent = (value: unknown): value is StreamEvent => typeof value === "object" && value !== null && "name" in value;
const waitFor = (stream: SseStream, name: string, match: (data: Record<string, unknown>) => boolean = () => true) =>
  stream.next((e) => isEvent(e.data) && e.data.name === name && match(e.data.data));

/** Every secret of the device's auth state (creds and Signal sessions), as the forms a log line could show it in. */
async function deviceSecrets(deviceDbId: number): Promise<string[]> {
  const rows = await db().waAuthEntry.findMany({ where: { deviceId: deviceDbId } });
  const secrets = new Set<string>();
  const collect = (value: unknown): void => {
    if (Buffer.isBuffer(value) || value instanceof Uint8Array) {
      const bytes = Buffer.from(value);
      if (bytes.length >= 16) {
        secrets.add(bytes.toString("base64"));
        secrets.add(bytes.toString("hex"));
      }
    } else if (typeof value === "string") {
      if (/^[A-Za-z0-9+/]{40,}={0,2}$/.test(value)) secrets.add(value);
    } else if (value && typeof value === "object") {
      for (const child of Object.values(value)) collect(child);
    }
  };
  for (const row of rows) {
    if (row.category !== "creds" && row.category !== "session") continue;
    const plain = authCipher().decrypt({ deviceDbId, category: row.category, keyId: row.keyId }, row.data);
    collect(JSON.parse(plain.toString("utf8"), BufferJSON.reviver));
  }
  return [...secrets];
}

describe("no key material reaches the server's output", () => {
  it("through pairing, sending, receiving and session resets", async () => {
    const asAdmin = new AppClient(app.baseUrl);
    await asAdmin.signIn(admin.username, admin.password);
    const asOwner = new AppClient(app.baseUrl);
    await asOwner.signIn(owner.username, owner.password);
    const stream = await asOwner.subscribe("events.stream", {});

    // Pairing.
    const devicePhone = uniquePhone();
    const [contactB, contactC] = [uniquePhone(), uniquePhone()];
    for (const phone of [devicePhone, contactB, contactC]) await asAdmin.mutation("sandbox.createAccount", { phone, name: `P ${phone.slice(-4)}` });
    const { deviceId } = await asAdmin.mutation<{ deviceId: string }>("device.create", { deviceName: "Logs", ownerId: owner.id });
    await asOwner.mutation("device.connect", { deviceId });
    await waitFor(stream, "device.qr", (d) => d.deviceId === deviceId);
    await asAdmin.mutation("sandbox.scanDevice", { deviceId, phone: devicePhone });
    await waitFor(stream, "device.status", (d) => d.deviceId === deviceId && d.status === "connected");

    // Sending and receiving, both directions, two contacts; who starts differs, so sessions are opened from both ends.
    const send = async (to: string, text: string) => {
      const sent = await asOwner.mutation<{ id: number }>("message.sendText", { deviceId, to: `+${to}`, text });
      await waitFor(stream, "message.status", (d) => d.messageId === sent.id && d.status !== "pending");
    };
    const receive = async (from: string, text: string) => {
      await asAdmin.mutation("sandbox.sendText", { from, to: devicePhone, text });
      await waitFor(stream, "message.received", (d) => d.content === text);
    };
    await send(contactB, "Halo B");
    await receive(contactB, "Balasan B 1");
    await receive(contactB, "Balasan B 2");
    await receive(contactC, "Halo dari C");
    await receive(contactC, "Lagi dari C");
    await send(contactC, "Halo C");

    // Session reset: the connection drops and the device reconnects, then traffic resumes on both sessions.
    await asAdmin.mutation("sandbox.dropConnection", { phone: devicePhone });
    await waitFor(stream, "device.status", (d) => d.deviceId === deviceId && d.status === "connected");
    await send(contactB, "Setelah sambung ulang");
    await receive(contactB, "B setelah sambung ulang");
    await receive(contactC, "C setelah sambung ulang");
    stream.close();

    const device = await db().device.findUniqueOrThrow({ where: { deviceId }, select: { id: true } });
    const secrets = await deviceSecrets(device.id);
    expect(secrets.length).toBeGreaterThan(10);
    const output = app.output();
    // The app's own logs still reach stdout (the filter is not a blanket mute).
    expect(output).toContain("Switchboard ready");
    for (const pattern of [/privKey/, /rootKey/, /chainKey/, /SessionEntry/, /ephemeralKeyPair/, /<Buffer [0-9a-f]{2} /]) {
      expect(output, `output matches ${pattern}`).not.toMatch(pattern);
    }
    const leaked = secrets.filter((secret) => output.includes(secret));
    expect(leaked, "secrets found in the output").toEqual([]);
  });
});
