"use client";

import { useT } from "@/i18n/provider";
import { formatPhone } from "@/lib/phone";
import { useParsePhone } from "./phone-rule";

/**
 * The number as it will be sent or saved ("Sends to +62 811-555-666"), shown while typing so a misread number is
 * caught before anything leaves; the fallback hint while the input is empty or not yet a number.
 */
export function useNormalisedPhoneHint(value: string, fallback: string, verb: "send" | "save" | "open" = "send"): string {
  const t = useT();
  const parse = useParsePhone();
  const parsed = value.trim() === "" ? null : parse(value);
  if (!parsed?.ok) return fallback;
  const number = formatPhone(parsed.e164);
  if (verb === "save") return t("phone.savesAs", { number });
  if (verb === "open") return t("phone.opensChatWith", { number });
  return t("phone.sendsTo", { number });
}
