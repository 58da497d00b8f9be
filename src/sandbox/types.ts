import type { BinaryNode } from 'baileys';

import type { TypedEmitter } from './events';

/** How a contact acknowledges messages it receives from a linked device. */
export type ReceiptBehaviour = {
  mode: 'read' | 'delivered' | 'none';
  /**
   * Delay before each receipt (delivery, then read). Baileys merges receipts that arrive within
   * ~100 ms of the send into the buffered upsert (WA-PROTOCOL P3), so the default is 200 ms.
   */
  delayMs?: number;
};

export type CertRoot = 'correct' | 'wrong';

export interface StanzaLogEntry {
  dir: 'in' | 'out';
  connId: string;
  tag: string;
  attrs: Record<string, string>;
  summary: string;
  /** Milliseconds since the epoch. */
  at: number;
}

export interface SandboxOptions {
  /** 0 (default) picks a random free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** true logs stanzas to stderr; a function receives every entry. Off by default. */
  log?: boolean | ((entry: StanzaLogEntry) => void);
  /** Default receipt behaviour of contacts. Default `{ mode: 'read', delayMs: 200 }`. */
  receipts?: ReceiptBehaviour;
  /** Derives the noise root key pair from this seed instead of generating a random one. */
  seed?: string;
  /** 'wrong' signs the noise certificate chain with a key other than `rootPublicKey` (security tests). */
  certRoot?: CertRoot;
  /** 'wrong' makes the phone produce an invalid ADV account signature at pairing (security tests). */
  advSignature?: CertRoot;
  /**
   * What happens when a linked device looks up or writes to a number no account has:
   * 'create' (default) makes it a contact on the fly, 'absent' reports it as not on WhatsApp.
   */
  unknownNumbers?: 'create' | 'absent';
  /** Serve the control API under /control/* on the same port. Default true. */
  controlApi?: boolean;
  /** Port of the HTTPS media server (same host). 0 (default) picks a random free port. */
  mediaPort?: number;
  /**
   * Keeps accounts, linked devices, Signal keys, messages and the noise root (unless `seed` is given) in this file
   * across restarts: read at start, written soon after each change and at close. Default: none (all in memory).
   */
  stateFile?: string;
}

/** Media a contact can send to a linked device. */
export type SandboxMediaKind = 'image' | 'video' | 'audio' | 'document';

/** Media a contact's phone can receive from a linked device (stickers arrive too, they are never sent). */
export type SandboxReceivedMediaKind = SandboxMediaKind | 'sticker';

export interface SandboxMediaInput {
  kind: SandboxMediaKind;
  data: Uint8Array;
  mimetype: string;
  /** Documents only: the name the recipient sees. */
  fileName?: string;
  caption?: string;
  /** Audio only: a voice note (push-to-talk) instead of an audio file. */
  ptt?: boolean;
  /**
   * The file is already gone from the media server when the device downloads it (404), as with old messages; the
   * sending phone uploads it again when the device asks (media retry).
   */
  expired?: boolean;
}

/** What a phone knows about a media message, without the bytes. */
export interface SandboxMediaInfo {
  kind: SandboxReceivedMediaKind;
  mimetype: string;
  /** Plaintext bytes (as announced in the message when `error` is set). */
  size: number;
  /** Hex SHA-256 of the plaintext (the announced fileSha256 when `error` is set). */
  sha256: string;
  fileName?: string;
  caption?: string;
  ptt?: boolean;
  /** Why the phone could not download or verify the media (missing blob, hash or MAC mismatch…). */
  error?: string;
}

export interface SandboxAccount {
  /** E.164 digits without '+'. */
  readonly phone: string;
  /** LID user part (digits, without '@lid'). */
  readonly lid: string;
  readonly name: string;
  readonly pnJid: string;
  readonly lidJid: string;
  readonly banned: boolean;
  /** How the phone acknowledges what linked devices send it. */
  readonly receipts: ReceiptBehaviour;
}

/** Whether a phone is online, and how many messages it holds back for when it is. */
export interface PhonePresence {
  online: boolean;
  heldMessages: number;
}

export interface SandboxInboxMessage {
  id: string;
  /** Phone of the account whose device sent it. */
  from: string;
  /** Device jid that sent it, e.g. `15551234567:1@s.whatsapp.net`. */
  fromDevice: string;
  /** The text, or the media caption ('' for media without one). */
  text: string;
  /** Unix seconds. */
  timestamp: number;
  media?: SandboxMediaInfo;
}

export interface SandboxOutboxMessage {
  id: string;
  /** Phone of the account that was written to. */
  to: string;
  text: string;
  timestamp: number;
  /** Receipts the addressed account's devices sent back (e.g. 'inactive', 'read'). */
  receipts: string[];
  /** Signal message type used for each linked device, in device order ('pkmsg' opens a session). */
  encryption: Array<'pkmsg' | 'msg'>;
  media?: SandboxMediaInfo;
}

export type SandboxGroupRole = 'superadmin' | 'admin' | 'member';

export interface SandboxGroupParticipant {
  phone: string;
  lid: string;
  name: string;
  role: SandboxGroupRole;
}

/** A group as the sandbox (WhatsApp) knows it. */
export interface SandboxGroup {
  /** The group jid, `120363…@g.us`. */
  id: string;
  subject: string;
  description?: string;
  /** Phone of the creator. */
  creator: string;
  /** Unix seconds. */
  creation: number;
  inviteCode: string;
  participants: SandboxGroupParticipant[];
}

export type SandboxGroupAction = 'add' | 'remove' | 'promote' | 'demote';

/**
 * One number's outcome of a participants change: 200 done, 403 the phone only lets contacts add it (privacy),
 * 404 not on WhatsApp (add) or not a member (remove/promote/demote), 406 the creator cannot be changed,
 * 409 already a member (add).
 */
export interface SandboxParticipantResult {
  phone: string;
  status: 200 | 403 | 404 | 406 | 409;
}

/** What a phone's group chat holds: messages it sent, and what it got, read or not. */
export interface SandboxGroupMessage {
  /** The group jid. */
  groupId: string;
  id: string;
  /** Phone of the sender. */
  from: string;
  /** Sending device as the group names it (`LID:1@lid` for a linked device, `LID@lid` for a phone). */
  fromDevice: string;
  /** This phone sent it. */
  fromMe: boolean;
  /** Unix seconds. */
  timestamp: number;
  /** False when the phone could not decrypt it (`error` says why): it never learnt what it says. */
  decrypted: boolean;
  error?: string;
  /** Signal message types the stanza carried for this phone, in order (e.g. ['pkmsg', 'skmsg']). */
  encryption: Array<'pkmsg' | 'msg' | 'skmsg'>;
  /** The text or caption ('' for media without one, or when not decrypted). */
  text: string;
  /** `contextInfo.mentionedJid` as sent (PN or LID jids). */
  mentions: string[];
  media?: SandboxMediaInfo;
  /** False when it reached the phone after it left the group (a listener's copy, see `listenToGroup`). */
  member: boolean;
}

export type SandboxGroupNotificationType =
  | 'create'
  | 'add'
  | 'remove'
  | 'promote'
  | 'demote'
  | 'subject'
  | 'description'
  | 'invite';

/** A `w:gp2` notification as a member's phone got it. */
export interface SandboxGroupNotification {
  groupId: string;
  type: SandboxGroupNotificationType;
  /** Phone of who made the change. */
  actor: string;
  /** Phones the change was about (add, remove, promote, demote). */
  participants: string[];
  subject?: string;
  description?: string;
  /** Unix seconds. */
  timestamp: number;
}

export interface LinkedDeviceInfo {
  jid: string;
  lid: string;
  connected: boolean;
}

export interface SandboxEvents {
  stanza: StanzaLogEntry;
  'unhandled-iq': { connId: string; phone?: string; xmlns?: string; type?: string; node: BinaryNode };
  paired: { phone: string; deviceJid: string; method: 'qr' | 'code' };
  login: { phone: string; deviceJid: string; connId: string };
  /** A linked device sent a message that a contact (or the account's phone) received. */
  message: { id: string; from: string; fromDevice: string; to: string; text?: string; toDevice: string; media?: SandboxMediaInfo };
  /** An HTTP request the media server answered (diagnostics: Baileys logs upload failures only at warn level). */
  'media-request': { method: string; path: string; status: number; range?: string };
  /** A contact's phone could not download or verify the media a device sent it (the inbox entry carries `media.error`). */
  'media-error': { to: string; from: string; id: string; error: string };
  /** 'to-device': a contact acknowledged a device's message; 'from-device': a device acknowledged a contact's message. */
  receipt: { direction: 'to-device' | 'from-device'; from: string; to: string; ids: string[]; type: string };
  /** Linked device connections: 'closed' carries the reason the sandbox knows of. */
  connection: { connId: string; phone?: string; deviceJid?: string; state: 'open' | 'closed'; reason?: string };
  /** An offline phone got a message it will take when it comes back online. */
  held: { to: string; from: string; id: string };
  /** A group changed (created, members, subject, description, invite code); sent after the notifications. */
  'group-update': { groupId: string; type: SandboxGroupNotificationType; actor: string; participants: string[] };
  /** A phone took a group message (`decrypted` false when it could not read it). */
  'group-message': { groupId: string; to: string; message: SandboxGroupMessage };
  /** A fake peer failed to decrypt what a device sent it. */
  'decrypt-error': { to: string; fromDevice: string; id: string; error: string };
}

export interface Sandbox {
  readonly wsUrl: string;
  readonly port: number;
  /** The control API base URL (`http://host:port/control`). */
  readonly controlUrl: string;
  readonly rootPublicKey: Uint8Array;
  /** The HTTPS media server (`https://host:port`), where Baileys uploads and downloads media. */
  readonly mediaUrl: string;
  /**
   * PEM of the media server's self-signed certificate (made at start). Baileys clients must trust
   * it: `sandboxSocketConfig(wsUrl, pem)` for uploads, `sandboxMediaRequestOptions(pem)` for downloads.
   */
  readonly mediaCertPem: string;
  readonly events: TypedEmitter<SandboxEvents>;
  createAccount(opts?: { phone?: string; name?: string }): SandboxAccount;
  account(phone: string): SandboxAccount | undefined;
  accounts(): SandboxAccount[];
  /** The account's phone scans a QR string from Baileys' `connection.update`; resolves once the device is linked. */
  scanQR(qr: string, phone: string): Promise<void>;
  /** The phone user types the pairing code shown by Baileys; resolves once the device is linked. */
  enterPairingCode(phone: string, code: string): Promise<void>;
  /** Contact `from` writes to every linked device of account `toPhone`; creates `from` if missing. */
  sendText(from: string, toPhone: string, text: string): Promise<string>;
  /** Contact `from` sends media to every linked device of account `toPhone`; creates `from` if missing. */
  sendMedia(from: string, toPhone: string, media: SandboxMediaInput): Promise<string>;
  inbox(phone: string): SandboxInboxMessage[];
  /** The verified plaintext of a media message `phone` received (undefined if none, failed, or evicted). */
  inboxMedia(phone: string, messageId: string): Buffer | undefined;
  outbox(phone: string): SandboxOutboxMessage[];
  waitForInbox(
    phone: string,
    predicate: (m: SandboxInboxMessage) => boolean,
    timeoutMs?: number,
  ): Promise<SandboxInboxMessage>;
  setReceipts(phone: string, behaviour: ReceiptBehaviour): void;
  /** Takes the phone offline (it holds incoming messages, sends no receipts) or back online (it takes them all). */
  setOnline(phone: string, online: boolean): void;
  presence(phone: string): PhonePresence;
  /** Marks a number (without an account) as not on WhatsApp: lookups report it absent and sends to it fail. */
  markNotOnWhatsApp(phone: string): void;
  clearNotOnWhatsApp(phone: string): void;
  notOnWhatsApp(): string[];
  dropConnection(phone: string): void;
  /**
   * WhatsApp stops answering the account's linked devices: what they send is read and discarded (never accepted,
   * never acknowledged) and nothing is sent to them, until the connection is dropped (`dropConnection`).
   */
  freezeConnection(phone: string): void;
  logout(phone: string): void;
  ban(phone: string): void;
  unban(phone: string): void;
  linkedDevices(phone: string): LinkedDeviceInfo[];

  // Groups (WA-PROTOCOL §8), as the phones see and play them. `groupId` is `120363…@g.us` or its digits.
  /** Phone `creator` creates a group with itself as superadmin; members get the `create` notification. */
  createGroup(creator: string, subject: string, participants: string[]): SandboxGroup;
  group(groupId: string): SandboxGroup | undefined;
  /** Every group, or the groups `phone` is a member of. */
  groups(phone?: string): SandboxGroup[];
  /** An admin phone adds, removes, promotes or demotes members; one result per number. */
  updateGroupParticipants(actor: string, groupId: string, action: SandboxGroupAction, phones: string[]): SandboxParticipantResult[];
  setGroupSubject(actor: string, groupId: string, subject: string): void;
  /** An empty description deletes it. */
  setGroupDescription(actor: string, groupId: string, description: string): void;
  /** An admin phone reads the invite code (the link is `https://chat.whatsapp.com/<code>`). */
  groupInviteCode(actor: string, groupId: string): string;
  /** An admin phone revokes the invite link; returns the new code. */
  revokeGroupInvite(actor: string, groupId: string): string;
  /** The phone joins through an invite code. */
  joinGroup(phone: string, inviteCode: string): SandboxGroup;
  leaveGroup(phone: string, groupId: string): void;
  /** "Who can add me to groups: my contacts": adds by others get 403 (privacy) until this is turned off. */
  setGroupAddRestricted(phone: string, restricted: boolean): void;
  /**
   * After `phone` leaves or is removed, it keeps receiving the group's sender-key messages (the skmsg only), as if
   * it still listened on the wire: `groupMessages` then shows whether it could decrypt them (`member: false`).
   */
  listenToGroup(phone: string, groupId: string, listening: boolean): void;
  /** A member's phone writes to the group (its sender key to devices lacking it, then one skmsg); `mentions` are phones. */
  sendGroupText(from: string, groupId: string, text: string, opts?: { mentions?: string[] }): Promise<string>;
  sendGroupMedia(from: string, groupId: string, media: SandboxMediaInput): Promise<string>;
  /** A phone's group chats: what it sent, and what it received with whether it could decrypt it. */
  groupMessages(phone: string, groupId?: string): SandboxGroupMessage[];
  groupNotifications(phone: string, groupId?: string): SandboxGroupNotification[];
  waitForGroupMessage(
    phone: string,
    predicate: (m: SandboxGroupMessage) => boolean,
    timeoutMs?: number,
  ): Promise<SandboxGroupMessage>;
  close(): Promise<void>;
}
