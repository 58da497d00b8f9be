import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../../src/server/db";
import { callerFor, createUser, type TestUser } from "../../helpers/actors";
import { resetDb } from "../../helpers/db";
import { jidOf, seedDevice, seedMessages, type SeededDevice } from "./seed";

const ALICE = jidOf("6281111111111");
const BOB = jidOf("6282222222222");

let admin: TestUser;
let owner: TestUser;
let other: TestUser;
let shop: SeededDevice;
let support: SeededDevice;
let foreign: SeededDevice;

beforeEach(async () => {
  await resetDb();
  admin = await createUser("admin");
  owner = await createUser();
  other = await createUser();
  shop = await seedDevice(owner.id, "Shop");
  support = await seedDevice(owner.id, "Support");
  foreign = await seedDevice(other.id, "Foreign");
  await db().contact.create({ data: { ownerId: owner.id, name: "Alice Wonder", phone: "+6281111111111" } });
  await seedMessages(shop, [
    { chatJid: ALICE, at: new Date("2026-03-01T10:00:00Z"), content: "Is the blue shirt ready?" },
    { chatJid: ALICE, at: new Date("2026-03-02T10:00:00Z"), direction: "outgoing", content: "Yes, the BLUE one is ready" },
    { chatJid: BOB, at: new Date("2026-03-03T10:00:00Z"), content: "Invoice 100% paid_" },
    { chatJid: "120363000000000001@g.us", at: new Date("2026-03-03T11:00:00Z"), content: "blue group" },
  ]);
  await seedMessages(support, [{ chatJid: ALICE, at: new Date("2026-03-04T10:00:00Z"), content: "blue again from support" }]);
  await seedMessages(foreign, [{ chatJid: ALICE, at: new Date("2026-03-05T10:00:00Z"), content: "blue foreign secret" }]);
});

const contents = (page: { items: Array<{ content: string | null }> }) => page.items.map((m) => m.content);

describe("[CHAT][SEARCH] /chat-history filters", () => {
  it("searches text across the user's own devices only, newest first, case-insensitively, groups excluded", async () => {
    const page = await (await callerFor(owner)).chat.search({ text: "blue" });
    expect(contents(page)).toEqual(["blue again from support", "Yes, the BLUE one is ready", "Is the blue shirt ready?"]);
    expect(page.items[0]).toMatchObject({ device: { deviceId: support.deviceId, deviceName: "Support" }, chatName: "Alice Wonder", chatNameSaved: true });
  });

  it("treats % and _ in the text literally", async () => {
    const c = await callerFor(owner);
    expect(contents(await c.chat.search({ text: "100%" }))).toEqual(["Invoice 100% paid_"]);
    expect(contents(await c.chat.search({ text: "d_" }))).toEqual(["Invoice 100% paid_"]);
    expect(contents(await c.chat.search({ text: "1_0" }))).toEqual([]);
  });

  it("filters by device, direction and an inclusive local date range", async () => {
    const c = await callerFor(owner);
    expect(contents(await c.chat.search({ deviceId: support.deviceId }))).toEqual(["blue again from support"]);
    expect(contents(await c.chat.search({ messageDirection: "outgoing" }))).toEqual(["Yes, the BLUE one is ready"]);
    expect(contents(await c.chat.search({ from: "2026-03-02", to: "2026-03-03", timezone: "UTC" }))).toEqual([
      "Invoice 100% paid_",
      "Yes, the BLUE one is ready",
    ]);
    // 1 March 10:00 UTC is 1 March 17:00 in Jakarta but 28 February 23:00 in Pago Pago (UTC-11).
    expect(contents(await c.chat.search({ to: "2026-02-28", timezone: "Pacific/Pago_Pago" }))).toEqual(["Is the blue shirt ready?"]);
  });

  it("filters by contact: a number in any format, part of a number, or a saved name", async () => {
    const c = await callerFor(owner);
    const alice = ["blue again from support", "Yes, the BLUE one is ready", "Is the blue shirt ready?"];
    expect(contents(await c.chat.search({ contact: "0811-1111-1111" }))).toEqual(alice);
    expect(contents(await c.chat.search({ contact: "+62 811 1111 1111" }))).toEqual(alice);
    expect(contents(await c.chat.search({ contact: "22222" }))).toEqual(["Invoice 100% paid_"]);
    expect(contents(await c.chat.search({ contact: "wonder" }))).toEqual(alice);
    expect(contents(await c.chat.search({ contact: "nobody" }))).toEqual([]);
  });

  it("pages with a cursor without duplicates", async () => {
    const c = await callerFor(owner);
    const first = await c.chat.search({ limit: 2 });
    const second = await c.chat.search({ limit: 2, cursor: first.nextCursor ?? undefined });
    expect(second.nextCursor).toBeNull();
    expect([...contents(first), ...contents(second)]).toEqual([
      "blue again from support",
      "Invoice 100% paid_",
      "Yes, the BLUE one is ready",
      "Is the blue shirt ready?",
    ]);
  });

  it("another user's device is NOT_FOUND; an admin searches everything, groups included", async () => {
    const c = await callerFor(owner);
    await expect(c.chat.search({ deviceId: foreign.deviceId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const all = await (await callerFor(admin)).chat.search({ text: "blue", limit: 10 });
    expect(contents(all)).toEqual(["blue foreign secret", "blue again from support", "blue group", "Yes, the BLUE one is ready", "Is the blue shirt ready?"]);
    const paged = await (await callerFor(admin)).chat.search({ limit: 3 });
    const rest = await (await callerFor(admin)).chat.search({ limit: 3, cursor: paged.nextCursor ?? undefined });
    expect([...contents(paged), ...contents(rest)]).toHaveLength(6);
    expect(new Set([...paged.items, ...rest.items].map((m) => m.id)).size).toBe(6);
  });
});
