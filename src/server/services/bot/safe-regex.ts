import { RE2JS } from "re2js";

/**
 * Rule regexes run on RE2JS, a pure-JavaScript port of RE2: matching time is linear in the input, so a pattern like
 * `(a+)+$` cannot stall the event loop, and nothing native has to build on install. Its syntax is RE2's (no
 * lookaround or backreferences); such patterns are refused at save with the parser's reason.
 */
export type CompiledRegex = { find(text: string): boolean };

export type RegexCheck = { ok: true; regex: CompiledRegex } | { ok: false; error: string };

export function compileSafeRegex(pattern: string): RegexCheck {
  try {
    const compiled = RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE);
    return { ok: true, regex: { find: (text) => compiled.matcher(text).find() } };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `Invalid regular expression "${pattern.slice(0, 80)}": ${reason}` };
  }
}

const cache = new Map<string, RegexCheck>();
const CACHE_SIZE = 500;

/** compileSafeRegex, remembered per pattern: rules run on every incoming message. */
export function cachedSafeRegex(pattern: string): RegexCheck {
  let check = cache.get(pattern);
  if (!check) {
    check = compileSafeRegex(pattern);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value ?? "");
    cache.set(pattern, check);
  }
  return check;
}
