import { describe, expect, it } from "vitest";
import { eventBus } from "../../../src/server/events/bus";
import { EventFanout, type FanoutSink } from "../../../src/server/events/fanout";
import type { AppEvent } from "../../../src/server/events/types";

/** A sink that records what it got; `next()` resolves once the fan-out has flushed an event to it. */
function recorder() {
  const got: AppEvent[] = [];
  let revoked = false;
  const waiters: Array<() => void> = [];
  const sink: FanoutSink = {
    deliver(event) {
      got.push(event);
      for (const wake of waiters.splice(0)) wake();
    },
    revoked() {
      revoked = true;
    },
  };
  const count = async (n: number) => {
    while (got.length < n) await new Promise<void>((resolve) => waiters.push(resolve));
    return got.map((e) => e.id);
  };
  return { sink, got, count, isRevoked: () => revoked };
}

const notice = (message: string, ownerId: number | null) => eventBus().publish("admin.notice", { level: "info", message }, { ownerId });

describe("the shared event fan-out", () => {
  it("hands each subscriber only the events it may see, once and in order, however many share them", async () => {
    const fanout = new EventFanout(eventBus());
    const alice = [recorder(), recorder()];
    const bob = recorder();
    const admin = recorder();
    const detach = [
      ...alice.map((r) => fanout.attach({ id: 9001, role: "user" }, null, r.sink)),
      fanout.attach({ id: 9002, role: "user" }, null, bob.sink),
      fanout.attach({ id: 1, role: "admin" }, null, admin.sink),
    ];
    const a1 = notice("alice 1", 9001);
    const b1 = notice("bob 1", 9002);
    const sys = notice("admins only", null);
    const a2 = notice("alice 2", 9001);

    expect(await admin.count(4)).toEqual([a1.id, b1.id, sys.id, a2.id]);
    for (const tab of alice) expect(await tab.count(2)).toEqual([a1.id, a2.id]);
    expect(await bob.count(1)).toEqual([b1.id]);
    // The very same event object reaches every subscriber: it is serialised once per subscription id, not per socket.
    expect(alice[0]!.got[0]).toBe(admin.got[0]);
    for (const d of detach) d();
    notice("after detach", 9001);
    notice("sentinel", 9002);
    const late = recorder();
    const stop = fanout.attach({ id: 9002, role: "user" }, b1.id, late.sink);
    // Resuming after b1 replays bob's later events only; alice's tabs got nothing after detaching.
    expect(late.got.map((e) => e.data)).toEqual([{ level: "info", message: "sentinel" }]);
    const live = notice("live", 9002);
    expect((await late.count(2))[1]).toBe(live.id);
    expect(alice[0]!.got).toHaveLength(2);
    stop();
    fanout.close();
  });

  it("replays after lastEventId and then continues live without a gap or a repeat", async () => {
    const fanout = new EventFanout(eventBus());
    const first = notice("one", 9003);
    const second = notice("two", 9003);
    const r = recorder();
    // Published in the same tick as the attach: queued for the flush and also in the replay buffer.
    const third = notice("three", 9003);
    const stop = fanout.attach({ id: 9003, role: "user" }, first.id, r.sink);
    const fourth = notice("four", 9003);
    expect(await r.count(3)).toEqual([second.id, third.id, fourth.id]);
    stop();
    fanout.close();
  });

  it("drops and tells the subscribers of a user whose sessions were revoked, not anyone else's", async () => {
    const fanout = new EventFanout(eventBus());
    const locked = recorder();
    const other = recorder();
    fanout.attach({ id: 9004, role: "user" }, null, locked.sink);
    const stop = fanout.attach({ id: 9005, role: "user" }, null, other.sink);
    eventBus().signal("user.sessionsRevoked", { userId: 9004 });
    expect(locked.isRevoked()).toBe(true);
    expect(other.isRevoked()).toBe(false);
    expect(fanout.size).toBe(1);
    notice("after the lock", 9004);
    const mine = notice("still live", 9005);
    expect(await other.count(1)).toEqual([mine.id]);
    expect(locked.got).toHaveLength(0);
    stop();
    fanout.close();
  });
});
