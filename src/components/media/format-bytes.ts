"use client";

import { useMemo } from "react";
import { intlLocale } from "@/i18n/config";
import { useLocale } from "@/i18n/provider";

const UNITS = ["B", "KB", "MB", "GB"] as const;

/** "840 B", "12 KB", "3.4 MB" ("3,4 MB" in Indonesian). Binary units, as the server's limits are MiB. */
export function formatBytes(bytes: number, locale: string): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value)} ${UNITS[unit]}`;
}

export function useFormatBytes(): (bytes: number) => string {
  const locale = intlLocale[useLocale()];
  return useMemo(() => (bytes: number) => formatBytes(bytes, locale), [locale]);
}
