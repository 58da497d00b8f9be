import makeWASocket, {
  DisconnectReason,
  generateMessageIDV2,
  jidNormalizedUser,
  makeCacheableSignalKeyStore,
  type AuthenticationCreds,
  type ConnectionState,
  type SignalKeyStore,
  type WASocket,
} from "baileys";
import type { Logger } from "pino";
import type { DeviceStatus } from "@/generated/prisma/enums";
import { phoneFromJid } from "@/lib/phone";
import { clearAuthState, loadAuthState, type DbAuthState } from "./auth-state";
import { backoffDelay, type BackoffPolicy } from "./backoff";
import { eventBus } from "../events/bus";
import { DEVICE_LIST_CATEGORY, DeviceListCache } from "./device-list-cache";
import { DeviceStateMachine, type StatusChange, type StatusDetails } from "./device-state";
import { AckWaiter } from "./ack-waiter";
import { BANNED_REASON } from "./device-reasons";
import { ConnectionStoppedError, DeviceNotConnectedError, MessageNotAcknowledgedError, PairingError } from "./errors";
import { attachInbound } from "./inbound";
import { groupClient, type WaGroupClient } from "./group-client";
import { GROUP_SEND_CATEGORY, GroupSendGuard } from "./group-send-guard";
import { attachGroupInbound } from "./group-inbound";
import type { MediaRequestOptions } from "./media-download";
import { toBaileysContent, type OutgoingContent } from "./outgoing-content";
import { KeyCache } from "./key-cache";
import { renderQr, type QrSnapshot } from "./qr";
import { RecipientCheck, userOf } from "./recipient-check";
import { SerialQueue } from "./serial-queue";
import { baseSocketConfig, type SocketConfigProvider } from "./socket-config";
import type { DeviceRef } from "./types";

export interface WaConnectionOptions {
  device: DeviceRef;
  /** The status stored in the database: the state machine continues from it. */
  initialStatus: DeviceStatus;
  socketConfig: SocketConfigProvider;
  /** Extra fetch options for media downloads (the sandbox's TLS trust); undefined for live WhatsApp. */
  mediaRequestOptions?: MediaRequestOptions;
  backoff: BackoffPolicy;
  /** How long a sent message may wait for WhatsApp's ack before the socket is taken for hung and reconnected. */
  ackTimeoutMs?: number;
  log: Logger;
  /** Persists and publishes a status change (device-status.ts in production). */
  persistStatus: (device: DeviceRef, change: StatusChange) => Promise<void>;
  /** Called once when the connection ended by itself (logged out, banned, gave up, pairing expired). */
  onEnded: (connection: WaConnection) => void;
  random?: () => number;
}

/** A drop after this long online starts the backoff from the beginning again; shorter drops keep climbing. */
const STABLE_AFTER_MS = 30_000;
const SOCKET_END_TIMEOUT_MS = 3000;
const LOGOUT_TIMEOUT_MS = 5000;
const ACK_TIMEOUT_MS = 20_000;
/** How long a contact's device list is trusted without asking WhatsApp again (see DeviceListCache for why). */
const DEVICE_LIST_TTL_MS = 6 * 60 * 60_000;
const DEVICE_LIST_MAX_ENTRIES = 5000;

/** Paired = WhatsApp issued this companion an identity. `me` alone is what an abandoned pairing code leaves behind. */
export function isPaired(creds: AuthenticationCreds): boolean {
  return Boolean(creds.me?.id && creds.account);
}

function statusCodeOf(error: unknown): number | undefined {
  const output = (error as { output?: { statusCode?: unknown } } | undefined)?.output;
  return typeof output?.statusCode === "number" ? output.statusCode : undefined;
}

/** Baileys' own errors for a socket that closed under it or an iq WhatsApp never answered: not a refusal. */
function isConnectionFault(error: unknown): boolean {
  const code = statusCodeOf(error);
  return code === DisconnectReason.connectionClosed || code === DisconnectReason.connectionLost || code === DisconnectReason.timedOut;
}

function isSocketWriteError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "EPIPE" || code === "ECONNRESET" || code === "ERR_STREAM_DESTROYED";
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error ?? "unknown");
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
    timer.unref();
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function endSocket(sock: WASocket): Promise<void> {
  await withTimeout(
    sock.end(undefined).catch(() => undefined),
    SOCKET_END_TIMEOUT_MS,
  );
}

/**
 * One device's WhatsApp connection: a Baileys socket at a time, the device status machine, QR rotation,
 * the 515 restart, reconnects with backoff, and the terminal outcomes (logged out, banned, pairing expired).
 * Once ended (stop, logout or a terminal outcome) it is discarded for good; the manager makes a new one.
 * Every continuation after an await re-checks `discarded` and whether its socket is still the current one.
 */
export class WaConnection {
  readonly device: DeviceRef;
  private readonly log: Logger;
  private readonly baileysLog: Logger;
  private readonly machine: DeviceStateMachine;
  private readonly inboundQueue = new SerialQueue();
  private readonly listeners = new Set<() => void>();
  private readonly keyCache = new KeyCache();
  /** Outlives the connection's sockets and, through the auth state, the process: see DeviceListCache. */
  private readonly deviceListCache: DeviceListCache;
  /** Outlives the connection's sockets and, through the auth state, the process: see GroupSendGuard. */
  private readonly groupSends = new GroupSendGuard();
  private readonly recipients = new RecipientCheck(async (jids) => {
    const sock = this.sock;
    if (!sock || !this.isConnected) throw new DeviceNotConnectedError(this.device.deviceId, this.status);
    const found = await sock.onWhatsApp(...jids).catch((error: unknown) => {
      // Nothing was sent yet: a lookup cut off by the connection going away is the device being offline.
      // A write to a socket already torn down fails with the OS's error (EPIPE) before Baileys notices the close.
      if (isConnectionFault(error) || isSocketWriteError(error) || sock !== this.sock || !this.isConnected) {
        throw new DeviceNotConnectedError(this.device.deviceId, this.status);
      }
      throw error;
    });
    return found && new Set(found.filter((entry) => entry.exists).map((entry) => userOf(entry.jid)));
  });
  private auth: DbAuthState | undefined;
  private keys: SignalKeyStore | undefined;
  private sock: WASocket | undefined;
  private acks: AckWaiter | undefined;
  private discarded = false;
  private ending: Promise<void> | undefined;
  /** Sends answered at their ack whose Baileys call is still committing its Signal session: ending waits for them. */
  private readonly sendTails = new Set<Promise<unknown>>();
  private reconnectTimer: NodeJS.Timeout | undefined;
  private attempts = 0;
  private openedAt = 0;
  private qrIndex = 0;
  private latestQr: QrSnapshot | null = null;
  private pairingCodeRequested = false;

  constructor(private readonly opts: WaConnectionOptions) {
    this.device = opts.device;
    this.log = opts.log;
    // Baileys logs every stanza at debug/trace; only its warnings are worth keeping (and never louder than ours).
    this.baileysLog = opts.log.child({ module: "baileys" }, { level: opts.log.levelVal > 40 ? opts.log.level : "warn" });
    this.deviceListCache = new DeviceListCache(DEVICE_LIST_TTL_MS, DEVICE_LIST_MAX_ENTRIES, (error) =>
      this.log.warn({ err: error }, "could not store a contact's device list"),
    );
    this.machine = new DeviceStateMachine(opts.initialStatus, {
      sink: (change) => opts.persistStatus(this.device, change),
      onIllegal: (from, to) => this.log.error({ from, to }, "illegal device status transition ignored"),
      onSinkError: (error, change) => this.log.error({ err: error, to: change.to }, "could not persist device status"),
    });
  }

  get status(): DeviceStatus {
    return this.machine.status;
  }

  get isDiscarded(): boolean {
    return this.discarded;
  }

  get isConnected(): boolean {
    return !this.discarded && this.sock !== undefined && this.machine.status === "connected";
  }

  get qr(): QrSnapshot | null {
    return this.latestQr;
  }

  /** Loads the auth state from the database and opens the first socket; the outcome arrives as status changes. */
  async start(): Promise<void> {
    this.transition("connecting", { reason: null });
    try {
      let auth = await loadAuthState(this.device.id);
      if (this.discarded) return;
      if (!isPaired(auth.state.creds)) {
        // An abandoned pairing (code requested, never confirmed) leaves `creds.me` behind, which turns every later
        // socket into a login WhatsApp refuses (WA-PROTOCOL §6.4): a device that is not paired starts from nothing.
        await auth.clear();
        if (this.discarded) return;
        auth = await loadAuthState(this.device.id);
        if (this.discarded) return;
      }
      await this.deviceListCache.attach(auth.entries(DEVICE_LIST_CATEGORY));
      if (this.discarded) return;
      await this.groupSends.attach(auth.entries(GROUP_SEND_CATEGORY));
      if (this.discarded) return;
      this.auth = auth;
      this.keys = makeCacheableSignalKeyStore(auth.state.keys, this.baileysLog, this.keyCache);
      this.openSocket();
    } catch (error) {
      if (this.discarded) return;
      this.log.error({ err: error }, "could not load the WhatsApp session");
      void this.finish("disconnected", `Could not load the WhatsApp session: ${messageOf(error)}`, {});
    }
  }

  /** Waits until the registration socket shows a QR, then asks WhatsApp for a pairing code for `phoneDigits`. */
  async requestPairingCode(phoneDigits: string, timeoutMs: number): Promise<string> {
    await this.waitFor(() => this.latestQr !== null, timeoutMs, "WhatsApp did not start a pairing session in time");
    const sock = this.sock;
    if (this.discarded || !sock) throw new ConnectionStoppedError(this.device.deviceId);
    this.pairingCodeRequested = true;
    const code = await sock.requestPairingCode(phoneDigits);
    if (this.discarded || sock !== this.sock) throw new ConnectionStoppedError(this.device.deviceId);
    return code;
  }

  /** A message id in WhatsApp's format, so the row can be stored with it before the message is sent. */
  newMessageId(): string {
    if (!this.isConnected) throw new DeviceNotConnectedError(this.device.deviceId, this.status);
    return generateMessageIDV2(this.sock?.user?.id);
  }

  /** Shows or clears "typing…" in a chat. Best effort: nothing is sent while disconnected. */
  async setTyping(jid: string, typing: boolean): Promise<void> {
    const sock = this.sock;
    if (!sock || !this.isConnected) return;
    await sock.sendPresenceUpdate(typing ? "composing" : "paused", jid);
  }

  /** Looks the next recipients of a bulk lane up in one query, ahead of their sends. */
  lookAheadRecipients(jids: string[]): void {
    if (this.sock && this.isConnected) this.recipients.lookAhead(jids);
  }

  /**
   * Sends under `messageId` and resolves once WhatsApp acknowledged the message. Throws DeviceNotConnectedError
   * when nothing was written, MessageNotAcknowledgedError when the socket closed or hung before the ack (resend it
   * under the same id), MessageRefusedError on an error ack.
   */
  async send(jid: string, content: OutgoingContent, messageId: string): Promise<string> {
    const sock = this.sock;
    const acks = this.acks;
    if (!sock || !acks || !this.isConnected) throw new DeviceNotConnectedError(this.device.deviceId, this.status);
    await this.recipients.ensure(jid).catch((error: unknown) => {
      // The row is stored already: a lookup cut off by the connection going away leaves it pending for the reconnect.
      if (error instanceof DeviceNotConnectedError) throw new MessageNotAcknowledgedError(messageId, messageOf(error));
      throw error;
    });
    const accepted = acks.expect(messageId);
    accepted.catch(() => undefined); // awaited below; a failed write must not leave it unhandled
    const write = this.groupSends.run(sock, jid, () => sock.sendMessage(jid, toBaileysContent(content), { messageId }));
    // The ack usually comes while Baileys is still committing the Signal session the message advanced (a database
    // write): it proves WhatsApp has the message, so the send is answered then and the commit finishes behind it.
    const ackedFirst = await Promise.race([accepted.then(() => true, () => false), write.then(() => false, () => false)]);
    if (ackedFirst) {
      const tail = write
        .catch((error: unknown) => this.log.warn({ err: error, messageId }, "a sent message's Signal session was not saved"))
        .finally(() => this.sendTails.delete(tail));
      this.sendTails.add(tail);
      return messageId;
    }
    try {
      await write;
    } catch (error) {
      acks.cancel(messageId);
      // A write cut off by the connection going away may still have left a frame on the wire: resend, never fail.
      if (sock !== this.sock || !this.isConnected || isConnectionFault(error) || isSocketWriteError(error)) {
        throw new MessageNotAcknowledgedError(messageId, messageOf(error));
      }
      throw error;
    }
    await accepted;
    return messageId;
  }

  /** Group requests over the current socket; throws DeviceNotConnectedError when the device is not online. */
  groups(): WaGroupClient {
    const sock = this.sock;
    if (!sock || !this.isConnected) throw new DeviceNotConnectedError(this.device.deviceId, this.status);
    return groupClient(sock);
  }

  /**
   * Resolves once the device is connected or shows a QR (or has ended, or `timeoutMs` passed) and that status
   * is persisted and published. Never rejects.
   */
  async settle(timeoutMs: number): Promise<void> {
    await this.waitFor(
      () => this.status === "connected" || this.status === "qr_required",
      timeoutMs,
      "not settled",
    ).catch(() => undefined);
    await (this.ending ?? this.machine.settled());
  }

  /** Resolves when an ended connection has finished persisting its last state (immediately if still live). */
  whenEnded(): Promise<void> {
    return this.ending ?? Promise.resolve();
  }

  /** Ends the socket without logging out: the device stays paired and can be restored later. */
  stop(reason: string | null = null): Promise<void> {
    return this.end(async (sock) => {
      if (sock) await endSocket(sock);
      this.transition("disconnected", { reason });
    });
  }

  /** Logs the device out of WhatsApp when it is online (the phone forgets it), then deletes the auth state. */
  logout(reason: string | null = null): Promise<void> {
    return this.end(async (sock) => {
      if (sock && this.status === "connected") {
        await withTimeout(
          sock.logout().catch((error: unknown) => this.log.warn({ err: error }, "logout request failed")),
          LOGOUT_TIMEOUT_MS,
        );
      }
      if (sock) await endSocket(sock);
      if (this.auth) await this.auth.clear();
      else await clearAuthState(this.device.id);
      this.transition("disconnected", { reason });
    });
  }

  private transition(to: DeviceStatus, details: StatusDetails): void {
    this.machine.transition(to, details);
    this.notify();
  }

  private openSocket(): void {
    const auth = this.auth;
    const keys = this.keys;
    if (this.discarded || !auth || !keys) return;
    let sock: WASocket;
    try {
      sock = makeWASocket({
        ...baseSocketConfig(),
        ...this.opts.socketConfig(),
        auth: { creds: auth.state.creds, keys },
        userDevicesCache: this.deviceListCache,
        logger: this.baileysLog,
      });
    } catch (error) {
      this.scheduleReconnect(`Could not open a socket: ${messageOf(error)}`);
      return;
    }
    this.sock = sock;
    this.acks = new AckWaiter(sock, this.opts.ackTimeoutMs ?? ACK_TIMEOUT_MS, () => {
      // WhatsApp answers every message within a second or two: silence means a half-open socket. Ending it
      // reconnects, and the unacknowledged messages go out again on the new socket.
      if (sock === this.sock && !this.discarded) void sock.end(new Error("WhatsApp stopped acknowledging messages"));
    });
    this.qrIndex = 0;
    sock.ev.on("creds.update", () => {
      auth.saveCreds().catch((error: unknown) => this.log.error({ err: error }, "could not save WhatsApp credentials"));
    });
    sock.ev.on("connection.update", (update) => this.onConnectionUpdate(sock, update));
    attachInbound(sock, { device: this.device, queue: this.inboundQueue, log: this.log, mediaRequestOptions: this.opts.mediaRequestOptions });
    attachGroupInbound(sock, { device: this.device, queue: this.inboundQueue, log: this.log, groups: groupClient(sock) });
  }

  private onConnectionUpdate(sock: WASocket, update: Partial<ConnectionState>): void {
    if (sock !== this.sock || this.discarded) return;
    if (update.qr) void this.onQr(sock, update.qr);
    if (update.connection === "open") this.onOpen(sock);
    else if (update.connection === "close") this.onClose(update.lastDisconnect?.error);
  }

  private async onQr(sock: WASocket, qr: string): Promise<void> {
    const index = this.qrIndex++;
    this.transition("qr_required", {});
    let snapshot: QrSnapshot;
    try {
      snapshot = await renderQr(qr, index);
    } catch (error) {
      this.log.error({ err: error }, "could not render the QR code");
      return;
    }
    if (this.discarded || sock !== this.sock || this.status !== "qr_required") return;
    this.latestQr = snapshot;
    this.notify();
    const { deviceId, ownerId } = this.device;
    await this.machine.after(() => {
      // A QR that rotated again (or a connection that moved on) while this one waited is not worth showing.
      if (this.latestQr !== snapshot || this.discarded) return;
      eventBus().publish("device.qr", { deviceId, ...snapshot }, { ownerId });
    });
  }

  private onOpen(sock: WASocket): void {
    this.openedAt = Date.now();
    this.latestQr = null;
    this.pairingCodeRequested = false;
    const phoneNumber = sock.user?.id ? phoneFromJid(jidNormalizedUser(sock.user.id)) : null;
    this.transition("connected", { reason: null, phoneNumber });
  }

  private onClose(error: unknown): void {
    const code = statusCodeOf(error);
    const detail = `${messageOf(error)}${code ? ` (${code})` : ""}`;
    this.sock = undefined;
    this.acks?.close(detail);
    this.acks = undefined;
    this.latestQr = null;
    if (code === DisconnectReason.restartRequired) {
      // After pairing WhatsApp closes the registration socket with 515 and expects a fresh login at once;
      // Baileys leaves that to the app (WA-PROTOCOL P6).
      this.transition("connecting", { reason: null });
      this.openSocket();
      return;
    }
    const paired = this.auth ? isPaired(this.auth.state.creds) : false;
    if (!paired) {
      const reason =
        code === DisconnectReason.timedOut
          ? this.pairingCodeRequested
            ? "The pairing code expired before it was entered"
            : "The QR code expired before it was scanned"
          : `Pairing did not complete: ${detail}`;
      void this.finish("disconnected", reason, { wipe: true, autoConnect: false });
      return;
    }
    switch (code) {
      case DisconnectReason.loggedOut:
        void this.finish("logged_out", "Logged out: the device was unlinked on the phone or by WhatsApp", { wipe: true, autoConnect: false });
        return;
      case DisconnectReason.multideviceMismatch:
        void this.finish("logged_out", `WhatsApp no longer accepts this device's session: ${detail}`, { wipe: true, autoConnect: false });
        return;
      case DisconnectReason.forbidden:
        // Reconnecting a banned number only gets refused again (and looks like abuse): stop until someone acts.
        void this.finish("disconnected", BANNED_REASON, { autoConnect: false });
        return;
      case DisconnectReason.connectionReplaced:
        void this.finish("disconnected", "Another session took over this device (440)", { autoConnect: false });
        return;
      default:
        this.scheduleReconnect(`Connection lost: ${detail}`);
    }
  }

  private scheduleReconnect(reason: string): void {
    if (this.discarded) return;
    if (this.openedAt && Date.now() - this.openedAt >= STABLE_AFTER_MS) this.attempts = 0;
    this.openedAt = 0;
    this.attempts += 1;
    const { maxAttempts } = this.opts.backoff;
    if (this.attempts > maxAttempts) {
      void this.finish("disconnected", `Gave up after ${maxAttempts} reconnect attempts. ${reason}`, {});
      return;
    }
    this.transition("connecting", { reason });
    const delay = backoffDelay(this.attempts, this.opts.backoff, this.opts.random);
    this.log.info({ attempt: this.attempts, delay, reason }, "reconnect scheduled");
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      this.openSocket();
    }, delay);
    this.reconnectTimer.unref();
  }

  /** A terminal outcome the connection reached by itself. */
  private finish(status: DeviceStatus, reason: string, opts: { wipe?: boolean; autoConnect?: boolean }): Promise<void> {
    return this.end(async () => {
      if (opts.wipe) {
        if (this.auth) await this.auth.clear();
        else await clearAuthState(this.device.id);
      }
      this.transition(status, { reason, autoConnect: opts.autoConnect });
    }, true);
  }

  /**
   * Discards the connection (synchronously, so no socket event or timer can act after this point), then runs
   * `work` with the socket that was current. Concurrent callers share the first call's promise.
   */
  private end(work: (sock: WASocket | undefined) => Promise<void>, selfEnded = false): Promise<void> {
    if (this.ending) return this.ending;
    this.discarded = true;
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
    const sock = this.sock;
    this.sock = undefined;
    this.acks?.close("the connection was stopped");
    this.acks = undefined;
    this.latestQr = null;
    this.notify();
    this.ending = (async () => {
      try {
        await work(sock);
      } catch (error) {
        this.log.error({ err: error }, "error while ending the connection");
      } finally {
        await this.machine.settled();
        await withTimeout(Promise.allSettled([...this.sendTails]), SOCKET_END_TIMEOUT_MS);
        await this.auth?.flush();
        await withTimeout(this.inboundQueue.idle(), SOCKET_END_TIMEOUT_MS);
        // Every Signal session write of the ended socket is queued by now: the stored sessions are complete.
        this.deviceListCache.markClean();
        await this.auth?.flush();
        this.keyCache.flushAll();
        this.deviceListCache.flushAll();
        if (selfEnded) this.opts.onEnded(this);
      }
    })();
    return this.ending;
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  private waitFor(done: () => boolean, timeoutMs: number, timeoutMessage: string): Promise<void> {
    if (done()) return Promise.resolve();
    if (this.discarded) return Promise.reject(new ConnectionStoppedError(this.device.deviceId));
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners.delete(check);
        reject(new PairingError(timeoutMessage));
      }, timeoutMs);
      timer.unref();
      const check = () => {
        if (done()) {
          clearTimeout(timer);
          this.listeners.delete(check);
          resolve();
        } else if (this.discarded) {
          clearTimeout(timer);
          this.listeners.delete(check);
          reject(new ConnectionStoppedError(this.device.deviceId));
        }
      };
      this.listeners.add(check);
    });
  }
}
