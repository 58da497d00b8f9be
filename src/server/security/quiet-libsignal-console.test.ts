import { describe, expect, it } from "vitest";
import { isKeyLeak } from "./quiet-libsignal-console";

class SessionEntry {
  indexInfo = { closed: -1 };
}

describe("isKeyLeak", () => {
  it("catches libsignal's session dumps by message and by shape", () => {
    expect(isKeyLeak(["Closing session:", {}])).toBe(true);
    expect(isKeyLeak(["Something new:", new SessionEntry()])).toBe(true);
    expect(isKeyLeak(["dump", { currentRatchet: { rootKey: "x" } }])).toBe(true);
    expect(isKeyLeak(["dump", { a: { b: { privKey: "x" } } }])).toBe(true);
    expect(isKeyLeak(["bytes", Buffer.from("secret")])).toBe(true);
  });

  it("lets ordinary console output through", () => {
    expect(isKeyLeak(["Switchboard ready", { url: "http://127.0.0.1:3000" }])).toBe(false);
    expect(isKeyLeak([new Error("Failed to decrypt message with any known session...")])).toBe(false);
    expect(isKeyLeak(["warning", 42, "text"])).toBe(false);
  });
});
