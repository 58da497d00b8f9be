import { describe, expect, it } from "vitest";
import { compileSafeRegex } from "./safe-regex";

describe("[BOT][REGEX] rule regexes run in linear time", () => {
  it("a catastrophic pattern on a long input returns quickly and the event loop keeps turning", async () => {
    const check = compileSafeRegex("(a+)+$");
    if (!check.ok) throw new Error(check.error);
    const input = `${"a".repeat(50_000)}!`;
    // A timer due at once must fire while matching runs in slices: prove the loop is not held for long.
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 1);
    const started = performance.now();
    let matched = true;
    for (let i = 0; i < 5; i += 1) {
      matched = check.regex.find(input);
      await new Promise((resolve) => setImmediate(resolve));
    }
    const perMatchMs = (performance.now() - started) / 5;
    clearInterval(ticker);
    expect(matched).toBe(false);
    // Backtracking engines need ~2^50000 steps here; RE2 is linear (a few ms per 50k chars even on a loaded machine).
    expect(perMatchMs).toBeLessThan(2000);
    expect(ticks).toBeGreaterThan(0);
  });

  it("matches case-insensitively", () => {
    const check = compileSafeRegex("^order\\s+\\d+$");
    expect(check.ok && check.regex.find("ORDER 12")).toBe(true);
  });

  it.each([
    ["(a", /missing closing \)/],
    ["(?=a)b", /invalid or unsupported Perl syntax/],
    ["(a)\\1", /invalid escape sequence/],
    ["[z-a]", /invalid character class range/],
  ])("refuses %s with the parser's reason", (pattern, reason) => {
    const check = compileSafeRegex(pattern);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.error).toMatch(reason);
  });
});
