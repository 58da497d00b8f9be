/**
 * Text comparison for bot triggers: case- and accent-insensitive ("Café" = "cafe"), whitespace collapsed. Words are
 * runs of letters and digits, so a keyword matches whole words only ("cs" matches "need cs!" but not "physics").
 */
export function foldText(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
}

function words(text: string): string[] {
  return foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Whether `keyword` (one or more words) occurs in `text` as whole words. */
export function matchesKeyword(text: string, keyword: string): boolean {
  const needle = words(keyword);
  if (needle.length === 0) return false;
  return ` ${words(text).join(" ")} `.includes(` ${needle.join(" ")} `);
}

export function matchesContains(text: string, fragment: string): boolean {
  const needle = foldText(fragment).trim();
  return needle.length > 0 && foldText(text).includes(needle);
}

/** The whole message equals the pattern, ignoring case, accents, surrounding and repeated whitespace. */
export function matchesExact(text: string, pattern: string): boolean {
  const squash = (s: string) => foldText(s).trim().replace(/\s+/g, " ");
  return squash(pattern).length > 0 && squash(text) === squash(pattern);
}
