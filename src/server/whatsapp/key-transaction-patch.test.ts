import { addTransactionCapability, type SignalDataSet, type SignalDataTypeMap, type SignalKeyStore } from "baileys";
import { describe, expect, it } from "vitest";
import { logger } from "../logger";

/** An in-memory Signal key store that counts its writes. */
function memoryStore(): SignalKeyStore & { writes: SignalDataSet[] } {
  const data = new Map<string, unknown>();
  const writes: SignalDataSet[] = [];
  return {
    writes,
    async get<T extends keyof SignalDataTypeMap>(type: T, ids: string[]) {
      const found: { [id: string]: SignalDataTypeMap[T] } = {};
      for (const id of ids) if (data.has(`${type}:${id}`)) found[id] = data.get(`${type}:${id}`) as SignalDataTypeMap[T];
      return found;
    },
    async set(set) {
      writes.push(set);
      for (const [type, values] of Object.entries(set)) {
        for (const [id, value] of Object.entries(values ?? {})) data.set(`${type}:${id}`, value);
      }
    },
  };
}

const options = { maxCommitRetries: 1, delayBetweenTriesMs: 0 };

// patches/baileys+7.0.0-rc14.patch: every key store shares one AsyncLocalStorage (one per socket made every promise
// of the process slower with each socket ever created). The transactions must still belong to their own store.
describe("Baileys key transactions (patched)", () => {
  it("creates no AsyncLocalStorage per key store", () => {
    expect(addTransactionCapability.toString()).not.toContain("new AsyncLocalStorage");
  });

  it("keeps each store's transaction its own, also with another store's transaction inside it", async () => {
    const log = logger().child({ module: "test" });
    const a = memoryStore();
    const b = memoryStore();
    const keysA = addTransactionCapability(a, log, options);
    const keysB = addTransactionCapability(b, log, options);

    const seen = await keysA.transaction(async () => {
      await keysA.set({ session: { "1.0": new Uint8Array([1]) } });
      const inA = { a: keysA.isInTransaction(), b: keysB.isInTransaction() };
      const insideB = await keysB.transaction(async () => {
        await keysB.set({ session: { "2.0": new Uint8Array([2]) } });
        return { a: keysA.isInTransaction(), b: keysB.isInTransaction() };
      }, "b");
      // A's write is still held in A's transaction; B committed its own at once.
      return { inA, insideB, aWritesDuring: a.writes.length, bWritesDuring: b.writes.length };
    }, "a");

    expect(seen).toEqual({ inA: { a: true, b: false }, insideB: { a: true, b: true }, aWritesDuring: 0, bWritesDuring: 1 });
    expect(a.writes).toHaveLength(1);
    expect(Object.keys(a.writes[0]?.session ?? {})).toEqual(["1.0"]);
    expect(keysA.isInTransaction()).toBe(false);
  });
});
