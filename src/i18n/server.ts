import { cookies } from "next/headers";
import { defaultLocale, isLocale, LOCALE_COOKIE, type Locale } from "./config";
import { createTranslator } from "./translate";
import type { Translate } from "./types";

/** The visitor's locale from the cookie (set by the language switch). */
export async function getLocale(): Promise<Locale> {
  const value = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(value) ? value : defaultLocale;
}

export async function getT(): Promise<Translate> {
  return createTranslator(await getLocale());
}
