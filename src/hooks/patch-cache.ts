/**
 * Structural patches for cached query data, so a live event updates every list and detail view that holds the same
 * row at once (the follow-up invalidation then brings the authoritative copy). Works on a row, an array of rows, or
 * an object with `items`/`devices`/`messages` arrays — whatever shape a procedure returns.
 */
type Row = Record<string, unknown>;

function isRow(value: unknown): value is Row {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

export function patchRows(data: unknown, match: (row: Row) => boolean, patch: Row): unknown {
  if (Array.isArray(data)) {
    let changed = false;
    const next = data.map((item) => {
      const patched = patchRows(item, match, patch);
      if (patched !== item) changed = true;
      return patched;
    });
    return changed ? next : data;
  }
  if (!isRow(data)) return data;
  if (match(data)) return { ...data, ...patch };
  let changed = false;
  const next: Row = { ...data };
  for (const key of ["items", "devices", "messages", "recent", "device", "message"]) {
    if (key in data) {
      const patched = patchRows(data[key], match, patch);
      if (patched !== data[key]) {
        next[key] = patched;
        changed = true;
      }
    }
  }
  return changed ? next : data;
}
