import { proto, type UserFacingSocketConfig } from 'baileys';

/**
 * Every socket option a Baileys client needs to work against the sandbox. The app merges this
 * over its own config in sandbox mode.
 */
export const sandboxSocketConfig = (wsUrl: string): Partial<UserFacingSocketConfig> => ({
  waWebSocketUrl: wsUrl,
  // The sandbox never sends a history-sync notification. Declining RECENT (the type Baileys
  // probes) skips the 20 s AwaitingInitialSync buffer (WA-PROTOCOL P2) without the "DANGER"
  // warning Baileys prints when *every* history type is declined.
  shouldSyncHistoryMessage: msg => msg.syncType !== proto.HistorySync.HistorySyncType.RECENT,
  syncFullHistory: false,
  // Online presence would only add traffic; receipts are then sent as type=inactive.
  markOnlineOnConnect: false,
  connectTimeoutMs: 20_000,
  defaultQueryTimeoutMs: 20_000,
});
