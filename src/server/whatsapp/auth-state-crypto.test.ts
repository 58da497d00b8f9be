import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { AuthDecryptError, AuthKeyError, createAuthCipher, parseAuthKey, type AuthRowRef } from "./auth-state-crypto";

const key = randomBytes(32);
const row: AuthRowRef = { deviceDbId: 7, category: "session", keyId: "100000000000002.0" };

describe("parseAuthKey", () => {
  it("accepts 32 bytes as hex, base64 and URL-safe base64", () => {
    expect(parseAuthKey(key.toString("hex"))).toEqual(key);
    expect(parseAuthKey(key.toString("hex").toUpperCase())).toEqual(key);
    expect(parseAuthKey(key.toString("base64"))).toEqual(key);
    expect(parseAuthKey(key.toString("base64url"))).toEqual(key);
    expect(parseAuthKey(`  ${key.toString("base64")}\n`)).toEqual(key);
  });

  it.each([
    ["too short hex", "ab".repeat(16), /decodes to 24 bytes/],
    ["too long base64", randomBytes(48).toString("base64"), /decodes to 48 bytes/],
    ["a passphrase", "correct horse battery staple", /64 hex characters or as base64/],
    ["empty", "", /64 hex characters or as base64/],
  ])("rejects %s", (_label, value, message) => {
    expect(() => parseAuthKey(value)).toThrow(AuthKeyError);
    expect(() => parseAuthKey(value)).toThrow(message);
  });
});

describe("createAuthCipher", () => {
  const cipher = createAuthCipher(key);
  const plaintext = Buffer.from(JSON.stringify({ private: "secret key material" }));

  it("round-trips, with a fresh IV every time and no plaintext in the output", () => {
    const a = cipher.encrypt(row, plaintext);
    const b = cipher.encrypt(row, plaintext);
    expect(a.equals(b)).toBe(false);
    expect(a[0]).toBe(1);
    expect(a.length).toBe(1 + 12 + 16 + plaintext.length);
    expect(a.includes(Buffer.from("secret"))).toBe(false);
    expect(cipher.decrypt(row, a)).toEqual(plaintext);
    expect(cipher.decrypt(row, new Uint8Array(b))).toEqual(plaintext);
  });

  it.each([
    ["the version", 0],
    ["the IV", 5],
    ["the tag", 20],
    ["the ciphertext", 40],
  ])("detects tampering with %s", (_part, index) => {
    const blob = cipher.encrypt(row, plaintext);
    blob[index] = (blob[index] ?? 0) ^ 0x01;
    expect(() => cipher.decrypt(row, blob)).toThrow(AuthDecryptError);
  });

  it.each([
    ["another device", { ...row, deviceDbId: 8 }],
    ["another category", { ...row, category: "pre-key" }],
    ["another key id", { ...row, keyId: "100000000000002.1" }],
  ])("refuses a row moved to %s", (_label, moved) => {
    const blob = cipher.encrypt(row, plaintext);
    expect(() => cipher.decrypt(moved, blob)).toThrow(/authentication failed/);
  });

  it("refuses a truncated entry and a different key", () => {
    const blob = cipher.encrypt(row, plaintext);
    expect(() => cipher.decrypt(row, blob.subarray(0, 20))).toThrow(/truncated/);
    expect(() => createAuthCipher(randomBytes(32)).decrypt(row, blob)).toThrow(AuthDecryptError);
    expect(() => createAuthCipher(randomBytes(16))).toThrow(AuthKeyError);
  });
});
