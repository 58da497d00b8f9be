import {
  BufferJSON,
  initAuthCreds,
  proto,
  type AuthenticationCreds,
  type AuthenticationState,
  type SignalDataSet,
  type SignalDataTypeMap,
  type SignalKeyStore,
} from "baileys";
import { db } from "../db";
import { driverPool, inDriverTransaction } from "../db/driver-pool";
import { authCipher, type AuthCipher, type AuthRowRef } from "./auth-state-crypto";
import { KeyCache } from "./key-cache";
import { SerialQueue } from "./serial-queue";

export const CREDS_CATEGORY = "creds";
const WRITE_CHUNK = 200;
const READ_CHUNK = 500;
/** Keys known to be absent, per device (a blast asks several times for keys its fresh recipients do not have). */
const ABSENT_KEYS = 256;
const ABSENT_TTL_MS = 10 * 60_000;
/** A category with more keys than this is not indexed in memory (its reads always go to the database). */
const INDEXED_KEYS_MAX = 10_000;

type KeyType = keyof SignalDataTypeMap;

export interface DbAuthState {
  state: AuthenticationState;
  /** Persists the (in-place mutated) creds; call on every `creds.update`. */
  saveCreds(): Promise<void>;
  /** Deletes every row of the device and drops later writes from sockets that are still winding down. */
  clear(): Promise<void>;
  /** Resolves when every queued write has reached the database. */
  flush(): Promise<void>;
  /** Entries of our own kept beside the Signal keys: same encryption, same write queue, cleared with them. */
  entries(category: string): AuthEntryStore;
}

/** One category of our own in the auth state (never one of Baileys' key types). */
export interface AuthEntryStore {
  /** Every entry of the category, decrypted. */
  all(): Promise<Map<string, unknown>>;
  /** Queues an upsert, or a delete when `value` is null. */
  set(keyId: string, value: unknown): Promise<void>;
  /** Queues several upserts and deletes (null) as one atomic write. */
  setMany(values: ReadonlyMap<string, unknown>): Promise<void>;
}

interface PendingRow extends AuthRowRef {
  data: Buffer;
}

function serialize(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value, BufferJSON.replacer), "utf8");
}

function deserialize(data: Buffer): unknown {
  return JSON.parse(data.toString("utf8"), BufferJSON.reviver) as unknown;
}

interface Statement {
  sql: string;
  values: unknown[];
}

const placeholders = (count: number) => Array.from({ length: count }, () => "?").join(", ");

function upsertStatements(rows: PendingRow[]): Statement[] {
  const statements: Statement[] = [];
  for (let i = 0; i < rows.length; i += WRITE_CHUNK) {
    const chunk = rows.slice(i, i + WRITE_CHUNK);
    statements.push({
      sql: `INSERT INTO \`WaAuthEntry\` (\`deviceId\`, \`category\`, \`keyId\`, \`data\`, \`updatedAt\`)
        VALUES ${chunk.map(() => "(?, ?, ?, ?, UTC_TIMESTAMP(3))").join(", ")}
        ON DUPLICATE KEY UPDATE \`data\` = VALUES(\`data\`), \`updatedAt\` = VALUES(\`updatedAt\`)`,
      values: chunk.flatMap((r) => [r.deviceDbId, r.category, r.keyId, r.data]),
    });
  }
  return statements;
}

function deleteStatement(deviceDbId: number, category: string, keyIds: string[]): Statement {
  return {
    sql: `DELETE FROM \`WaAuthEntry\` WHERE \`deviceId\` = ? AND \`category\` = ? AND \`keyId\` IN (${placeholders(keyIds.length)})`,
    values: [deviceDbId, category, ...keyIds],
  };
}

/** Runs the statements atomically (one Baileys key transaction commits as a whole), on the driver pool: keys are
 * read and written for every message sent or received. */
async function commit(statements: Statement[]): Promise<void> {
  if (statements.length === 0) return;
  if (statements.length === 1 && statements[0]) {
    await driverPool().query(statements[0].sql, statements[0].values);
    return;
  }
  await inDriverTransaction(async (tx) => {
    for (const statement of statements) await tx.run(statement.sql, statement.values);
  });
}

/** Deletes a device's whole auth state (creds and Signal keys). */
export async function clearAuthState(deviceDbId: number): Promise<void> {
  await db().waAuthEntry.deleteMany({ where: { deviceId: deviceDbId } });
}

/**
 * Baileys auth state stored in WaAuthEntry, every row AES-256-GCM encrypted (auth-state-crypto.ts); nothing touches
 * the disk. Writes are queued one after another per device: Baileys commits key transactions concurrently, and
 * overlapping multi-row upserts on the same rows can deadlock in InnoDB.
 */
export async function loadAuthState(deviceDbId: number, cipher: AuthCipher = authCipher()): Promise<DbAuthState> {
  const prisma = db();
  const credsRef: AuthRowRef = { deviceDbId, category: CREDS_CATEGORY, keyId: "" };
  const credsRow = await prisma.waAuthEntry.findUnique({
    where: { deviceId_category_keyId: { deviceId: deviceDbId, category: CREDS_CATEGORY, keyId: "" } },
    select: { data: true },
  });
  const creds = credsRow ? (deserialize(cipher.decrypt(credsRef, credsRow.data)) as AuthenticationCreds) : initAuthCreds();

  const queue = new SerialQueue();
  let cleared = false;
  const enqueue = (work: () => Promise<void>): Promise<void> => queue.run(() => (cleared ? undefined : work()));

  // This store is the only writer of the device's rows while its connection lives, so a key read as missing stays
  // missing until written here (the write below forgets it). Baileys' own cache keeps only keys that exist.
  const absent = new KeyCache(ABSENT_TTL_MS, ABSENT_KEYS);
  let writes = 0;
  const absentKey = (category: string, keyId: string) => `${category}\u0000${keyId}`;
  // For the same reason, the ids of a category's keys, read once, tell which keys exist without asking the database:
  // a blast to fresh recipients otherwise reads three absent keys (session, LID mapping, token) for each of them.
  // null: the category is too large to index. Writes below keep the indexes current.
  const indexes = new Map<string, Set<string> | null>();
  const indexing = new Map<string, Promise<void>>();
  const loadIndex = async (category: string): Promise<void> => {
    // Counted before waiting for the queue: a write queued after this point may not be in the rows.
    const writesBefore = writes;
    await queue.idle();
    const rows = await driverPool().query<Array<{ keyId: string }>>(
      "SELECT `keyId` FROM `WaAuthEntry` WHERE `deviceId` = ? AND `category` = ? LIMIT ?",
      [deviceDbId, category, INDEXED_KEYS_MAX + 1],
    );
    // A write queued meanwhile may or may not be in the rows: index on a later read instead.
    if (writes !== writesBefore || cleared) return;
    indexes.set(category, rows.length > INDEXED_KEYS_MAX ? null : new Set(rows.map((row) => row.keyId)));
  };
  const indexOf = async (category: string): Promise<Set<string> | null> => {
    if (!indexes.has(category)) {
      let loading = indexing.get(category);
      if (!loading) {
        loading = loadIndex(category).finally(() => indexing.delete(category));
        indexing.set(category, loading);
      }
      await loading;
    }
    return indexes.get(category) ?? null;
  };

  /** Queues one atomic write (category → key id → value; null or undefined deletes the key). */
  const write = (data: Record<string, Record<string, unknown> | undefined>): Promise<void> => {
    writes += 1;
    const upserts: PendingRow[] = [];
    const deletes = new Map<string, string[]>();
    for (const [category, values] of Object.entries(data)) {
      if (!values) continue;
      const index = indexes.get(category);
      for (const [keyId, value] of Object.entries(values)) {
        absent.del(absentKey(category, keyId));
        if (value === null || value === undefined) index?.delete(keyId);
        else index?.add(keyId);
        if (value === null || value === undefined) {
          const ids = deletes.get(category) ?? [];
          ids.push(keyId);
          deletes.set(category, ids);
        } else {
          const ref = { deviceDbId, category, keyId };
          upserts.push({ ...ref, data: cipher.encrypt(ref, serialize(value)) });
        }
      }
    }
    return enqueue(() =>
      commit([
        ...[...deletes].map(([category, keyIds]) => deleteStatement(deviceDbId, category, keyIds)),
        ...upsertStatements(upserts),
      ]),
    );
  };

  const keys: SignalKeyStore = {
    async get<T extends KeyType>(type: T, ids: string[]) {
      // Reads wait for queued writes of this device, so a key Baileys just stored is never read as missing. A write
      // queued after `writesBefore` may land during the read: then nothing read as missing is remembered as missing.
      const writesBefore = writes;
      await queue.idle();
      const result: { [id: string]: SignalDataTypeMap[T] } = {};
      const index = await indexOf(type);
      const unknown = ids.filter((id) => (index ? index.has(id) : absent.get(absentKey(type, id)) === undefined));
      for (let i = 0; i < unknown.length; i += READ_CHUNK) {
        const chunk = unknown.slice(i, i + READ_CHUNK);
        const rows = await driverPool().query<Array<{ keyId: string; data: Buffer }>>(
          `SELECT \`keyId\`, \`data\` FROM \`WaAuthEntry\` WHERE \`deviceId\` = ? AND \`category\` = ? AND \`keyId\` IN (${placeholders(chunk.length)})`,
          [deviceDbId, type, ...chunk],
        );
        if (writes === writesBefore) {
          const found = new Set(rows.map((row) => row.keyId));
          for (const id of chunk) if (!found.has(id)) absent.set(absentKey(type, id), true);
        }
        for (const row of rows) {
          let value = deserialize(cipher.decrypt({ deviceDbId, category: type, keyId: row.keyId }, row.data));
          if (type === "app-state-sync-key" && value) {
            value = proto.Message.AppStateSyncKeyData.fromObject(value as Record<string, unknown>);
          }
          result[row.keyId] = value as SignalDataTypeMap[T];
        }
      }
      return result;
    },
    set: (data: SignalDataSet) => write(data),
    clear() {
      writes += 1;
      for (const index of indexes.values()) index?.clear();
      return enqueue(() => clearAuthState(deviceDbId));
    },
  };

  const entries = (category: string): AuthEntryStore => ({
    async all() {
      await queue.idle();
      const rows = await prisma.waAuthEntry.findMany({ where: { deviceId: deviceDbId, category }, select: { keyId: true, data: true } });
      return new Map(rows.map((row) => [row.keyId, deserialize(cipher.decrypt({ deviceDbId, category, keyId: row.keyId }, row.data))]));
    },
    set: (keyId, value) => write({ [category]: { [keyId]: value } }),
    setMany: (values) => write({ [category]: Object.fromEntries(values) }),
  });

  return {
    state: { creds, keys },
    saveCreds() {
      const data = cipher.encrypt(credsRef, serialize(creds));
      return enqueue(() => commit(upsertStatements([{ ...credsRef, data }])));
    },
    clear() {
      writes += 1;
      indexes.clear();
      return enqueue(async () => {
        await clearAuthState(deviceDbId);
        cleared = true;
      });
    },
    flush() {
      return queue.idle();
    },
    entries,
  };
}
