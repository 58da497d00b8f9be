import { proto, type UserFacingSocketConfig } from 'baileys';
import { Agent as HttpsAgent } from 'node:https';
import { Agent as UndiciAgent, type Dispatcher } from 'undici';

/**
 * Every socket option a Baileys client needs to work against the sandbox. The app merges this
 * over its own config in sandbox mode. With `mediaCertPem` (the sandbox's `mediaCertPem`, or
 * `mediaCertPem` of GET /control/info) media uploads trust the sandbox's media server.
 */
export const sandboxSocketConfig = (wsUrl: string, mediaCertPem?: string): Partial<UserFacingSocketConfig> => ({
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
  // On Node, Baileys uploads through node:https with this agent (WA-PROTOCOL §7.2). Trusting only
  // this certificate keeps TLS verification on, unlike NODE_TLS_REJECT_UNAUTHORIZED=0.
  ...(mediaCertPem !== undefined ? { fetchAgent: new HttpsAgent({ ca: mediaCertPem }) } : {}),
});

export type SandboxMediaRequestOptions = RequestInit & { dispatcher: Dispatcher };

let lastDownloadOptions: { pem: string; options: SandboxMediaRequestOptions } | undefined;

/**
 * Request options for media downloads from the sandbox: Baileys downloads with global fetch, which
 * ignores the socket's agent, so each call needs this dispatcher (WA-PROTOCOL §7.4):
 * `downloadMediaMessage(msg, 'buffer', { options: sandboxMediaRequestOptions(pem) })`.
 * Typed as RequestInit too, because that is what Baileys' `MediaDownloadOptions.options` is.
 * The same PEM gets the same dispatcher, so per-download calls share one connection pool.
 */
export const sandboxMediaRequestOptions = (mediaCertPem: string): SandboxMediaRequestOptions => {
  if (lastDownloadOptions?.pem !== mediaCertPem) {
    lastDownloadOptions = { pem: mediaCertPem, options: { dispatcher: new UndiciAgent({ connect: { ca: mediaCertPem } }) } };
  }
  return lastDownloadOptions.options;
};
