import { describe, expect, it } from "vitest";
import { metricsAccess, parseAllowList } from "./access";
import { failureReason } from "./failure-reason";
import { MessageTimings } from "./message-timings";

describe("MessageTimings", () => {
  it("times a mark once and forgets it", () => {
    const timings = new MessageTimings();
    timings.mark(1, 1000);
    expect(timings.take(1, 3500)).toBe(2.5);
    expect(timings.take(1, 4000)).toBeNull();
  });

  it("stays within its capacity, dropping the oldest marks first", () => {
    const timings = new MessageTimings(3);
    for (let id = 1; id <= 5; id++) timings.mark(id, id);
    expect(timings.take(1, 10)).toBeNull();
    expect(timings.take(2, 10)).toBeNull();
    expect(timings.take(3, 10)).toBe((10 - 3) / 1000);
    expect(timings.take(5, 10)).toBe((10 - 5) / 1000);
  });
});

describe("failureReason", () => {
  it("maps the send path's errors to a few labels", () => {
    expect(failureReason("The device went offline before the message was sent")).toBe("device_offline");
    expect(failureReason("WhatsApp did not accept the message: bad jid")).toBe("rejected");
    expect(failureReason("Gave up: the device stayed logged out")).toBe("gave_up");
    expect(failureReason("something new")).toBe("other");
    expect(failureReason(null)).toBe("other");
  });
});

describe("metrics access", () => {
  it("refuses a malformed allow-list entry", () => {
    expect(() => parseAllowList("10.0.0.0/8, nonsense")).toThrow(/nonsense/);
    expect(() => parseAllowList("10.0.0.1/abc")).toThrow();
    expect(parseAllowList(" , ")).toBeNull();
  });

  it("matches IPv6 ranges and compares tokens exactly", () => {
    const config = { allowIps: "fd00::/8", token: "a-long-enough-token" };
    expect(metricsAccess(config, { authorization: null, ip: "fd12::1" })).toBe("allowed");
    expect(metricsAccess(config, { authorization: null, ip: "2001:db8::1" })).toBe("unauthorized");
    expect(metricsAccess(config, { authorization: "Bearer a-long-enough-token", ip: "unknown" })).toBe("allowed");
    expect(metricsAccess(config, { authorization: "Bearer a-long-enough-token-and-more", ip: "unknown" })).toBe("unauthorized");
    expect(metricsAccess({}, { authorization: "Bearer x", ip: "127.0.0.1" })).toBe("disabled");
  });
});
