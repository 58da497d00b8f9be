export type ByteRange = { start: number; end: number } | 'unsatisfiable' | undefined;

/**
 * Parses a single `Range: bytes=…` header against a resource of `size` bytes (end inclusive).
 * Undefined means "serve the whole resource" (no header, or one this server ignores, such as
 * several ranges, which RFC 9110 allows).
 */
export const parseByteRange = (header: string | undefined, size: number): ByteRange => {
  const match = header === undefined ? null : /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) {
    return undefined;
  }
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') {
    return undefined;
  }
  if (first === '') {
    const suffix = Number(last);
    return suffix === 0 || size === 0 ? 'unsatisfiable' : { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (start >= size || end < start) {
    return 'unsatisfiable';
  }
  return { start, end };
};
