"use client";

import { createContext, useContext, useMemo, type ReactNode } from "react";
import { intlLocale, type Locale } from "./config";
import { createPluralTranslator, createTranslator, type TranslatePlural } from "./translate";
import type { Translate } from "./types";

interface I18nValue {
  locale: Locale;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

/** Both catalogs are small and bundled, so switching language is a cookie write plus a router refresh. */
export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const value = useMemo(() => ({ locale, t: createTranslator(locale) }), [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useT() needs <I18nProvider> above it");
  return value;
}

export function useT(): Translate {
  return useI18n().t;
}

/** Plural-aware messages: `plural("chatHistory.shown", 1)` → "1 message shown". */
export function usePlural(): TranslatePlural {
  const { locale } = useI18n();
  return useMemo(() => createPluralTranslator(locale), [locale]);
}

export function useLocale(): Locale {
  return useI18n().locale;
}

/** Locale-aware date and number formatting. */
export function useFormat() {
  const { locale } = useI18n();
  return useMemo(() => {
    const tag = intlLocale[locale];
    const dateTime = new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeStyle: "short" });
    const time = new Intl.DateTimeFormat(tag, { timeStyle: "medium" });
    const number = new Intl.NumberFormat(tag);
    const relative = new Intl.RelativeTimeFormat(tag, { numeric: "auto" });
    return {
      dateTime: (value: Date | string) => dateTime.format(new Date(value)),
      time: (value: Date | string) => time.format(new Date(value)),
      number: (value: number) => number.format(value),
      relative: (value: Date | string, now: number = Date.now()) => {
        const seconds = Math.round((new Date(value).getTime() - now) / 1000);
        const abs = Math.abs(seconds);
        if (abs < 60) return relative.format(seconds, "second");
        if (abs < 3600) return relative.format(Math.round(seconds / 60), "minute");
        if (abs < 86_400) return relative.format(Math.round(seconds / 3600), "hour");
        return relative.format(Math.round(seconds / 86_400), "day");
      },
    };
  }, [locale]);
}
