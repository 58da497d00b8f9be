import { describe, expect, it } from "vitest";
import { createPluralTranslator, createTranslator } from "@/i18n/translate";
import { describeActivityDetails } from "./describe-activity";
import { actionLabel } from "./action-label";

const formatters = (locale: "en" | "id") => ({
  t: createTranslator(locale),
  plural: createPluralTranslator(locale),
  dateTime: (value: Date | string) => new Date(value).toISOString().slice(0, 16).replace("T", " "),
});

// Details as activity.list returns them: display strings, plus the names the server looked up.
const CASES: Array<[string, Record<string, string>, string, string]> = [
  ["profile.update", { fields: "fullName, email" }, "Changed: full name, email.", "Diubah: nama lengkap, email."],
  ["device.connect", { deviceId: "9d0b4f40-aaaa", deviceName: "Toko Budi" }, "Device “Toko Budi”.", "Perangkat “Toko Budi”."],
  ["device.connect", { deviceId: "9d0b4f40-aaaa" }, "Device a device that no longer exists.", "Perangkat perangkat yang sudah tidak ada."],
  ["device.assign", { deviceId: "x", deviceName: "Kasir", fromOwnerId: "3", toOwnerId: "5", fromOwnerName: "Uma", toOwnerName: "Budi" }, "Device “Kasir” moved from Uma to Budi.", "Perangkat “Kasir” dipindahkan dari Uma ke Budi."],
  ["template.update", { baseId: "9d0b4f40-1234", version: "2", previousId: "7", templateName: "Order ready" }, "“Order ready”, now version 2.", "“Order ready”, kini versi 2."],
  ["template.delete", { baseId: "9d0b4f40-1234", name: "Promo", versions: "1" }, "“Promo”, with its only version.", "“Promo”, beserta 1 versinya."],
  ["contact.export", { tagIds: "4, 9", tagMatch: "any" }, "Contacts matching any of 2 chosen tags.", "Kontak yang cocok dengan salah satu dari 2 label yang dipilih."],
  ["contact.export", { tagIds: "", search: "budi" }, "Contacts matching the search “budi”.", "Kontak yang cocok dengan pencarian “budi”."],
  ["contact.setTags", { tagIds: "4" }, "The contact now has 1 tag.", "Kontak kini memiliki 1 label."],
  ["scheduled.create", { deviceId: "d", deviceName: "Toko", scheduleTime: "2026-12-03T09:00:00.000Z", timezone: "Asia/Jakarta", mediaType: "image" }, "From device “Toko”, for 2026-12-03 09:00, with an attachment (image).", "Dari perangkat “Toko”, untuk 2026-12-03 09:00, dengan lampiran (gambar)."],
];

describe("describeActivityDetails", () => {
  it.each(CASES)("%s %j reads as a sentence in English and Indonesian", (action, details, en, id) => {
    expect(describeActivityDetails(action, details, formatters("en"))).toBe(en);
    expect(describeActivityDetails(action, details, formatters("id"))).toBe(id);
  });

  it("never shows a raw key or an internal id", () => {
    for (const [action, details] of CASES) {
      for (const locale of ["en", "id"] as const) {
        const text = describeActivityDetails(action, details, formatters(locale)) ?? "";
        expect(text).not.toMatch(/baseId|tagMatch|previousId|fields|9d0b4f40|activity\.|\bany\b(?! of)/);
      }
    }
  });

  it("labels an unknown action in words, not by its key", () => {
    expect(actionLabel("bot.updateRules", createTranslator("en"))).toBe("Another action");
    expect(actionLabel("bot.updateRules", createTranslator("id"))).toBe("Tindakan lain");
  });
});
