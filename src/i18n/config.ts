export const locales = ["en", "id"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";
export const LOCALE_COOKIE = "sb-locale";

/** BCP 47 tags for Intl formatters. */
export const intlLocale: Record<Locale, string> = { en: "en-GB", id: "id-ID" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}
