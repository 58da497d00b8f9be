import { Curve, type BinaryNode, type KeyPair } from 'baileys';

import { lidJid, pnJid } from '../protocol/jids';
import { FakePeer, type FakePeerState } from '../peers/fake-peer';
import type { PreKeyBundle } from '../peers/prekey-bundle';
import type {
  ReceiptBehaviour,
  SandboxAccount,
  SandboxGroupMessage,
  SandboxGroupNotification,
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

/** A linked device as the sandbox's state file keeps it. */
export interface LinkedDeviceState {
  id: number;
  keyIndex: number;
  noiseKey: Uint8Array;
  identityKey: Uint8Array;
  registrationId: number;
  signedPreKey: { keyId: number; publicKey: Uint8Array; signature: Uint8Array };
  platform: string;
  prekeys: Uint8Array;
  offlineQueue: BinaryNode[];
}

/** An account as the sandbox's state file keeps it (media bytes are not kept). */
export interface AccountState {
  phone: string;
  lid: string;
  name: string;
  banned: boolean;
  receipts: ReceiptBehaviour;
  phoneIdentity: KeyPair;
  nextDeviceId: number;
  peer: FakePeerState | null;
  devices: LinkedDeviceState[];
  inbox: SandboxInboxMessage[];
  outbox: SandboxOutboxMessage[];
  pendingReceipts?: PendingReceipt[];
  groupMessages?: SandboxGroupMessage[];
  groupNotifications?: SandboxGroupNotification[];
  groupAddRestricted?: boolean;
  senderKeyMemory?: Record<string, string[]>;
}

/** A receipt the phone still owes a device for a message it received (sent after the receipt delay). */
export interface PendingReceipt {
  deviceJid: string;
  id: string;
  chatJid: string;
}

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

  exportState(): LinkedDeviceState {
    return {
      id: this.id,
      keyIndex: this.keyIndex,
      noiseKey: this.noiseKey,
      identityKey: this.identityKey,
      registrationId: this.registrationId,
      signedPreKey: this.signedPreKey,
      platform: this.platform,
      prekeys: this.prekeys.exportRecords(),
      offlineQueue: [...this.offlineQueue],
    };
  }

  static fromState(account: Account, state: LinkedDeviceState): LinkedDevice {
    const device = new LinkedDevice(
      account,
      state.id,
      state.keyIndex,
      state.noiseKey,
      state.identityKey,
      state.registrationId,
      state.signedPreKey,
      state.platform,
    );
    device.prekeys.importRecords(state.prekeys);
    device.offlineQueue = [...state.offlineQueue];
    return device;
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
  /** By `deviceJid|id`: kept across restarts, so a receipt is never lost with the process that scheduled it. */
  readonly pendingReceipts = new Map<string, PendingReceipt>();
  banned = false;
  receipts: ReceiptBehaviour;
  /** What the phone's group chats hold, in arrival order (sent and received). */
  readonly groupMessages: SandboxGroupMessage[] = [];
  readonly groupNotifications: SandboxGroupNotification[] = [];
  /** "Who can add me to groups: my contacts": an add by anyone else is refused with 403 (an invite is needed). */
  groupAddRestricted = false;
  /** Per group jid: the devices this phone already gave its sender key (like Baileys' sender-key-memory). */
  readonly senderKeyMemory = new Map<string, Set<string>>();
  readonly blocklist = new Set<string>();
  readonly privacy = new Map<string, string>();
  /** The primary phone's identity key; also the ADV account signing key (WA-PROTOCOL §6.2). */
  readonly phoneIdentity: KeyPair;
  private nextDeviceId = 1;
  private phonePeer: FakePeer | undefined;
  private restoredPeer: FakePeerState | undefined;

  constructor(
    readonly phone: string,
    readonly lid: string,
    readonly name: string,
    receipts: ReceiptBehaviour,
    phoneIdentity: KeyPair = Curve.generateKeyPair(),
  ) {
    this.receipts = receipts;
    this.phoneIdentity = phoneIdentity;
  }

  exportState(): AccountState {
    return {
      phone: this.phone,
      lid: this.lid,
      name: this.name,
      banned: this.banned,
      receipts: { ...this.receipts },
      phoneIdentity: this.phoneIdentity,
      nextDeviceId: this.nextDeviceId,
      peer: this.phonePeer?.exportState() ?? this.restoredPeer ?? null,
      devices: this.linkedDevices().map(device => device.exportState()),
      inbox: this.inboxMessages,
      outbox: this.outboxMessages,
      pendingReceipts: [...this.pendingReceipts.values()],
      groupMessages: this.groupMessages,
      groupNotifications: this.groupNotifications,
      groupAddRestricted: this.groupAddRestricted,
      senderKeyMemory: Object.fromEntries([...this.senderKeyMemory].map(([group, devices]) => [group, [...devices]])),
    };
  }

  static fromState(state: AccountState): Account {
    const account = new Account(state.phone, state.lid, state.name, state.receipts, state.phoneIdentity);
    account.banned = state.banned;
    account.nextDeviceId = state.nextDeviceId;
    account.restoredPeer = state.peer ?? undefined;
    for (const device of state.devices) {
      account.devices.set(device.id, LinkedDevice.fromState(account, device));
    }
    account.inboxMessages.push(...state.inbox);
    account.outboxMessages.push(...state.outbox);
    account.groupMessages.push(...(state.groupMessages ?? []));
    account.groupNotifications.push(...(state.groupNotifications ?? []));
    account.groupAddRestricted = state.groupAddRestricted ?? false;
    for (const [group, devices] of Object.entries(state.senderKeyMemory ?? {})) {
      account.senderKeyMemory.set(group, new Set(devices));
    }
    for (const receipt of state.pendingReceipts ?? []) {
      account.pendingReceipts.set(`${receipt.deviceJid}|${receipt.id}`, receipt);
    }
    return account;
  }

  get pnJid(): string {
    return pnJid(this.phone);
  }

  get lidJid(): string {
    return lidJid(this.lid);
  }

  /** Device 0, created on first use: most accounts in a benchmark never need Signal state. */
  get peer(): FakePeer {
    this.phonePeer ??= new FakePeer(this.phoneIdentity, this.restoredPeer);
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
