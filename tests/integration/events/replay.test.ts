import { describe, expect, it } from "vitest";
import { eventBus } from "../../../src/server/events/bus";

const notice = (n: number) => eventBus().publish("admin.notice", { level: "info", message: `notice ${n}` }, { ownerId: null });

describe("[EVENTS][REPLAY] the bus keeps the last 2,000 events for reconnecting subscribers", () => {
  it("replays the events after an id, oldest first, and at most the last 2,000 once more were published", async () => {
    const bus = eventBus();
    const before = bus.lastId;
    const published = Array.from({ length: 2_500 }, (_, i) => notice(i));
    expect(published.map((e) => e.id)).toEqual(Array.from({ length: 2_500 }, (_, i) => before + 1 + i));

    expect(bus.replay(bus.lastId)).toEqual([]);
    expect(bus.replay(bus.lastId + 10)).toEqual([]);
    expect(bus.replay(bus.lastId - 3)).toEqual(published.slice(-3));
    // Older than the buffer: what is left, the last 2,000, in order.
    expect(bus.replay(before)).toEqual(published.slice(-2_000));
    expect(bus.replay(0)).toEqual(published.slice(-2_000));

    const next = notice(2_500);
    expect(bus.replay(before)).toEqual([...published.slice(-1_999), next]);
  });
});
