/**
 * The custom server and Next's bundle each load their own copy of every module, even in one process (STACK.md §5):
 * long-lived services must live on globalThis under a well-known symbol, or there would be two of each.
 */
export function globalSingleton<T>(name: string, create: () => T): T {
  const key = Symbol.for(`switchboard.${name}`);
  const store = globalThis as unknown as Record<symbol, T | undefined>;
  const existing = store[key];
  if (existing !== undefined) return existing;
  const created = create();
  store[key] = created;
  return created;
}

export function clearGlobalSingleton(name: string): void {
  const store = globalThis as unknown as Record<symbol, unknown>;
  delete store[Symbol.for(`switchboard.${name}`)];
}

/** The singleton if something already created it (for closing at shutdown without opening it first). */
export function existingGlobalSingleton<T>(name: string): T | undefined {
  return (globalThis as unknown as Record<symbol, T | undefined>)[Symbol.for(`switchboard.${name}`)];
}
