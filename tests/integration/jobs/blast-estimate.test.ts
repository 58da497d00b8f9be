import { describe, expect, it } from "vitest";
import { estimateBlast } from "../../../src/server/services/jobs/blast-estimate";
import type { LaneUsage } from "../../../src/server/services/jobs/send-caps";

/** Local times (the caps count per server-local clock hour and day). */
function at(hours: number, minutes = 0, seconds = 0, day = 10): Date {
  return new Date(2026, 11, day, hours, minutes, seconds);
}

function usage(hourly: number, daily: number, sentThisHour = 0, sentToday = 0): LaneUsage {
  return { caps: { hourly, daily }, sentThisHour, sentToday };
}

describe("[JOBS][ETA] the blast estimate with the device's send caps", () => {
  it("is the pacing alone when the caps never hold the job", () => {
    expect(estimateBlast(11, 3000, usage(500, 5000), at(9))).toEqual({ seconds: 30, capWait: null });
    expect(estimateBlast(0, 3000, usage(500, 5000), at(9))).toEqual({ seconds: 0, capWait: null });
  });

  it("waits for the next clock hour at the hourly cap, counting what the device sent this hour", () => {
    const now = at(9, 50);
    // 2 of 3 sent this hour: one more now, then 3 at 10:00, the last at 11:00.
    const estimate = estimateBlast(5, 1000, usage(3, 5000, 2, 2), now, now);
    expect(estimate.capWait).toEqual({ reason: "hourly_cap", cap: 3, waitsAt: at(9, 50, 1), resumesAt: at(10) });
    expect(estimate.seconds).toBe((at(11).getTime() - now.getTime()) / 1000);
  });

  it("waits for tomorrow at the daily cap, and a start in another hour or day does not count today's sends", () => {
    const now = at(22);
    const estimate = estimateBlast(4, 0, usage(100, 3, 0, 2), now, now);
    expect(estimate.capWait).toEqual({ reason: "daily_cap", cap: 3, waitsAt: now, resumesAt: at(0, 0, 0, 11) });
    expect(estimate.seconds).toBe((at(0, 0, 0, 11).getTime() - now.getTime()) / 1000);
    // Starting at 23:00 the hour's 3 sends no longer count, the day's do: 2 more today, 2 after midnight.
    expect(estimateBlast(4, 0, usage(3, 5, 3, 3), at(23), now)).toEqual({
      seconds: 3600,
      capWait: { reason: "daily_cap", cap: 5, waitsAt: at(23), resumesAt: at(0, 0, 0, 11) },
    });
  });
});
