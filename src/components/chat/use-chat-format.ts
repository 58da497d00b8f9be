"use client";

import { useMemo } from "react";
import { intlLocale } from "@/i18n/config";
import { useLocale, useT } from "@/i18n/provider";

const DAY = 86_400_000;

function startOfDay(value: Date): number {
  const d = new Date(value);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/** Times as a chat app shows them: "14:05" in a bubble, "Yesterday" or a date in the list and day separators. */
export function useChatFormat() {
  const locale = useLocale();
  const t = useT();
  return useMemo(() => {
    const tag = intlLocale[locale];
    const time = new Intl.DateTimeFormat(tag, { hour: "2-digit", minute: "2-digit" });
    const weekday = new Intl.DateTimeFormat(tag, { weekday: "long" });
    const shortDate = new Intl.DateTimeFormat(tag, { day: "numeric", month: "short" });
    const longDate = new Intl.DateTimeFormat(tag, { weekday: "long", day: "numeric", month: "long", year: "numeric" });
    const daysAgo = (value: Date) => Math.round((startOfDay(new Date()) - startOfDay(value)) / DAY);
    return {
      time: (value: Date) => time.format(value),
      dayKey: (value: Date) => startOfDay(value),
      dayLabel: (value: Date) => {
        const ago = daysAgo(value);
        if (ago === 0) return t("chat.today");
        if (ago === 1) return t("chat.yesterday");
        return longDate.format(value);
      },
      listTime: (value: Date) => {
        const ago = daysAgo(value);
        if (ago === 0) return time.format(value);
        if (ago === 1) return t("chat.yesterday");
        if (ago < 7) return weekday.format(value);
        return shortDate.format(value);
      },
    };
  }, [locale, t]);
}

/** Today's date as YYYY-MM-DD in the browser's zone (the value of a date input). */
export function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}
