import type { BinaryNode, proto } from 'baileys';

import type { Account, LinkedDevice } from '../directory/account';
import { parseUserJid } from '../protocol/jids';
import { child, childrenOf, newMessageId, unixTime } from '../protocol/nodes';
import type { CipherType } from '../peers/fake-peer';
import type { SandboxConnection } from '../server/connection';
import type { SandboxContext } from '../server/context';
import type { GroupMessaging } from '../groups/group-messaging';
import { findMedia } from '../media/media-message';
import { receiveMedia, type OutgoingContent } from './contact-media';
import { mediaRetryAnswer } from './media-retry';
import { messageText } from './message-text';

interface Envelope {
  jid: string;
  enc: BinaryNode;
}

const isCipherType = (type: string | undefined): type is CipherType => type === 'pkmsg' || type === 'msg';

/** Receipt types Baileys sends that mean "delivered to this device" or "read". */
const receiptLabel = (type: string | undefined): string => type ?? 'delivery';

/**
 * Routes 1:1 traffic: device → server fan-out (to fake peers or other companions), contact →
 * device sends, and receipts both ways.
 */
export class MessageRouter {
  /** Per receiving phone: what it does with decrypted messages, one at a time (see deliverToPhone). */
  private readonly phoneQueues = new WeakMap<Account, Promise<void>>();

  constructor(
    private readonly ctx: SandboxContext,
    private readonly groupMessaging: GroupMessaging,
  ) {}

  /** `<message to><participants><to jid><enc/></to>…</participants></message>` from a linked device. */
  onDeviceMessage(conn: SandboxConnection, node: BinaryNode): void {
    const sender = conn.device;
    const { id, to } = node.attrs;
    if (!sender || !id || !to) {
      return;
    }
    if (to.endsWith('@g.us')) {
      this.groupMessaging.onDeviceMessage(conn, sender, node);
      return;
    }
    const chat = parseUserJid(to);
    if (chat) {
      for (const envelope of this.envelopes(node, to)) {
        this.route(sender, node, envelope, to);
      }
    }
    // Like WhatsApp, acknowledge only once the message is accepted (handed on for delivery): a message that never
    // got this far is never acknowledged, and the sender must send it again. (Status and newsletters are not
    // modelled: acknowledged and dropped.)
    conn.send({ tag: 'ack', attrs: { class: 'message', id, from: to, t: unixTime() } });
  }

  /** `<receipt id to [type]>` from a linked device about a message a contact sent it. */
  onDeviceReceipt(conn: SandboxConnection, node: BinaryNode): void {
    const device = conn.device;
    const { id, to, type } = node.attrs;
    if (!device || !id) {
      return;
    }
    conn.send({
      tag: 'ack',
      attrs: { class: 'receipt', id, ...(to ? { from: to } : {}), ...(type ? { type } : {}) },
    });
    if (type === 'server-error') {
      // A media re-upload request (addressed to the device's own jid), not an acknowledgement.
      const answer = mediaRetryAnswer(node, this.ctx.media);
      if (answer) {
        conn.send(answer);
      }
      return;
    }
    if (to?.endsWith('@g.us')) {
      this.groupMessaging.onDeviceReceipt(device, node);
      return;
    }
    const contact = this.ctx.directory.resolve(to)?.account;
    if (!contact) {
      return;
    }
    const ids = [id, ...childrenOf(child(node, 'list'), 'item').flatMap(item => (item.attrs.id ? [item.attrs.id] : []))];
    const label = receiptLabel(type);
    for (const message of contact.outboxMessages) {
      if (ids.includes(message.id) && message.to === device.account.phone) {
        message.receipts.push(label);
      }
    }
    this.ctx.events.emit('receipt', { direction: 'from-device', from: device.account.phone, to: contact.phone, ids, type: label });
  }

  /** Contact `from` sends `content` (text or uploaded media) to every linked device of `to`. */
  async sendFromContact(from: Account, to: Account, content: OutgoingContent): Promise<string> {
    const devices = to.linkedDevices();
    if (devices.length === 0) {
      throw new Error(`account ${to.phone} has no linked device`);
    }
    const id = newMessageId();
    if (content.media) {
      // Kept before anything is delivered: a device may ask for a re-upload as soon as it has the message.
      this.ctx.media.keepPhoneCopy(id, content.media.phoneCopy);
    }
    const t = unixTime();
    const encryption: CipherType[] = [];
    for (const device of devices) {
      const { type, ciphertext } = await from.peer.encrypt(device.lidJid, content.message, () => device.takeBundle());
      encryption.push(type);
      device.deliver({
        tag: 'message',
        attrs: { id, from: from.pnJid, sender_lid: from.lidJid, t, type: content.media ? 'media' : 'text', notify: from.name },
        content: [
          {
            tag: 'enc',
            attrs: { v: '2', type, ...(content.media ? { mediatype: content.media.encMediaType } : {}) },
            content: ciphertext,
          },
        ],
      });
    }
    from.outboxMessages.push({
      id,
      to: to.phone,
      text: content.text,
      timestamp: Number(t),
      receipts: [],
      encryption,
      ...(content.media ? { media: content.media.info } : {}),
    });
    return id;
  }

  private envelopes(node: BinaryNode, to: string): Envelope[] {
    const participants = child(node, 'participants');
    if (participants) {
      return childrenOf(participants, 'to').flatMap(target => {
        const enc = child(target, 'enc');
        return target.attrs.jid && enc ? [{ jid: target.attrs.jid, enc }] : [];
      });
    }
    // Retry resends and peer messages carry a single <enc> addressed by `to` itself.
    return childrenOf(node, 'enc').map(enc => ({ jid: to, enc }));
  }

  private route(sender: LinkedDevice, node: BinaryNode, envelope: Envelope, chatJid: string): void {
    const target = this.ctx.directory.resolve(envelope.jid);
    if (!target) {
      return;
    }
    const id = node.attrs.id ?? newMessageId();
    if (target.deviceId === 0) {
      void this.deliverToPhone(sender, target.account, envelope, id, chatJid);
      return;
    }
    if (!target.device || target.device === sender) {
      return;
    }
    const ownAccount = target.account === sender.account;
    target.device.deliver({
      tag: 'message',
      attrs: {
        id,
        t: unixTime(),
        type: node.attrs.type ?? 'text',
        notify: sender.account.name,
        // Another companion of the same account gets the DeviceSentMessage copy addressed as ours.
        ...(ownAccount
          ? { from: sender.pnJid, recipient: chatJid }
          : { from: sender.pnJid, sender_lid: sender.lidJid }),
      },
      content: [envelope.enc],
    });
  }

  private async deliverToPhone(
    sender: LinkedDevice,
    recipient: Account,
    envelope: Envelope,
    id: string,
    chatJid: string,
  ): Promise<void> {
    const type = envelope.enc.attrs.type;
    const ciphertext = envelope.enc.content;
    if (!isCipherType(type) || !(ciphertext instanceof Uint8Array)) {
      return;
    }
    let message: proto.IMessage;
    try {
      message = await recipient.peer.decrypt(sender.lidJid, type, ciphertext);
    } catch (error) {
      this.ctx.events.emit('decrypt-error', {
        to: recipient.phone,
        fromDevice: sender.pnJid,
        id,
        error: error instanceof Error ? error.message : String(error),
      });
      return;
    }
    if (recipient === sender.account) {
      return; // the primary phone's DeviceSentMessage copy: decrypted to keep sessions honest, nothing to deliver
    }
    // Queued right as decryption (serialised per peer) resolves, so the inbox keeps wire order
    // even when verifying an earlier message's media is still awaiting.
    // An offline phone holds the message (the device sees one tick) and takes it, in order, when it comes online.
    const online = this.ctx.conditions.whenOnline(recipient.phone);
    if (!this.ctx.conditions.isOnline(recipient.phone)) {
      this.ctx.events.emit('held', { to: recipient.phone, from: sender.account.phone, id });
    }
    const previous = this.phoneQueues.get(recipient) ?? Promise.resolve();
    const received = previous
      .then(() => online)
      .then(() => this.receive(sender, recipient, message, { id, chatJid, toDevice: envelope.jid }));
    this.phoneQueues.set(recipient, received.catch(() => undefined));
    return received; // a failure still surfaces to the caller; the queue carries on
  }

  /** The contact's phone takes a decrypted message: downloads and verifies media, files it, acknowledges. */
  private async receive(
    sender: LinkedDevice,
    recipient: Account,
    message: proto.IMessage,
    at: { id: string; chatJid: string; toDevice: string },
  ): Promise<void> {
    const { id, chatJid } = at;
    // A phone keys messages by (sender, id): a resend of an id it already has is acknowledged again but shown once.
    if (recipient.inboxMessages.some(m => m.id === id && m.from === sender.account.phone)) {
      this.scheduleReceipts(sender, recipient, id, chatJid);
      return;
    }
    const found = findMedia(message);
    const received = found ? await receiveMedia(this.ctx.media, found) : undefined;
    const media = received?.info;
    const text = messageText(message) ?? media?.caption;
    if (received?.plaintext) {
      this.ctx.media.keepReceived(recipient.phone, id, received.plaintext);
    }
    recipient.inboxMessages.push({
      id,
      from: sender.account.phone,
      fromDevice: sender.pnJid,
      text: text ?? '',
      timestamp: Math.floor(Date.now() / 1000),
      ...(media ? { media } : {}),
    });
    if (media?.error !== undefined) {
      this.ctx.events.emit('media-error', { to: recipient.phone, from: sender.account.phone, id, error: media.error });
    }
    this.ctx.events.emit('message', {
      id,
      from: sender.account.phone,
      fromDevice: sender.pnJid,
      to: recipient.phone,
      toDevice: at.toDevice,
      ...(text !== undefined ? { text } : {}),
      ...(media ? { media } : {}),
    });
    this.scheduleReceipts(sender, recipient, id, chatJid);
  }

  /** After a restart from saved state: the receipts phones still owed when the sandbox stopped go out now. */
  resumeReceipts(): void {
    for (const contact of this.ctx.directory.all()) {
      for (const receipt of [...contact.pendingReceipts.values()]) {
        const device = this.ctx.directory.resolve(receipt.deviceJid)?.device;
        if (device) {
          this.scheduleReceipts(device, contact, receipt.id, receipt.chatJid);
        } else {
          contact.pendingReceipts.delete(`${receipt.deviceJid}|${receipt.id}`);
        }
      }
    }
  }

  private scheduleReceipts(sender: LinkedDevice, contact: Account, id: string, chatJid: string): void {
    const { mode, delayMs = this.ctx.options.receipts.delayMs } = contact.receipts;
    if (mode === 'none') {
      return;
    }
    const key = `${sender.pnJid}|${id}`;
    contact.pendingReceipts.set(key, { deviceJid: sender.pnJid, id, chatJid });
    const send = (type: 'delivery' | 'read'): void => {
      sender.deliver({
        tag: 'receipt',
        attrs: { id, from: chatJid, t: unixTime(), ...(type === 'read' ? { type: 'read' } : {}) },
      });
      this.ctx.events.emit('receipt', { direction: 'to-device', from: contact.phone, to: sender.account.phone, ids: [id], type });
    };
    // Separate, spaced receipts: Baileys folds receipts arriving <100 ms after a send into its upsert (WA-PROTOCOL P3).
    this.ctx.schedule(delayMs, () => {
      send('delivery');
      if (mode === 'read') {
        this.ctx.schedule(delayMs, () => {
          send('read');
          contact.pendingReceipts.delete(key);
        });
      } else {
        contact.pendingReceipts.delete(key);
      }
    });
  }
}
