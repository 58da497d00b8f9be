import { Mutex } from "async-mutex";
import type { Logger } from "pino";
import type { DeviceStatus } from "@/generated/prisma/enums";
import { db } from "../db";
import { eventBus } from "../events/bus";
import { logger } from "../logger";
import { clearAuthState } from "./auth-state";
import { DEFAULT_BACKOFF, type BackoffPolicy } from "./backoff";
import { WaConnection } from "./connection";
import type { StatusChange } from "./device-state";
import { persistStatusChange } from "./device-status";
import { DeviceAlreadyConnectedError, DeviceNotConnectedError, DeviceUnavailableError } from "./errors";
import type { QrSnapshot } from "./qr";
import type { WaGroupClient } from "./group-client";
import type { MediaRequestOptions } from "./media-download";
import type { OutgoingContent } from "./outgoing-content";
import type { SocketConfigProvider } from "./socket-config";
import type { DeviceRef } from "./types";

/**
 * Which devices this process may hold a socket for. One server owns every device; with several instances
 * (SPEC §10) this becomes a lease row with a heartbeat, and `claim` fails for devices another instance holds.
 */
export interface DeviceOwnership {
  claim(device: DeviceRef): Promise<boolean>;
  release(device: DeviceRef): Promise<void>;
}

export const singleInstanceOwnership: DeviceOwnership = {
  claim: async () => true,
  release: async () => undefined,
};

export interface ConnectionManagerOptions {
  socketConfig: SocketConfigProvider;
  /** Extra fetch options for media downloads (the sandbox's TLS trust); undefined for live WhatsApp. */
  mediaRequestOptions?: MediaRequestOptions;
  backoff?: Partial<BackoffPolicy>;
  /** How long a sent message may wait for WhatsApp's ack before its socket is reconnected. Default 20 s. */
  ackTimeoutMs?: number;
  /** Devices restored in parallel at start. Default RESTORE_CONCURRENCY. */
  restoreConcurrency?: number;
  /** How long restoreAll waits for one device to connect before moving its slot on. */
  restoreSettleMs?: number;
  /** How long a pairing-code request waits for WhatsApp's registration socket. */
  pairingTimeoutMs?: number;
  ownership?: DeviceOwnership;
  log?: Logger;
  random?: () => number;
}

export interface RestoreSummary {
  total: number;
  connected: number;
  notConnected: string[];
}

type StatusSource = { id: number; deviceId: string; ownerId: number; status: DeviceStatus };

const deviceRefSelect = { id: true, deviceId: true, ownerId: true, status: true } as const;
const LIVE_STATUSES: readonly DeviceStatus[] = ["connecting", "qr_required", "connected"];
/**
 * A login is mostly waiting (the Noise handshake's round trips, the first queries, the status write), so 1,000
 * devices ten at a time at ~0.5 s each took well over a minute. More in flight than twice the database pool (10)
 * made restores fail on pool timeouts under load, hence 20, and a failed restore is tried again later.
 */
const RESTORE_CONCURRENCY = 20;
const RESTORE_ATTEMPTS = 3;

/**
 * Holds every WhatsApp connection of this process (one instance, on globalThis: STACK.md pitfall 12).
 * connect / disconnect / wipe / delete / pairing of one device run under that device's lock, so two of them
 * can never interleave and leave two sockets with one identity.
 */
export class ConnectionManager {
  private readonly connections = new Map<string, WaConnection>();
  private readonly locks = new Map<string, Mutex>();
  private readonly backoff: BackoffPolicy;
  private readonly ownership: DeviceOwnership;
  private readonly log: Logger;
  private closed = false;

  constructor(private readonly opts: ConnectionManagerOptions) {
    this.backoff = { ...DEFAULT_BACKOFF, ...opts.backoff };
    this.ownership = opts.ownership ?? singleInstanceOwnership;
    this.log = (opts.log ?? logger()).child({ component: "whatsapp" });
  }

  /** Starts the device's connection (QR or restore from saved credentials); idempotent while one runs. */
  connect(deviceId: string): Promise<DeviceStatus> {
    return this.withLock(deviceId, async () => {
      const running = await this.current(deviceId);
      if (running) return running.status;
      const device = await this.loadDevice(deviceId);
      await db().device.update({ where: { id: device.id }, data: { autoConnect: true } });
      const connection = await this.spawn(device);
      if (!connection) throw new DeviceUnavailableError(deviceId);
      return connection.status;
    });
  }

  /** Ends the socket without logging out and stops automatic reconnects and restores. */
  disconnect(deviceId: string): Promise<void> {
    return this.withLock(deviceId, async () => {
      const connection = await this.current(deviceId);
      const device = await this.loadDevice(deviceId);
      await db().device.update({ where: { id: device.id }, data: { autoConnect: false } });
      if (connection) await this.drop(connection, (c) => c.stop(null));
      else await this.settleOrphanStatus(device, null);
    });
  }

  /** Logs out from WhatsApp when online, deletes the auth state, leaves the device `disconnected`. */
  logoutAndWipe(deviceId: string, reason: string | null = null): Promise<void> {
    return this.withLock(deviceId, async () => {
      const connection = await this.current(deviceId);
      const device = await this.loadDevice(deviceId);
      await db().device.update({ where: { id: device.id }, data: { autoConnect: false } });
      if (connection) {
        await this.drop(connection, (c) => c.logout(reason));
      } else {
        await clearAuthState(device.id);
        await this.settleOrphanStatus(device, reason, true);
      }
    });
  }

  /** Logs out and forgets the device, then runs `removeRow` while still holding the device's lock. */
  remove(deviceId: string, removeRow: () => Promise<void>): Promise<void> {
    return this.withLock(deviceId, async () => {
      const connection = await this.current(deviceId);
      if (connection) await this.drop(connection, (c) => c.logout("Device deleted"));
      await removeRow();
      this.locks.delete(deviceId);
    });
  }

  /**
   * Starts a fresh registration and asks WhatsApp for a pairing code for `e164`; the code is also published as
   * `device.pairingCode`. A previous unfinished pairing is wiped first (it would poison the new one).
   */
  requestPairingCode(deviceId: string, e164: string): Promise<string> {
    return this.withLock(deviceId, async () => {
      const existing = await this.current(deviceId);
      if (existing?.isConnected) throw new DeviceAlreadyConnectedError(deviceId);
      if (existing) await this.drop(existing, (c) => c.stop(null));
      const device = await this.loadDevice(deviceId);
      await clearAuthState(device.id);
      await db().device.update({ where: { id: device.id }, data: { autoConnect: true } });
      const connection = await this.spawn(device);
      if (!connection) throw new DeviceUnavailableError(deviceId);
      let code: string;
      try {
        code = await connection.requestPairingCode(e164.replace(/^\+/, ""), this.opts.pairingTimeoutMs ?? 30_000);
      } catch (error) {
        await this.drop(connection, (c) => c.stop("Pairing could not start"));
        throw error;
      }
      eventBus().publish("device.pairingCode", { deviceId, code }, { ownerId: device.ownerId });
      return code;
    });
  }

  newMessageId(deviceId: string): string {
    const connection = this.live(deviceId);
    if (!connection) throw new DeviceNotConnectedError(deviceId, null);
    return connection.newMessageId();
  }

  /**
   * Sends a text or a stored file and resolves with its WhatsApp message id once WhatsApp acknowledged it. Pass
   * `messageId` (from newMessageId) to store the message under that id before sending. Throws
   * DeviceNotConnectedError when this process holds no open socket for the device.
   */
  async send(deviceId: string, jid: string, content: OutgoingContent, opts: { messageId?: string } = {}): Promise<string> {
    const connection = this.live(deviceId);
    if (!connection) throw new DeviceNotConnectedError(deviceId, null);
    return connection.send(jid, content, opts.messageId ?? connection.newMessageId());
  }

  /** Recipients a device is about to send to (a claimed bulk batch): checked on WhatsApp in one query. */
  lookAheadRecipients(deviceId: string, jids: string[]): void {
    this.live(deviceId)?.lookAheadRecipients(jids);
  }

  /** "typing…" in a chat before an automated reply; does nothing when the device is not connected here. */
  async setTyping(deviceId: string, jid: string, typing: boolean): Promise<void> {
    await this.live(deviceId)?.setTyping(jid, typing);
  }

  sendText(deviceId: string, jid: string, text: string, opts: { messageId?: string } = {}): Promise<string> {
    return this.send(deviceId, jid, { kind: "text", text }, opts);
  }

  /** The device's group requests; throws DeviceNotConnectedError when this process holds no open socket for it. */
  groups(deviceId: string): WaGroupClient {
    const connection = this.live(deviceId);
    if (!connection) throw new DeviceNotConnectedError(deviceId, null);
    return connection.groups();
  }

  isConnected(deviceId: string): boolean {
    return this.live(deviceId)?.isConnected ?? false;
  }

  /** Live status, or null when this process holds no connection for the device. */
  status(deviceId: string): DeviceStatus | null {
    return this.live(deviceId)?.status ?? null;
  }

  /**
   * After device.assign: the live connection (and its inbound handler, which shares the same ref) must publish
   * events to, and store messages for, the new owner from now on.
   */
  reassignOwner(deviceId: string, ownerId: number): void {
    const connection = this.connections.get(deviceId);
    if (connection) connection.device.ownerId = ownerId;
  }

  /** The QR currently shown for the device, if it is waiting for a scan. */
  qr(deviceId: string): QrSnapshot | null {
    return this.live(deviceId)?.qr ?? null;
  }

  /** Devices whose connections this process holds (live: connecting, showing a QR, connected or reconnecting). */
  ownedDeviceIds(): string[] {
    return [...this.connections.keys()].filter((deviceId) => this.live(deviceId));
  }

  owns(deviceId: string): boolean {
    return this.live(deviceId) !== undefined;
  }

  /** Connects every device with autoConnect=true, a few at a time; resolves when each has settled or timed out. */
  async restoreAll(): Promise<RestoreSummary> {
    const devices = await db().device.findMany({ where: { autoConnect: true }, select: deviceRefSelect, orderBy: { id: "asc" } });
    const queue = devices.map((device) => ({ device, attempt: 1 }));
    const settleMs = this.opts.restoreSettleMs ?? 15_000;
    const worker = async () => {
      for (let item = queue.shift(); item; item = queue.shift()) {
        if (this.closed) return;
        const { deviceId } = item.device;
        try {
          const connection = await this.withLock(deviceId, async () => {
            const running = await this.current(deviceId);
            if (running) return running;
            // Re-read: the status may have changed since the list was loaded.
            return this.spawn(await this.loadDevice(deviceId));
          });
          await connection?.settle(settleMs);
        } catch (error) {
          // Typically the database pool timing out while every device restores at once: later, it usually works.
          const again = item.attempt < RESTORE_ATTEMPTS;
          this.log.error({ err: error, deviceId, attempt: item.attempt, again }, "could not restore device");
          if (again) queue.push({ device: item.device, attempt: item.attempt + 1 });
        }
      }
    };
    const concurrency = Math.max(1, this.opts.restoreConcurrency ?? RESTORE_CONCURRENCY);
    await Promise.all(Array.from({ length: Math.min(concurrency, devices.length) }, worker));
    const notConnected = devices.filter((d) => !this.isConnected(d.deviceId)).map((d) => d.deviceId);
    this.log.info({ total: devices.length, notConnected: notConnected.length }, "devices restored");
    return { total: devices.length, connected: devices.length - notConnected.length, notConnected };
  }

  /** Ends every socket without logging out: devices stay paired and autoConnect is kept for the next start. */
  async shutdown(): Promise<void> {
    this.closed = true;
    await Promise.all(
      [...this.connections.keys()].map((deviceId) =>
        this.withLock(deviceId, async () => {
          const connection = this.connections.get(deviceId);
          if (connection) await this.drop(connection, (c) => c.stop("Server stopped"));
        }),
      ),
    );
  }

  private live(deviceId: string): WaConnection | undefined {
    const connection = this.connections.get(deviceId);
    return connection && !connection.isDiscarded ? connection : undefined;
  }

  /**
   * The live connection, after letting one that ended by itself finish: it may still be wiping credentials or
   * writing its last status, which must land before anything else touches the device. Call under the lock.
   */
  private async current(deviceId: string): Promise<WaConnection | undefined> {
    const connection = this.connections.get(deviceId);
    if (!connection?.isDiscarded) return connection;
    await connection.whenEnded();
    if (this.connections.get(deviceId) === connection) this.connections.delete(deviceId);
    return undefined;
  }

  private async spawn(device: StatusSource): Promise<WaConnection | undefined> {
    if (this.closed) return undefined;
    const ref: DeviceRef = { id: device.id, deviceId: device.deviceId, ownerId: device.ownerId };
    if (!(await this.ownership.claim(ref))) return undefined;
    if (this.closed) {
      await this.ownership.release(ref);
      return undefined;
    }
    const connection = new WaConnection({
      device: ref,
      initialStatus: device.status,
      socketConfig: this.opts.socketConfig,
      mediaRequestOptions: this.opts.mediaRequestOptions,
      backoff: this.backoff,
      ackTimeoutMs: this.opts.ackTimeoutMs,
      log: this.log.child({ deviceId: device.deviceId }),
      persistStatus: persistStatusChange,
      onEnded: (ended) => {
        if (this.connections.get(ended.device.deviceId) !== ended) return;
        this.connections.delete(ended.device.deviceId);
        void this.ownership.release(ended.device);
      },
      random: this.opts.random,
    });
    this.connections.set(device.deviceId, connection);
    await connection.start();
    return connection;
  }

  private async drop(connection: WaConnection, end: (c: WaConnection) => Promise<void>): Promise<void> {
    await end(connection);
    if (this.connections.get(connection.device.deviceId) === connection) this.connections.delete(connection.device.deviceId);
    await this.ownership.release(connection.device);
  }

  /** A device left in a live status by a crash (no socket here) is moved to disconnected so the UI tells the truth. */
  private async settleOrphanStatus(device: StatusSource, reason: string | null, evenIfLoggedOut = false): Promise<void> {
    if (!LIVE_STATUSES.includes(device.status) && !(evenIfLoggedOut && device.status === "logged_out")) return;
    const change: StatusChange = { from: device.status, to: "disconnected", reason, at: new Date() };
    await persistStatusChange(device, change);
  }

  private async loadDevice(deviceId: string): Promise<StatusSource> {
    const device = await db().device.findUnique({ where: { deviceId }, select: deviceRefSelect });
    if (!device) throw new Error(`Device ${deviceId} does not exist`);
    return device;
  }

  private withLock<T>(deviceId: string, work: () => Promise<T>): Promise<T> {
    let lock = this.locks.get(deviceId);
    if (!lock) {
      lock = new Mutex();
      this.locks.set(deviceId, lock);
    }
    return lock.runExclusive(work);
  }
}
