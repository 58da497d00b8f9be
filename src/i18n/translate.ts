import { en } from "./en";
import { id } from "./id";
import type { MessageKey, Messages, PluralMessageKey, Translate } from "./types";
import { intlLocale, type Locale } from "./config";

export const catalogs: Record<Locale, Messages> = { en, id };

function lookup(messages: Messages, key: string): string | undefined {
  let node: unknown = messages;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}

/** A translate function for one locale; falls back to English, then to the key itself. */
export function createTranslator(locale: Locale): Translate {
  const messages = catalogs[locale];
  return <K extends MessageKey>(key: K, ...args: unknown[]) => {
    const template = lookup(messages, key) ?? lookup(en, key) ?? key;
    const params = args[0] as Record<string, string | number> | undefined;
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
  };
}

export type TranslatePlural = (key: PluralMessageKey, count: number, params?: Record<string, string | number>) => string;

/**
 * Picks `key.one` or `key.other` by the locale's plural rules (Indonesian has only "other") and fills `{count}` with
 * the locale-formatted number plus any other parameters.
 */
export function createPluralTranslator(locale: Locale): TranslatePlural {
  const t = createTranslator(locale);
  const rules = new Intl.PluralRules(intlLocale[locale]);
  const number = new Intl.NumberFormat(intlLocale[locale]);
  return (key, count, params) => {
    const form = rules.select(count) === "one" ? "one" : "other";
    const translate = t as (key: string, params: Record<string, string | number>) => string;
    return translate(`${key}.${form}`, { ...params, count: number.format(count) });
  };
}
