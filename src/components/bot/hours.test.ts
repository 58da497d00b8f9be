import { describe, expect, it } from "vitest";
import { addClosedDate, addInterval, changeInterval, copyDay, fullWeek, hoursAreValid, intervalProblem, isOvernight, removeClosedDate, removeInterval, setDayOpen } from "./hours";
import type { BusinessHours } from "./types";

const empty: BusinessHours = { weekly: [], closedDates: [] };

describe("business hours editing", () => {
  it("always shows seven days, Monday first, missing days closed", () => {
    const week = fullWeek([{ day: 2, intervals: [{ start: "08:00", end: "12:00" }] }]);
    expect(week.map((d) => d.day)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(week[2]?.intervals).toEqual([{ start: "08:00", end: "12:00" }]);
    expect(week[0]?.intervals).toEqual([]);
  });

  it("opens a closed day at 09:00–17:00 and adds the next interval after the last one", () => {
    let hours = setDayOpen(empty, 0, true);
    expect(fullWeek(hours.weekly)[0]?.intervals).toEqual([{ start: "09:00", end: "17:00" }]);
    hours = changeInterval(hours, 0, 0, { start: "08:00", end: "12:00" });
    hours = addInterval(hours, 0);
    expect(fullWeek(hours.weekly)[0]?.intervals).toEqual([
      { start: "08:00", end: "12:00" },
      { start: "13:00", end: "15:00" },
    ]);
    expect(hoursAreValid(hours)).toBe(true);
    hours = removeInterval(hours, 0, 0);
    expect(fullWeek(hours.weekly)[0]?.intervals).toEqual([{ start: "13:00", end: "15:00" }]);
    expect(fullWeek(setDayOpen(hours, 0, false).weekly)[0]?.intervals).toEqual([]);
  });

  it("copies a day's intervals to the chosen days only, as copies", () => {
    const source = changeInterval(addInterval(setDayOpen(empty, 0, true), 0), 0, 1, { start: "13:00", end: "17:00" });
    const copied = copyDay(source, 0, [1, 2, 0]);
    const week = fullWeek(copied.weekly);
    expect(week[1]?.intervals).toEqual(week[0]?.intervals);
    expect(week[2]?.intervals).toEqual(week[0]?.intervals);
    expect(week[3]?.intervals).toEqual([]);
    expect(week[1]?.intervals).not.toBe(week[0]?.intervals);
  });

  it("flags overlaps and zero-length intervals but allows intervals past midnight", () => {
    const day = [
      { start: "08:00", end: "12:00" },
      { start: "11:00", end: "13:00" },
      { start: "22:00", end: "02:00" },
      { start: "14:00", end: "14:00" },
      { start: "8:00", end: "10:00" },
    ];
    expect(day.map((_, i) => intervalProblem(day, i))).toEqual([null, "overlap", null, "empty", "invalid"]);
    expect(isOvernight({ start: "22:00", end: "02:00" })).toBe(true);
    expect(isOvernight({ start: "08:00", end: "12:00" })).toBe(false);
    // Touching intervals do not overlap.
    expect(intervalProblem([{ start: "08:00", end: "12:00" }, { start: "12:00", end: "13:00" }], 1)).toBeNull();
  });

  it("keeps closed dates sorted and without duplicates", () => {
    let hours = addClosedDate(empty, "2026-12-25");
    hours = addClosedDate(hours, "2026-08-17");
    hours = addClosedDate(hours, "2026-12-25");
    expect(hours.closedDates).toEqual(["2026-08-17", "2026-12-25"]);
    expect(removeClosedDate(hours, "2026-08-17").closedDates).toEqual(["2026-12-25"]);
  });
});
