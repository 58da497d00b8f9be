/** "2026-05-01T09:00:05": the wall-clock time of `date` in `timeZone`, as a datetime-local value. */
export function wallClock(date: Date, timeZone: string, withSeconds: boolean): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}${withSeconds ? `:${p.second}` : ""}`;
}
