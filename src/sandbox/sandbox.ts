import { createControlHandler } from './control/http-api';
import { quietLibsignalConsole } from './log/quiet-console';
import { startMediaServer } from './media/media-server';
import { createServerIdentity } from './protocol/cert-chain';
import { listen } from './server/http-server';
import { SandboxCore } from './server/sandbox-core';
import { autosave } from './persistence/autosave';
import { loadState, newSeed, saveState } from './persistence/state-file';
import type {
  LinkedDeviceInfo,
  ReceiptBehaviour,
  Sandbox,
  SandboxAccount,
  SandboxInboxMessage,
  SandboxMediaInput,
  SandboxOptions,
  SandboxOutboxMessage,
  StanzaLogEntry,
} from './types';

export const DEFAULT_RECEIPTS: Required<ReceiptBehaviour> = { mode: 'read', delayMs: 200 };

const stderrLog = (entry: StanzaLogEntry): void => {
  process.stderr.write(`[sandbox ${entry.connId} ${entry.dir === 'in' ? '<-' : '->'}] ${entry.summary}\n`);
};

export interface StartedSandbox extends Sandbox {
  /** Number of open client connections (diagnostics and benchmarks). */
  connectionCount(): number;
}

/** Starts a sandbox server on `host:port` (0 = random port). */
export async function startSandbox(
  opts: SandboxOptions & { controlToken?: string } = {},
): Promise<StartedSandbox> {
  const host = opts.host ?? '127.0.0.1';
  const saved = opts.stateFile !== undefined ? loadState(opts.stateFile) : undefined;
  // A persistent sandbox keeps its root too, or every app that trusted it would refuse it after a restart.
  const seed = opts.seed ?? saved?.seed ?? (opts.stateFile !== undefined ? newSeed() : undefined);
  const identity = createServerIdentity({
    ...(seed !== undefined ? { seed } : {}),
    certRoot: opts.certRoot ?? 'correct',
  });
  const logSink = opts.log === true ? stderrLog : typeof opts.log === 'function' ? opts.log : undefined;
  const media = await startMediaServer({ host, port: opts.mediaPort ?? 0 });
  const core = new SandboxCore(
    identity,
    {
      receipts: { ...DEFAULT_RECEIPTS, ...opts.receipts },
      certRoot: opts.certRoot ?? 'correct',
      advSignature: opts.advSignature ?? 'correct',
      unknownNumbers: opts.unknownNumbers ?? 'create',
    },
    media.service,
    logSink,
  );
  media.onRequest(entry => core.events.emit('media-request', entry));
  if (saved) {
    core.directory.importState(saved.directory);
    core.groups.importState(saved.groups ?? []);
    core.resumeReceipts();
  }
  const stateFile = opts.stateFile;
  const persistence =
    stateFile !== undefined && seed !== undefined
      ? autosave(core.events, () => saveState(stateFile, { version: 1, seed, directory: core.directory.exportState(), groups: core.groups.exportState() }))
      : undefined;
  const releaseConsole = quietLibsignalConsole();
  let controlHandler: ReturnType<typeof createControlHandler> | undefined;
  let server: Awaited<ReturnType<typeof listen>>;
  try {
    server = await listen({
      host,
      port: opts.port ?? 0,
      connections: core,
      onRequest: (req, res) => (controlHandler ? controlHandler(req, res) : Promise.resolve(false)),
    });
  } catch (error) {
    releaseConsole();
    await media.close();
    throw error;
  }
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const base = `${urlHost}:${server.port}`;
  let closing: Promise<void> | undefined;

  const sandbox: StartedSandbox = {
    wsUrl: `ws://${base}/ws/chat`,
    controlUrl: `http://${base}/control`,
    port: server.port,
    rootPublicKey: new Uint8Array(identity.root.public),
    mediaUrl: media.url,
    mediaCertPem: media.certPem,
    events: core.events,
    createAccount: (accountOpts?: { phone?: string; name?: string }): SandboxAccount => core.createAccount(accountOpts),
    account: (phone: string) => core.account(phone),
    accounts: () => core.accounts(),
    scanQR: (qr: string, phone: string) => core.scanQR(qr, phone),
    enterPairingCode: (phone: string, code: string) => core.enterPairingCode(phone, code),
    sendText: (from: string, toPhone: string, text: string) => core.sendText(from, toPhone, text),
    sendMedia: (from: string, toPhone: string, input: SandboxMediaInput) => core.sendMedia(from, toPhone, input),
    inbox: (phone: string): SandboxInboxMessage[] => core.inbox(phone),
    inboxMedia: (phone: string, messageId: string) => core.inboxMedia(phone, messageId),
    outbox: (phone: string): SandboxOutboxMessage[] => core.outbox(phone),
    waitForInbox: (phone, predicate, timeoutMs) => core.waitForInbox(phone, predicate, timeoutMs),
    setReceipts: (phone: string, behaviour: ReceiptBehaviour) => core.setReceipts(phone, behaviour),
    setOnline: (phone: string, online: boolean) => core.setOnline(phone, online),
    presence: (phone: string) => core.presence(phone),
    markNotOnWhatsApp: (phone: string) => core.markNotOnWhatsApp(phone),
    clearNotOnWhatsApp: (phone: string) => core.clearNotOnWhatsApp(phone),
    notOnWhatsApp: () => core.notOnWhatsApp(),
    dropConnection: (phone: string) => core.dropConnection(phone),
    freezeConnection: (phone: string) => core.freezeConnection(phone),
    logout: (phone: string) => core.logout(phone),
    ban: (phone: string) => core.ban(phone),
    unban: (phone: string) => core.unban(phone),
    linkedDevices: (phone: string): LinkedDeviceInfo[] => core.linkedDevices(phone),
    createGroup: (creator, subject, participants) => core.createGroup(creator, subject, participants),
    group: groupId => core.group(groupId),
    groups: phone => core.groupsOf(phone),
    updateGroupParticipants: (actor, groupId, action, phones) => core.updateGroupParticipants(actor, groupId, action, phones),
    setGroupSubject: (actor, groupId, subject) => core.setGroupSubject(actor, groupId, subject),
    setGroupDescription: (actor, groupId, description) => core.setGroupDescription(actor, groupId, description),
    groupInviteCode: (actor, groupId) => core.groupInviteCode(actor, groupId),
    revokeGroupInvite: (actor, groupId) => core.revokeGroupInvite(actor, groupId),
    joinGroup: (phone, code) => core.joinGroup(phone, code),
    leaveGroup: (phone, groupId) => core.leaveGroup(phone, groupId),
    setGroupAddRestricted: (phone, restricted) => core.setGroupAddRestricted(phone, restricted),
    listenToGroup: (phone, groupId, listening) => core.listenToGroup(phone, groupId, listening),
    sendGroupText: (from, groupId, text, sendOpts) => core.sendGroupText(from, groupId, text, sendOpts),
    sendGroupMedia: (from, groupId, media) => core.sendGroupMedia(from, groupId, media),
    groupMessages: (phone, groupId) => core.groupMessages(phone, groupId),
    groupNotifications: (phone, groupId) => core.groupNotifications(phone, groupId),
    waitForGroupMessage: (phone, predicate, timeoutMs) => core.waitForGroupMessage(phone, predicate, timeoutMs),
    connectionCount: () => core.connectionCount(),
    close: () => {
      closing ??= (async () => {
        persistence?.stop();
        core.shutdown();
        persistence?.flush();
        await Promise.all([server.close(), media.close()]);
        releaseConsole();
      })();
      return closing;
    },
  };
  if (opts.controlApi !== false) {
    controlHandler = createControlHandler(sandbox, opts.controlToken !== undefined ? { token: opts.controlToken } : {});
  }
  return sandbox;
}
