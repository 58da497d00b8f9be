import { describe, expect, it } from "vitest";
import { canonicalTimeZone, parseScheduleTime } from "./zoned-time";

const at = (input: string, tz: string) => {
  const result = parseScheduleTime(input, tz);
  if (!result.ok) throw new Error(result.error);
  return result.at.toISOString();
};

describe("canonicalTimeZone", () => {
  it("accepts IANA names in any case and refuses unknown ones", () => {
    expect(canonicalTimeZone("Asia/Jakarta")).toBe("Asia/Jakarta");
    expect(canonicalTimeZone("asia/jakarta")).toBe("Asia/Jakarta");
    expect(canonicalTimeZone("UTC")).toBe("UTC");
    expect(canonicalTimeZone("Mars/Olympus")).toBeNull();
    expect(canonicalTimeZone("")).toBeNull();
  });
});

describe("parseScheduleTime", () => {
  it("reads a wall-clock time in the given zone", () => {
    expect(at("2026-05-01T09:00", "Asia/Jakarta")).toBe("2026-05-01T02:00:00.000Z");
    expect(at("2026-05-01 09:00:30", "Asia/Jakarta")).toBe("2026-05-01T02:00:30.000Z");
    expect(at("2026-01-15T12:00", "Europe/Berlin")).toBe("2026-01-15T11:00:00.000Z");
    expect(at("2026-07-15T12:00", "Europe/Berlin")).toBe("2026-07-15T10:00:00.000Z");
  });

  it("keeps an explicit offset or Z whatever the zone", () => {
    expect(at("2026-05-01T09:00:00Z", "Asia/Jakarta")).toBe("2026-05-01T09:00:00.000Z");
    expect(at("2026-05-01T09:00:00.250+07:00", "America/New_York")).toBe("2026-05-01T02:00:00.250Z");
    expect(at("2026-05-01T09:00-0330", "UTC")).toBe("2026-05-01T12:30:00.000Z");
  });

  it("moves a time skipped by DST forward and takes the earlier of a repeated one", () => {
    // New York: 2026-03-08 02:00 → 03:00; 2026-11-01 02:00 → 01:00.
    expect(at("2026-03-08T02:30", "America/New_York")).toBe("2026-03-08T07:30:00.000Z");
    expect(at("2026-11-01T01:30", "America/New_York")).toBe("2026-11-01T05:30:00.000Z");
  });

  it("refuses malformed and impossible dates", () => {
    for (const bad of ["tomorrow", "2026-02-30T10:00", "2026-05-01T24:00", "2026-05-01", "2026-05-01T09:00+15:00", "1714554000"]) {
      expect(parseScheduleTime(bad, "UTC").ok, bad).toBe(false);
    }
  });
});
