import { DEFAULT_CACHE_TTLS, proto, type UserFacingSocketConfig } from "baileys";
import { KeyCache } from "./key-cache";

/** Where sockets connect: live WhatsApp (nothing to add) or the sandbox (`sandboxSocketConfig(wsUrl)`). */
export type SocketConfigProvider = () => Partial<UserFacingSocketConfig>;

export const liveSocketConfig: SocketConfigProvider = () => ({});

const { HistorySyncType } = proto.Message;
// Bootstrap, push-name and non-blocking chunks are small and carry the LID↔PN mappings Baileys v7 needs; the
// message history itself (RECENT, FULL, …) is not kept. Refusing RECENT also skips Baileys' 20 s
// "AwaitingInitialSync" event buffering after every first login (WA-PROTOCOL P2).
const SYNCED_HISTORY = new Set<proto.Message.HistorySyncType>([
  HistorySyncType.INITIAL_BOOTSTRAP,
  HistorySyncType.PUSH_NAME,
  HistorySyncType.NON_BLOCKING_DATA,
]);

/** Options every Switchboard socket uses (call it once per socket); the provider's options are merged over these. */
export function baseSocketConfig(): Partial<UserFacingSocketConfig> {
  return {
    // Baileys' default for each is a NodeCache whose interval timer keeps it alive after its socket ended: ~6 KB
    // leaked per cache and reconnect. Same TTLs, bounded, no timers.
    msgRetryCounterCache: new KeyCache(DEFAULT_CACHE_TTLS.MSG_RETRY * 1000, 1000),
    callOfferCache: new KeyCache(DEFAULT_CACHE_TTLS.CALL_OFFER * 1000, 100),
    placeholderResendCache: new KeyCache(DEFAULT_CACHE_TTLS.MSG_RETRY * 1000, 1000),
    browser: ["Switchboard", "Chrome", "1.0.0"],
    markOnlineOnConnect: false,
    syncFullHistory: false,
    shouldSyncHistoryMessage: (msg) => msg.syncType !== null && msg.syncType !== undefined && SYNCED_HISTORY.has(msg.syncType),
    emitOwnEvents: true,
    generateHighQualityLinkPreview: false,
    // Retries of our own messages would need a message store lookup; we keep none in memory (SPEC §8 budget).
    getMessage: async () => undefined,
  };
}
