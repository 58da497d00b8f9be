"use client";

import { useMemo } from "react";
import { intlLocale } from "@/i18n/config";
import { useLocale } from "@/i18n/provider";

/** Weekday names in the reader's language, Monday (0) first: 1 January 2024 was a Monday. */
export function useWeekdayNames(width: "long" | "short" = "long"): string[] {
  const locale = useLocale();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(intlLocale[locale], { weekday: width, timeZone: "UTC" });
    return Array.from({ length: 7 }, (_, day) => format.format(new Date(Date.UTC(2024, 0, 1 + day))));
  }, [locale, width]);
}
