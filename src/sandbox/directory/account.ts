import { Curve, type BinaryNode, type KeyPair } from 'baileys';

import { lidJid, pnJid } from '../protocol/jids';
import { FakePeer } from '../peers/fake-peer';
import type { PreKeyBundle } from '../peers/prekey-bundle';
import type {
  ReceiptBehaviour,
  SandboxAccount,
  SandboxInboxMessage,
  SandboxOutboxMessage,
} from '../types';
import { PrekeyPool } from './prekey-pool';

/** What the server knows about a connection bound to a linked device (kept minimal on purpose). */
export interface DeviceConnection {
  readonly id: string;
  send(node: BinaryNode): void;
  isOpen(): boolean;
}

const OFFLINE_QUEUE_LIMIT = 1000;

/** A companion device (Baileys) linked to an account. */
export class LinkedDevice {
  readonly prekeys = new PrekeyPool();
  connection: DeviceConnection | undefined;
  /** Stanzas waiting for the device to log in again (delivered before `<ib><offline>`). */
  private offlineQueue: BinaryNode[] = [];

  constructor(
    readonly account: Account,
    readonly id: number,
    readonly keyIndex: number,
    /** Noise static key the device registered with; logins must present the same key. */
    readonly noiseKey: Uint8Array,
    public identityKey: Uint8Array,
    public registrationId: number,
    public signedPreKey: { keyId: number; publicKey: Uint8Array; signature: Uint8Array },
    readonly platform: string,
  ) {}

  get pnJid(): string {
    return pnJid(this.account.phone, this.id);
  }

  get lidJid(): string {
    return lidJid(this.account.lid, this.id);
  }

  get connected(): boolean {
    return this.connection?.isOpen() ?? false;
  }

  /** Sends now if connected, otherwise keeps it for the next login. */
  deliver(node: BinaryNode): void {
    const connection = this.connection;
    if (connection?.isOpen()) {
      connection.send(node);
      return;
    }
    if (this.offlineQueue.length >= OFFLINE_QUEUE_LIMIT) {
      this.offlineQueue.shift();
    }
    this.offlineQueue.push({ ...node, attrs: { ...node.attrs, offline: '1' } });
  }

  drainOfflineQueue(): BinaryNode[] {
    const queued = this.offlineQueue;
    this.offlineQueue = [];
    return queued;
  }

  takeBundle(): PreKeyBundle {
    const preKey = this.prekeys.take();
    return {
      registrationId: this.registrationId,
      identityKey: this.identityKey,
      signedPreKey: this.signedPreKey,
      ...(preKey ? { preKey } : {}),
    };
  }
}

/** A WhatsApp account: PN + LID, its primary phone (device 0) and linked companion devices. */
export class Account implements SandboxAccount {
  readonly devices = new Map<number, LinkedDevice>();
  readonly inboxMessages: SandboxInboxMessage[] = [];
  readonly outboxMessages: SandboxOutboxMessage[] = [];
  banned = false;
  receipts: ReceiptBehaviour;
  readonly blocklist = new Set<string>();
  readonly privacy = new Map<string, string>();
  /** The primary phone's identity key; also the ADV account signing key (WA-PROTOCOL §6.2). */
  readonly phoneIdentity: KeyPair = Curve.generateKeyPair();
  private nextDeviceId = 1;
  private phonePeer: FakePeer | undefined;

  constructor(
    readonly phone: string,
    readonly lid: string,
    readonly name: string,
    receipts: ReceiptBehaviour,
  ) {
    this.receipts = receipts;
  }

  get pnJid(): string {
    return pnJid(this.phone);
  }

  get lidJid(): string {
    return lidJid(this.lid);
  }

  /** Device 0, created on first use: most accounts in a benchmark never need Signal state. */
  get peer(): FakePeer {
    this.phonePeer ??= new FakePeer(this.phoneIdentity);
    return this.phonePeer;
  }

  allocateDeviceId(): number {
    return this.nextDeviceId++;
  }

  linkedDevices(): LinkedDevice[] {
    return [...this.devices.values()];
  }

  close(): void {
    this.phonePeer?.close();
  }

  toJSON(): SandboxAccount {
    return {
      phone: this.phone,
      lid: this.lid,
      name: this.name,
      pnJid: this.pnJid,
      lidJid: this.lidJid,
      banned: this.banned,
      receipts: { ...this.receipts },
    };
  }
}
