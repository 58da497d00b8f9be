import { afterEach, describe, expect, it } from "vitest";
import { normalizePhone, parsePhone, phoneFromJid, toJid, zPhone } from "./phone";

const savedDefault = process.env.DEFAULT_COUNTRY_CODE;
afterEach(() => {
  if (savedDefault === undefined) delete process.env.DEFAULT_COUNTRY_CODE;
  else process.env.DEFAULT_COUNTRY_CODE = savedDefault;
});

describe("parsePhone", () => {
  it.each([
    ["0812-3456-7890", "+6281234567890"],
    ["0812 3456 7890", "+6281234567890"],
    ["(0812) 3456.7890", "+6281234567890"],
    ["+62 812 3456 7890", "+6281234567890"],
    ["6281234567890", "+6281234567890"],
    ["812-3456-7890", "+6281234567890"],
    ["+1 555 123 4567", "+15551234567"],
    ["+44 20 7946 0958", "+442079460958"],
  ])("normalises %s to %s", (input, e164) => {
    expect(parsePhone(input)).toEqual({ ok: true, e164 });
  });

  // The rule for numbers without "+", default calling code 62: a leading 0 is national; digits that start with 62
  // and form a possible number read internationally are international; anything else is national (+62).
  it.each([
    // Indonesian, written with the country code but no "+": never doubled into +6262…
    ["62811555666", "+62811555666"],
    ["6281234567890", "+6281234567890"],
    ["62 811-555-666", "+62811555666"],
    ["(62) 812 3456 7890", "+6281234567890"],
    ["62-812-3456-7890", "+6281234567890"],
    // Indonesian national forms
    ["0812 3456 7890", "+6281234567890"],
    ["08123456789", "+628123456789"],
    ["0811-555-666", "+62811555666"],
    ["(021) 555-1234", "+62215551234"],
    ["081 555 666", "+6281555666"],
    // other countries with "+": their own country code
    ["+44 20 7946 0958", "+442079460958"],
    ["+44 (0)20 7946 0958", "+442079460958"],
    ["+1 (415) 555-2671", "+14155552671"],
    ["+1 415.555.2671", "+14155552671"],
    ["+65 8123 4567", "+6581234567"],
    ["+60 12-345 6789", "+60123456789"],
    // other countries' digits without "+" are read nationally: the preview shows the +62 reading before sending
    ["44 20 7946 0958", "+62442079460958"],
    ["1 415 555 2671", "+6214155552671"],
  ])("without or with '+': %s → %s", (input, e164) => {
    expect(parsePhone(input, "62")).toEqual({ ok: true, e164 });
  });

  it.each([
    // starts with the calling code but is not possible internationally (too short): read nationally instead
    ["6281555", "+626281555"],
  ])("falls back to the national reading when the international one is impossible: %s → %s", (input, e164) => {
    expect(parsePhone(input, "62")).toEqual({ ok: true, e164 });
  });

  it.each([
    ["447946095812", "44", "+447946095812"],
    ["07946 095812", "44", "+447946095812"],
    ["14155552671", "1", "+14155552671"],
    ["(415) 555-2671", "1", "+14155552671"],
  ])("applies the same rule to another default calling code: %s with %s → %s", (input, code, e164) => {
    expect(parsePhone(input, code)).toEqual({ ok: true, e164 });
  });

  it.each([
    ["", "Enter a phone number"],
    ["   ", "Enter a phone number"],
    ["08123", "is too short"],
    ["12", "is too short"],
    ["+999 123456", "unknown country code"],
    ["call 0812 3456 7890", "may only contain digits"],
    ["0812-3456-7890 ext 5", "may only contain digits"],
    ["+62 812 3456 7890 1234", "too long"],
  ])("rejects %j with a clear reason", (input, reason) => {
    const result = parsePhone(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(reason);
  });

  it("uses DEFAULT_COUNTRY_CODE for numbers without a country code", () => {
    process.env.DEFAULT_COUNTRY_CODE = "44";
    expect(normalizePhone("020 7946 0958")).toBe("+442079460958");
    expect(normalizePhone("0812 3456 7890", "62")).toBe("+6281234567890");
  });

  it("ignores a malformed DEFAULT_COUNTRY_CODE and falls back to 62", () => {
    process.env.DEFAULT_COUNTRY_CODE = "+62x";
    expect(normalizePhone("0812-3456-7890")).toBe("+6281234567890");
  });
});

describe("jids", () => {
  it("builds a user jid from E.164 and reads it back", () => {
    expect(toJid("+6281234567890")).toBe("6281234567890@s.whatsapp.net");
    expect(phoneFromJid("6281234567890@s.whatsapp.net")).toBe("+6281234567890");
    expect(phoneFromJid("6281234567890:7@s.whatsapp.net")).toBe("+6281234567890");
    expect(phoneFromJid("100000000000002@lid")).toBeNull();
    expect(phoneFromJid("123-456@g.us")).toBeNull();
  });

  it("refuses to build a jid from a non-E.164 string", () => {
    expect(() => toJid("081234567890")).toThrow(/E\.164/);
  });
});

describe("zPhone", () => {
  it("yields E.164 and reports a readable issue", () => {
    expect(zPhone.parse("0812-3456-7890")).toBe("+6281234567890");
    const result = zPhone.safeParse("08123");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('"08123" is too short');
  });
});
