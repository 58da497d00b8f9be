import { isLibsignalNoise } from "../../sandbox/log/quiet-console";

/**
 * libsignal (under Baileys) reports session bookkeeping with console.info/log/warn and passes whole SessionEntry
 * objects: private keys, root and chain keys. Those calls are dropped, by their known messages and, for any message
 * libsignal may add, by the shape of what they print. pino writes to its own stream, not through console, so the
 * app's logs are untouched.
 */
const KEY_FIELDS = /^(privKey|pubKey|rootKey|chainKey|baseKey|remoteIdentityKey|ephemeralKeyPair|lastRemoteEphemeralKey|messageKeys|_chains|currentRatchet|indexInfo|pendingPreKey)$/;
const MAX_DEPTH = 4;

function carriesKeyMaterial(value: unknown, depth = 0): boolean {
  if (value === null || typeof value !== "object" || value instanceof Error) return false;
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return true;
  const name = (value as { constructor?: { name?: string } }).constructor?.name;
  if (name === "SessionEntry" || name === "SessionRecord") return true;
  if (depth >= MAX_DEPTH) return false;
  for (const [key, child] of Object.entries(value)) {
    if (KEY_FIELDS.test(key) || carriesKeyMaterial(child, depth + 1)) return true;
  }
  return false;
}

export function isKeyLeak(args: unknown[]): boolean {
  return isLibsignalNoise(args) || args.some((arg) => carriesKeyMaterial(arg));
}

type ConsoleMethod = "log" | "info" | "warn" | "error" | "debug" | "trace" | "dir";
const METHODS: ConsoleMethod[] = ["log", "info", "warn", "error", "debug", "trace", "dir"];
const INSTALLED = Symbol.for("switchboard.quietLibsignalConsole");

/** Installed once per process, before Baileys loads; console is shared by the custom server and Next's bundle. */
export function installKeySafeConsole(): void {
  const store = globalThis as unknown as Record<symbol, boolean | undefined>;
  if (store[INSTALLED]) return;
  store[INSTALLED] = true;
  for (const method of METHODS) {
    const original = console[method].bind(console) as (...args: unknown[]) => void;
    console[method] = (...args: unknown[]): void => {
      if (!isKeyLeak(args)) original(...args);
    };
  }
}
