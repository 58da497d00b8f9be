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
import { Prisma } from "@/generated/prisma/client";
import { db } from "../db";
import { authCipher, type AuthCipher, type AuthRowRef } from "./auth-state-crypto";
import { SerialQueue } from "./serial-queue";

export const CREDS_CATEGORY = "creds";
const WRITE_CHUNK = 200;
const READ_CHUNK = 500;

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

function upsertStatements(rows: PendingRow[]): Prisma.PrismaPromise<number>[] {
  const prisma = db();
  const statements: Prisma.PrismaPromise<number>[] = [];
  for (let i = 0; i < rows.length; i += WRITE_CHUNK) {
    const values = rows
      .slice(i, i + WRITE_CHUNK)
      .map((r) => Prisma.sql`(${r.deviceDbId}, ${r.category}, ${r.keyId}, ${r.data}, NOW(3))`);
    statements.push(
      prisma.$executeRaw`INSERT INTO \`WaAuthEntry\` (\`deviceId\`, \`category\`, \`keyId\`, \`data\`, \`updatedAt\`)
        VALUES ${Prisma.join(values)}
        ON DUPLICATE KEY UPDATE \`data\` = VALUES(\`data\`), \`updatedAt\` = VALUES(\`updatedAt\`)`,
    );
  }
  return statements;
}

/** Runs the statements atomically (one Baileys key transaction commits as a whole). */
async function commit(statements: Prisma.PrismaPromise<unknown>[]): Promise<void> {
  if (statements.length === 0) return;
  if (statements.length === 1) await statements[0];
  else await db().$transaction(statements);
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

  /** Queues one atomic write (category → key id → value; null or undefined deletes the key). */
  const write = (data: Record<string, Record<string, unknown> | undefined>): Promise<void> => {
    const upserts: PendingRow[] = [];
    const deletes = new Map<string, string[]>();
    for (const [category, values] of Object.entries(data)) {
      if (!values) continue;
      for (const [keyId, value] of Object.entries(values)) {
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
        ...[...deletes].map(([category, keyIds]) =>
          prisma.waAuthEntry.deleteMany({ where: { deviceId: deviceDbId, category, keyId: { in: keyIds } } }),
        ),
        ...upsertStatements(upserts),
      ]),
    );
  };

  const keys: SignalKeyStore = {
    async get<T extends KeyType>(type: T, ids: string[]) {
      // Reads wait for queued writes of this device, so a key Baileys just stored is never read as missing.
      await queue.idle();
      const result: { [id: string]: SignalDataTypeMap[T] } = {};
      for (let i = 0; i < ids.length; i += READ_CHUNK) {
        const rows = await prisma.waAuthEntry.findMany({
          where: { deviceId: deviceDbId, category: type, keyId: { in: ids.slice(i, i + READ_CHUNK) } },
          select: { keyId: true, data: true },
        });
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
  });

  return {
    state: { creds, keys },
    saveCreds() {
      const data = cipher.encrypt(credsRef, serialize(creds));
      return enqueue(() => commit(upsertStatements([{ ...credsRef, data }])));
    },
    clear() {
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
