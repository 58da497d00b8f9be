import {
  initAuthCreds,
  type AuthenticationCreds,
  type AuthenticationState,
  type SignalDataSet,
  type SignalDataTypeMap,
  type SignalKeyStore,
} from 'baileys';

type KeyType = keyof SignalDataTypeMap;

/** An in-memory SignalKeyStore: one Map per key type, values stored as given (no cloning). */
export type KeyStoreDump = Partial<Record<KeyType, Record<string, unknown>>>;

export const createMemoryKeyStore = (): SignalKeyStore & { size(): number; dump(): KeyStoreDump } => {
  const tables = new Map<KeyType, Map<string, unknown>>();
  const table = (type: KeyType): Map<string, unknown> => {
    let existing = tables.get(type);
    if (!existing) {
      existing = new Map();
      tables.set(type, existing);
    }
    return existing;
  };
  return {
    get<T extends KeyType>(type: T, ids: string[]): { [id: string]: SignalDataTypeMap[T] } {
      const values = tables.get(type);
      const result: { [id: string]: SignalDataTypeMap[T] } = {};
      if (!values) {
        return result;
      }
      for (const id of ids) {
        const value = values.get(id);
        if (value !== undefined) {
          result[id] = value as SignalDataTypeMap[T];
        }
      }
      return result;
    },
    set(data: SignalDataSet): void {
      for (const [type, entries] of Object.entries(data) as [KeyType, Record<string, unknown> | undefined][]) {
        if (!entries) {
          continue;
        }
        const values = table(type);
        for (const [id, value] of Object.entries(entries)) {
          if (value === null || value === undefined) {
            values.delete(id);
          } else {
            values.set(id, value);
          }
        }
      }
    },
    clear(): void {
      tables.clear();
    },
    /** Every stored value by type and id (for the sandbox's state file); values are the stored objects. */
    dump(): KeyStoreDump {
      const out: KeyStoreDump = {};
      for (const [type, values] of tables) {
        out[type] = Object.fromEntries(values);
      }
      return out;
    },
    size(): number {
      let total = 0;
      for (const values of tables.values()) {
        total += values.size;
      }
      return total;
    },
  };
};

/**
 * Baileys auth state held in memory. Baileys mutates `creds` in place on every `creds.update`,
 * so reusing the same object for the next socket is exactly "reconnect from saved credentials".
 */
export const createMemoryAuthState = (creds: AuthenticationCreds = initAuthCreds()): AuthenticationState => ({
  creds,
  keys: createMemoryKeyStore(),
});
