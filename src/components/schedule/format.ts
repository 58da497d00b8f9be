import { intlLocale, type Locale } from "@/i18n/config";

/** "1 May 2026, 09:00 (Asia/Jakarta)": an instant as the wall-clock time of the zone it was scheduled in. */
export function formatInZone(value: Date | string, timeZone: string, locale: Locale): string {
  const date = new Date(value);
  try {
    const text = new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: "medium", timeStyle: "short", timeZone }).format(date);
    return `${text} (${timeZone.replaceAll("_", " ")})`;
  } catch {
    return new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: "medium", timeStyle: "short" }).format(date);
  }
}
