import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StartedSandbox } from "../../../src/sandbox";
import { db } from "../../../src/server/db";
import type { ConnectionManager } from "../../../src/server/whatsapp/manager";
import { callerFor, createUser, type Caller } from "../../helpers/actors";
import { resetDb, rowCounts } from "../../helpers/db";
import { pairByQr, startTestManager, startTestSandbox, stopTestManager, uniquePhone } from "../../helpers/whatsapp";

/**
 * A WhatsApp text may be 65,536 characters; stored as utf8mb4 that is up to 262,144 bytes, more than a TEXT column
 * holds (65,535 bytes). Every such text is stored whole, and one past the limit is a clear BAD_REQUEST, never a 500.
 */
let sandbox: StartedSandbox;
let manager: ConnectionManager | undefined;
let me: Caller;
let deviceId: string;
let templateId: number;
const contact = uniquePhone();

const LIMIT = 65_536;
const NEXT_MONTH = `${new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10)}T09:00`;
const texts = {
  ascii: "a".repeat(LIMIT),
  // 4-byte characters: 16,384 emoji are 32,768 UTF-16 units and 65,536 bytes.
  emoji: "😀".repeat(LIMIT / 2),
  // 3-byte characters: 21,846 CJK characters are 65,538 bytes.
  cjk: "漢".repeat(21_846),
  cjkAtLimit: "漢".repeat(LIMIT),
};

beforeAll(async () => {
  await resetDb();
  sandbox = await startTestSandbox();
  manager = startTestManager(sandbox);
  const admin = await createUser("admin");
  const owner = await createUser();
  me = await callerFor(owner);
  deviceId = (await (await callerFor(admin)).device.create({ ownerId: owner.id, deviceName: "Long texts" })).deviceId;
  await pairByQr(sandbox, me, deviceId, uniquePhone());
  sandbox.createAccount({ phone: contact, name: "Reader" });
  templateId = (await me.template.create({ name: "Whole text", body: "{{text}}" })).id;
}, 120_000);

afterAll(async () => {
  await stopTestManager(manager);
  await sandbox?.close();
});

describe("texts at the documented maximum are stored whole", () => {
  for (const [name, text] of Object.entries(texts)) {
    it(`message.sendText: ${name}`, async () => {
      const sent = await me.message.sendText({ deviceId, to: contact, text });
      const row = await db().message.findUniqueOrThrow({ where: { id: sent.id }, select: { content: true } });
      expect(row.content).toBe(text);
    });

    it(`message.schedule: ${name}`, async () => {
      const scheduled = await me.message.schedule({ deviceId, to: contact, text, scheduleTime: NEXT_MONTH, timezone: "Asia/Jakarta" });
      const row = await db().scheduledMessage.findUniqueOrThrow({ where: { id: scheduled.id }, select: { content: true } });
      expect(row.content).toBe(text);
    });
  }

  it("template.use renders a 65,536-character emoji text and stores it whole", async () => {
    // A variable value is at most 4,096 characters: the template repeats it to reach the limit.
    const body = "{{v}}".repeat(16);
    const template = await me.template.create({ name: "Emoji wall", body });
    const value = "😀".repeat(2_048);
    const sent = await me.template.use({ deviceId, templateId: template.id, to: contact, variables: { v: value } });
    const row = await db().message.findUniqueOrThrow({ where: { id: sent.id }, select: { content: true } });
    expect(row.content).toBe(value.repeat(16));
    expect(templateId).toBeGreaterThan(0);
  });
});

describe("one past the limit is a clear BAD_REQUEST and writes nothing", () => {
  it("sendText, schedule and template.use", async () => {
    const before = await rowCounts();
    const tooLong = "😀".repeat(LIMIT / 2) + "a";
    await expect(me.message.sendText({ deviceId, to: contact, text: tooLong })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining(`A message can be at most ${LIMIT} characters`),
    });
    await expect(
      me.message.schedule({ deviceId, to: contact, text: tooLong, scheduleTime: NEXT_MONTH, timezone: "Asia/Jakarta" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining(`at most ${LIMIT} characters`) });
    expect(await rowCounts()).toEqual(before);
    const seventeen = await me.template.create({ name: "Too long", body: "{{v}}".repeat(17) });
    const before2 = await rowCounts();
    await expect(me.template.use({ deviceId, templateId: seventeen.id, to: contact, variables: { v: "a".repeat(4_096) } })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining(`at most ${LIMIT}`),
    });
    expect(await rowCounts()).toEqual(before2);
  });
});
