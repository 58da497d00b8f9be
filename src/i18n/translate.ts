import { en } from "./en";
import { id } from "./id";
import type { Locale } from "./config";
import type { MessageKey, Messages, Translate } from "./types";

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
