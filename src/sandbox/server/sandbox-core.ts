import type { BinaryNode, proto } from 'baileys';

import type { Account, LinkedDevice } from '../directory/account';
import { AccountDirectory, isValidPhone } from '../directory/account-directory';
import { PhoneConditions } from '../directory/phone-conditions';
import { TypedEmitter } from '../events';
import { GroupMessaging } from '../groups/group-messaging';
import { GroupService, groupIdOf } from '../groups/group-service';
import type { Group } from '../groups/group';
import { IQ_HANDLERS, PRE_LOGIN_NAMESPACES, type IqOutcome } from '../iq';
import type { MediaService } from '../media/media-service';
import { prepareContactMedia } from '../messaging/contact-media';
import { MessageRouter } from '../messaging/message-router';
import { PairingService } from '../pairing/pairing-service';
import type { ServerIdentity } from '../protocol/cert-chain';
import { iqError, iqResult, summarize, unixTime } from '../protocol/nodes';
import type {
  LinkedDeviceInfo,
  PhonePresence,
  ReceiptBehaviour,
  SandboxAccount,
  SandboxEvents,
  SandboxGroup,
  SandboxGroupAction,
  SandboxGroupMessage,
  SandboxGroupNotification,
  SandboxInboxMessage,
  SandboxParticipantResult,
  SandboxMediaInput,
  SandboxOutboxMessage,
  StanzaLogEntry,
} from '../types';
import type { ConnectionHost, SandboxConnection } from './connection';
import type { ResolvedSandboxOptions, SandboxContext } from './context';
import { parseRegistration } from './registration';

const DEFAULT_WAIT_MS = 10_000;

/**
 * The sandbox's brain: the account directory, what happens on handshake and on each stanza, and
 * the scenario operations (pairing, contacts writing, receipts, logout, ban, drop).
 * Transport (HTTP/WebSocket) lives in http-server.ts.
 */
export class SandboxCore implements SandboxContext, ConnectionHost {
  readonly events = new TypedEmitter<SandboxEvents>();
  readonly directory: AccountDirectory;
  readonly conditions = new PhoneConditions();
  readonly pairing: PairingService;
  readonly groups: GroupService;
  private readonly groupMessaging: GroupMessaging;
  private readonly router: MessageRouter;
  private readonly connections = new Set<SandboxConnection>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(
    readonly serverIdentity: ServerIdentity,
    readonly options: ResolvedSandboxOptions,
    readonly media: MediaService,
    private readonly logSink: ((entry: StanzaLogEntry) => void) | undefined,
  ) {
    this.directory = new AccountDirectory(() => ({ ...options.receipts }));
    this.pairing = new PairingService(this.directory, this.events, () => options.advSignature === 'wrong');
    this.groups = new GroupService(this);
    this.groupMessaging = new GroupMessaging(this, this.groups);
    this.router = new MessageRouter(this, this.groupMessaging);
  }

  // ---- SandboxContext -------------------------------------------------------------------------

  schedule(delayMs: number, task: () => void): void {
    if (this.closed) {
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      task();
    }, delayMs);
    this.timers.add(timer);
  }

  lookupNumber(phone: string): Account | undefined {
    const existing = this.directory.get(phone);
    if (existing || this.options.unknownNumbers === 'absent' || this.conditions.isNotOnWhatsApp(phone)) {
      return existing;
    }
    try {
      return this.directory.create({ phone });
    } catch {
      return undefined; // not a valid phone number
    }
  }

  unlinkDevice(device: LinkedDevice, reason: string): void {
    device.account.devices.delete(device.id);
    this.connectionOf(device)?.close(reason);
  }

  // ---- ConnectionHost ---------------------------------------------------------------------------

  attach(conn: SandboxConnection): void {
    this.connections.add(conn);
  }

  onHandshake(conn: SandboxConnection, clientStatic: Buffer, payload: proto.ClientPayload): void {
    if (payload.devicePairingData) {
      const registration = parseRegistration(payload.devicePairingData);
      if (!registration) {
        this.fail(conn, 400, 'invalid registration payload');
        return;
      }
      conn.binding = { kind: 'registration', registration };
      this.pairing.startRegistration(conn);
      return;
    }
    if (payload.username === null || payload.username === undefined) {
      this.fail(conn, 400, 'client payload is neither registration nor login');
      return;
    }
    this.login(conn, clientStatic, String(payload.username), payload.device ?? 0);
  }

  onStanza(conn: SandboxConnection, node: BinaryNode): void {
    if (!conn.binding) {
      return;
    }
    switch (node.tag) {
      case 'iq':
        void this.handleIq(conn, node);
        return;
      case 'message':
        this.router.onDeviceMessage(conn, node);
        return;
      case 'receipt':
        this.router.onDeviceReceipt(conn, node);
        return;
      default:
        // ack, ib (unified_session), presence, chatstate: nothing to answer.
        return;
    }
  }

  onClose(conn: SandboxConnection): void {
    this.connections.delete(conn);
    this.pairing.forget(conn);
    const device = conn.device;
    if (device?.connection === conn) {
      device.connection = undefined;
    }
    if (device) {
      this.events.emit('connection', {
        connId: conn.id,
        phone: device.account.phone,
        deviceJid: device.pnJid,
        state: 'closed',
        ...(conn.closeReason ? { reason: conn.closeReason } : { reason: 'client closed' }),
      });
    }
  }

  logStanza(conn: SandboxConnection, dir: 'in' | 'out', node: BinaryNode): void {
    if (!this.logSink && this.events.listenerCount('stanza') === 0) {
      return;
    }
    const entry: StanzaLogEntry = {
      dir,
      connId: conn.id,
      tag: node.tag,
      attrs: { ...node.attrs },
      summary: summarize(node),
      at: Date.now(),
    };
    this.logSink?.(entry);
    this.events.emit('stanza', entry);
  }

  // ---- Scenario operations ----------------------------------------------------------------------

  /** After loading saved state: sends the receipts phones still owed. */
  resumeReceipts(): void {
    this.router.resumeReceipts();
  }

  createAccount(opts?: { phone?: string; name?: string }): SandboxAccount {
    if (opts?.phone !== undefined) this.requireOnWhatsApp(opts.phone);
    return this.directory.create(opts);
  }

  account(phone: string): SandboxAccount | undefined {
    return this.directory.get(phone);
  }

  accounts(): SandboxAccount[] {
    return this.directory.all();
  }

  scanQR(qr: string, phone: string): Promise<void> {
    return this.pairing.scanQR(qr, phone);
  }

  enterPairingCode(phone: string, code: string): Promise<void> {
    return this.pairing.enterPairingCode(phone, code);
  }

  async sendText(from: string, toPhone: string, text: string): Promise<string> {
    const to = this.requireAccount(toPhone);
    return this.router.sendFromContact(this.sendingPhone(from), to, { message: { conversation: text }, text });
  }

  async sendMedia(from: string, toPhone: string, media: SandboxMediaInput): Promise<string> {
    const to = this.requireAccount(toPhone);
    if (to.linkedDevices().length === 0) {
      throw new Error(`account ${to.phone} has no linked device`); // checked before anything is stored
    }
    const sender = this.sendingPhone(from);
    return this.router.sendFromContact(sender, to, await prepareContactMedia(this.media, media));
  }

  inbox(phone: string): SandboxInboxMessage[] {
    return (this.directory.get(phone)?.inboxMessages ?? []).map(message =>
      message.media ? { ...message, media: { ...message.media } } : { ...message },
    );
  }

  inboxMedia(phone: string, messageId: string): Buffer | undefined {
    const stored = this.media.receivedMedia(phone, messageId);
    return stored ? Buffer.from(stored) : undefined; // a copy: callers must not change what the phone keeps
  }

  outbox(phone: string): SandboxOutboxMessage[] {
    return (this.directory.get(phone)?.outboxMessages ?? []).map(message => ({
      ...message,
      receipts: [...message.receipts],
      encryption: [...message.encryption],
      ...(message.media ? { media: { ...message.media } } : {}),
    }));
  }

  waitForInbox(
    phone: string,
    predicate: (m: SandboxInboxMessage) => boolean,
    timeoutMs = DEFAULT_WAIT_MS,
  ): Promise<SandboxInboxMessage> {
    const existing = this.inbox(phone).find(predicate);
    if (existing) {
      return Promise.resolve(existing);
    }
    return this.events
      .waitFor('message', event => event.to === phone && this.inbox(phone).some(predicate), timeoutMs)
      .then(() => {
        const found = this.inbox(phone).find(predicate);
        if (!found) {
          throw new Error('unreachable: inbox changed between event and lookup');
        }
        return found;
      });
  }

  setReceipts(phone: string, behaviour: ReceiptBehaviour): void {
    this.requireOnWhatsApp(phone);
    this.directory.getOrCreate(phone).receipts = { ...behaviour };
  }

  /** Offline, the phone holds what devices send it (no receipts); back online it takes and acknowledges all of it. */
  setOnline(phone: string, online: boolean): void {
    this.conditions.setOnline(this.requireAccount(phone).phone, online);
  }

  presence(phone: string): PhonePresence {
    const account = this.requireAccount(phone);
    return { online: this.conditions.isOnline(account.phone), heldMessages: this.conditions.heldCount(account.phone) };
  }

  /** The number leaves WhatsApp: lookups answer "not on WhatsApp". Refused while an account has the number. */
  markNotOnWhatsApp(phone: string): void {
    if (this.directory.get(phone)) {
      throw new Error(`account ${phone} exists; a number with an account is on WhatsApp`);
    }
    if (!isValidPhone(phone)) {
      throw new Error(`invalid phone '${phone}': expected E.164 digits without '+'`);
    }
    this.conditions.markNotOnWhatsApp(phone);
  }

  clearNotOnWhatsApp(phone: string): void {
    this.conditions.clearNotOnWhatsApp(phone);
  }

  notOnWhatsApp(): string[] {
    return this.conditions.notOnWhatsApp();
  }

  dropConnection(phone: string): void {
    for (const device of this.requireAccount(phone).linkedDevices()) {
      this.connectionOf(device)?.terminate('dropped by scenario');
    }
  }

  freezeConnection(phone: string): void {
    for (const device of this.requireAccount(phone).linkedDevices()) {
      this.connectionOf(device)?.freeze();
    }
  }

  logout(phone: string): void {
    const account = this.requireAccount(phone);
    for (const device of account.linkedDevices()) {
      const conn = this.connectionOf(device);
      conn?.send({ tag: 'failure', attrs: { reason: '401', location: 'sandbox' } });
      this.unlinkDevice(device, 'logged out by server');
    }
  }

  ban(phone: string): void {
    const account = this.requireAccount(phone);
    account.banned = true;
    for (const device of account.linkedDevices()) {
      const conn = this.connectionOf(device);
      conn?.send({ tag: 'failure', attrs: { reason: '403', location: 'sandbox' } });
      conn?.close('account banned');
    }
  }

  unban(phone: string): void {
    this.requireAccount(phone).banned = false;
  }

  linkedDevices(phone: string): LinkedDeviceInfo[] {
    return (this.directory.get(phone)?.linkedDevices() ?? [])
      .sort((a, b) => a.id - b.id)
      .map(device => ({ jid: device.pnJid, lid: device.lidJid, connected: device.connected }));
  }

  // ---- Groups, played by the phones ------------------------------------------------------------

  createGroup(creator: string, subject: string, participants: string[]): SandboxGroup {
    const owner = this.groupMember(creator);
    const members = participants.map(phone => this.groupMember(phone));
    return this.groups.toInfo(this.groups.create(owner, subject, members));
  }

  group(groupId: string): SandboxGroup | undefined {
    const group = this.groups.get(groupId);
    return group ? this.groups.toInfo(group) : undefined;
  }

  groupsOf(phone?: string): SandboxGroup[] {
    const all = phone === undefined ? this.groups.all() : this.groups.groupsOf(this.requireAccount(phone));
    return all.map(group => this.groups.toInfo(group));
  }

  updateGroupParticipants(actor: string, groupId: string, action: SandboxGroupAction, phones: string[]): SandboxParticipantResult[] {
    const account = this.requireAccount(actor);
    const group = this.groups.require(groupId, account, { admin: true });
    const targets = phones.map(phone => ({ jid: phone, account: this.lookupNumber(phone) }));
    return this.groups.updateParticipants(account, group, action, targets).map(o => ({ phone: o.jid, status: o.status }));
  }

  setGroupSubject(actor: string, groupId: string, subject: string): void {
    const account = this.requireAccount(actor);
    this.groups.setSubject(account, this.groups.require(groupId, account), subject);
  }

  setGroupDescription(actor: string, groupId: string, description: string): void {
    const account = this.requireAccount(actor);
    this.groups.setDescription(account, this.groups.require(groupId, account), description);
  }

  groupInviteCode(actor: string, groupId: string): string {
    return this.groups.require(groupId, this.requireAccount(actor), { admin: true }).inviteCode;
  }

  revokeGroupInvite(actor: string, groupId: string): string {
    const account = this.requireAccount(actor);
    return this.groups.revokeInvite(account, this.groups.require(groupId, account, { admin: true }));
  }

  joinGroup(phone: string, inviteCode: string): SandboxGroup {
    return this.groups.toInfo(this.groups.join(this.groupMember(phone), inviteCode));
  }

  leaveGroup(phone: string, groupId: string): void {
    const account = this.requireAccount(phone);
    this.groups.leave(account, this.groups.require(groupId, account));
  }

  setGroupAddRestricted(phone: string, restricted: boolean): void {
    this.groupMember(phone).groupAddRestricted = restricted;
  }

  listenToGroup(phone: string, groupId: string, listening: boolean): void {
    const group = this.groups.get(groupId);
    if (!group) {
      throw new Error(`no group ${groupId}`);
    }
    this.groups.setListening(this.requireAccount(phone), group, listening);
  }

  async sendGroupText(from: string, groupId: string, text: string, opts: { mentions?: string[] } = {}): Promise<string> {
    const { sender, group } = this.groupSender(from, groupId);
    const mentionedJid = (opts.mentions ?? []).map(phone => this.requireAccount(phone).lidJid);
    const message = mentionedJid.length > 0 ? { extendedTextMessage: { text, contextInfo: { mentionedJid } } } : { conversation: text };
    return this.groupMessaging.sendFromPhone(sender, group, { message, text });
  }

  async sendGroupMedia(from: string, groupId: string, media: SandboxMediaInput): Promise<string> {
    const { sender, group } = this.groupSender(from, groupId);
    return this.groupMessaging.sendFromPhone(sender, group, await prepareContactMedia(this.media, media));
  }

  groupMessages(phone: string, groupId?: string): SandboxGroupMessage[] {
    const id = groupId === undefined ? undefined : `${groupIdOf(groupId)}@g.us`;
    return (this.directory.get(phone)?.groupMessages ?? [])
      .filter(m => id === undefined || m.groupId === id)
      .map(m => ({ ...m, encryption: [...m.encryption], mentions: [...m.mentions], ...(m.media ? { media: { ...m.media } } : {}) }));
  }

  groupNotifications(phone: string, groupId?: string): SandboxGroupNotification[] {
    const id = groupId === undefined ? undefined : `${groupIdOf(groupId)}@g.us`;
    return (this.directory.get(phone)?.groupNotifications ?? [])
      .filter(n => id === undefined || n.groupId === id)
      .map(n => ({ ...n, participants: [...n.participants] }));
  }

  waitForGroupMessage(
    phone: string,
    predicate: (m: SandboxGroupMessage) => boolean,
    timeoutMs = DEFAULT_WAIT_MS,
  ): Promise<SandboxGroupMessage> {
    const existing = this.groupMessages(phone).find(predicate);
    if (existing) {
      return Promise.resolve(existing);
    }
    return this.events
      .waitFor('group-message', event => event.to === phone && predicate(event.message), timeoutMs)
      .then(event => event.message);
  }

  connectionCount(): number {
    return this.connections.size;
  }

  shutdown(): void {
    this.closed = true;
    for (const timer of this.timers) {
      clearTimeout(timer);
    }
    this.timers.clear();
    for (const conn of [...this.connections]) {
      conn.terminate('sandbox closed');
    }
    this.directory.close();
  }

  // ---- internals --------------------------------------------------------------------------------

  private login(conn: SandboxConnection, clientStatic: Buffer, phone: string, deviceId: number): void {
    const account = this.directory.get(phone);
    if (account?.banned) {
      this.fail(conn, 403, 'account banned');
      return;
    }
    const device = account?.devices.get(deviceId);
    // Only a linked companion presenting the Noise key it registered with may log in (never device 0).
    if (!device || deviceId === 0 || !Buffer.from(device.noiseKey).equals(clientStatic)) {
      this.fail(conn, 401, 'device not linked');
      return;
    }
    const previous = this.connectionOf(device);
    if (previous && previous !== conn) {
      previous.send({ tag: 'stream:error', attrs: {}, content: [{ tag: 'conflict', attrs: { type: 'replaced' } }] });
      previous.close('replaced by a new login');
    }
    conn.binding = { kind: 'device', device };
    device.connection = conn;
    const now = unixTime();
    conn.send({
      tag: 'success',
      attrs: {
        t: now,
        props: '1',
        abprops: '1',
        location: 'sandbox',
        creation: now,
        lid: device.lidJid,
        display_name: device.account.name,
      },
    });
    this.events.emit('login', { phone, deviceJid: device.pnJid, connId: conn.id });
    this.events.emit('connection', { connId: conn.id, phone, deviceJid: device.pnJid, state: 'open' });
  }

  private fail(conn: SandboxConnection, reason: number, why: string): void {
    conn.send({ tag: 'failure', attrs: { reason: reason.toString(), location: 'sandbox' } });
    conn.close(why);
  }

  private async handleIq(conn: SandboxConnection, iq: BinaryNode): Promise<void> {
    const { xmlns, type } = iq.attrs;
    if (type !== 'get' && type !== 'set') {
      return;
    }
    let outcome: IqOutcome;
    try {
      const handler = xmlns ? IQ_HANDLERS[xmlns] : undefined;
      if (conn.registration && xmlns && !PRE_LOGIN_NAMESPACES.has(xmlns)) {
        outcome = { error: { code: 401, text: 'not-authorized' } };
      } else {
        outcome = handler ? await handler(iq, conn, this) : 'unhandled';
      }
    } catch (error) {
      outcome = { error: { code: 500, text: error instanceof Error ? error.message : 'internal-server-error' } };
    }
    if (outcome === 'unhandled') {
      this.events.emit('unhandled-iq', {
        connId: conn.id,
        ...(conn.device ? { phone: conn.device.account.phone } : {}),
        ...(xmlns ? { xmlns } : {}),
        type,
        node: iq,
      });
      conn.send(iqResult(iq));
      return;
    }
    if ('error' in outcome) {
      conn.send(iqError(iq, outcome.error.code, outcome.error.text));
      return;
    }
    conn.send(iqResult(iq, outcome.content));
    outcome.afterReply?.();
  }

  private connectionOf(device: LinkedDevice): SandboxConnection | undefined {
    for (const conn of this.connections) {
      if (conn.device === device) {
        return conn;
      }
    }
    return undefined;
  }

  /** The contact phone writing a message: created if new, but never for a number off WhatsApp or an offline phone. */
  private sendingPhone(phone: string): Account {
    this.requireOnWhatsApp(phone);
    if (!this.conditions.isOnline(phone)) {
      throw new Error(`phone ${phone} is offline; bring it online to send`);
    }
    return this.directory.getOrCreate(phone);
  }

  /** A phone a group can hold: created on the fly like any contact, never one off WhatsApp. */
  private groupMember(phone: string): Account {
    this.requireOnWhatsApp(phone);
    return this.directory.getOrCreate(phone);
  }

  private groupSender(from: string, groupId: string): { sender: Account; group: Group } {
    const sender = this.sendingPhone(from);
    return { sender, group: this.groups.require(groupId, sender) };
  }

  private requireOnWhatsApp(phone: string): void {
    if (this.conditions.isNotOnWhatsApp(phone)) {
      throw new Error(`${phone} is not on WhatsApp`);
    }
  }

  private requireAccount(phone: string): Account {
    const account = this.directory.get(phone);
    if (!account) {
      throw new Error(`no account ${phone}`);
    }
    return account;
  }
}
