import { beforeEach, describe, expect, it } from "vitest";
import { eventBus } from "../../../src/server/events/bus";
import { fromWire } from "../../../src/server/events/client-event";
import { callerFor, createUser } from "../../helpers/actors";
import { resetDb } from "../../helpers/db";

beforeEach(resetDb);

interface Received {
  id: string;
  name: string;
  data: unknown;
}

/** Opens a stream as `user`, resuming after `lastEventId` (default: the bus's current position, so nothing is missed). */
async function open(user: Awaited<ReturnType<typeof createUser>>, lastEventId = eventBus().lastId) {
  const abort = new AbortController();
  const caller = await callerFor(user, { signal: abort.signal });
  const iterator = (await caller.events.stream({ lastEventId }))[Symbol.asyncIterator]();
  const next = async (): Promise<Received> => {
    const result = await iterator.next();
    if (result.done) throw new Error("stream ended");
    // tracked() yields [id, data, marker]; the data is the event serialised once for every subscriber.
    const [id, wire] = result.value as unknown as [string, string];
    const event = fromWire(wire);
    return { id, name: event.name, data: event.data };
  };
  return { iterator, next, close: () => abort.abort() };
}

describe("events.stream", () => {
  it("delivers a user's own device events, not other users', and everything to admins", async () => {
    const alice = await createUser();
    const bob = await createUser();
    const admin = await createUser("admin");
    const a = await open(alice);
    const b = await open(bob);
    const ad = await open(admin);
    const bus = eventBus();
    bus.publish("device.status", { deviceId: "dev-bob", status: "connecting", phoneNumber: null, reason: null }, { ownerId: bob.id });
    const mine = bus.publish(
      "device.status",
      { deviceId: "dev-alice", status: "connected", phoneNumber: "+6281", reason: null },
      { ownerId: alice.id },
    );
    expect(await a.next()).toMatchObject({ id: String(mine.id), name: "device.status", data: { deviceId: "dev-alice" } });
    expect(await b.next()).toMatchObject({ data: { deviceId: "dev-bob" } });
    expect(await ad.next()).toMatchObject({ data: { deviceId: "dev-bob" } });
    expect(await ad.next()).toMatchObject({ data: { deviceId: "dev-alice" } });
    a.close();
    b.close();
    ad.close();
  });

  it("resumes after lastEventId without losing or repeating events", async () => {
    const alice = await createUser();
    const bus = eventBus();
    const scope = { ownerId: alice.id };
    const e1 = bus.publish("admin.notice", { level: "info", message: "one" }, scope);
    bus.publish("admin.notice", { level: "info", message: "two" }, scope);
    bus.publish("admin.notice", { level: "info", message: "three" }, scope);
    const s = await open(alice, e1.id);
    const got = [(await s.next()).data, (await s.next()).data];
    expect(got).toEqual([
      { level: "info", message: "two" },
      { level: "info", message: "three" },
    ]);
    bus.publish("admin.notice", { level: "info", message: "four" }, scope);
    expect((await s.next()).data).toEqual({ level: "info", message: "four" });
    s.close();
  });

  it("ends the open stream of a user who gets locked with UNAUTHORIZED, which the browser acts on", async () => {
    const admin = await createUser("admin");
    const alice = await createUser();
    const s = await open(alice);
    const ended = expect(s.iterator.next()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await (await callerFor(admin)).admin.users.setActive({ userId: alice.id, isActive: false });
    await ended;
    await expect(open(alice)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("refuses anonymous callers", async () => {
    const anon = await callerFor(null);
    await expect(anon.events.stream()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
