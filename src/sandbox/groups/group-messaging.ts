import type { BinaryNode, proto } from 'baileys';

import type { Account, LinkedDevice } from '../directory/account';
import { findMedia } from '../media/media-message';
import { receiveMedia, type OutgoingContent } from '../messaging/contact-media';
import { messageText } from '../messaging/message-text';
import type { CipherType } from '../peers/fake-peer';
import type { PreKeyBundle } from '../peers/prekey-bundle';
import { child, childrenOf, newMessageId, unixTime } from '../protocol/nodes';
import type { SandboxConnection } from '../server/connection';
import type { SandboxContext } from '../server/context';
import type { SandboxGroupMessage } from '../types';
import type { Group } from './group';
import type { GroupService } from './group-service';

type Pairwise = { type: CipherType; ciphertext: Uint8Array };

/** One device a group message goes to: a member's phone (device 0) or a linked device. */
interface Target {
  account: Account;
  device: LinkedDevice | undefined;
  lidJid: string;
}

const isCipherType = (type: string | undefined): type is CipherType => type === 'pkmsg' || type === 'msg';

const mentionsOf = (message: proto.IMessage): string[] => {
  const contexts = [
    message.extendedTextMessage?.contextInfo,
    message.imageMessage?.contextInfo,
    message.videoMessage?.contextInfo,
    message.documentMessage?.contextInfo,
    message.audioMessage?.contextInfo,
  ];
  return contexts.flatMap(context => context?.mentionedJid ?? []);
};

/** Every device of every member, phones included; `except` (the sending device) left out. */
const memberTargets = (group: Group, except?: LinkedDevice): Target[] =>
  group.memberAccounts().flatMap(account => [
    { account, device: undefined, lidJid: account.lidJid },
    ...account
      .linkedDevices()
      .filter(device => device !== except)
      .map(device => ({ account, device, lidJid: device.lidJid })),
  ]);

/**
 * Sender-key group messages (WA-PROTOCOL §8.1-8.2): a device's `<message to=GID>` fanned out to every member device
 * with its own pairwise `<enc>` (the sender-key distribution) followed by the shared skmsg; phones that send the same
 * way; and phones that receive, keep their own sender-key state and file what they could and could not decrypt.
 */
export class GroupMessaging {
  private readonly phoneQueues = new WeakMap<Account, Promise<void>>();

  constructor(
    private readonly ctx: SandboxContext,
    private readonly groups: GroupService,
  ) {}

  /** `<message to=GID@g.us><enc skmsg/>[<participants><to jid><enc/></to>…]</message>` from a linked device. */
  onDeviceMessage(conn: SandboxConnection, sender: LinkedDevice, node: BinaryNode): void {
    const { id, to } = node.attrs;
    if (!id || !to) {
      return;
    }
    const group = this.groups.get(to);
    const skmsg = childrenOf(node, 'enc').find(enc => enc.attrs.type === 'skmsg');
    const refusal = !group ? '404' : !group.isMember(sender.account) ? '403' : !skmsg ? '400' : undefined;
    if (!group || !skmsg || refusal) {
      conn.send({ tag: 'ack', attrs: { class: 'message', id, from: to, t: unixTime(), error: refusal ?? '400' } });
      return;
    }
    const pairwise = new Map<string, BinaryNode>();
    for (const target of childrenOf(child(node, 'participants'), 'to')) {
      const resolved = this.ctx.directory.resolve(target.attrs.jid);
      const enc = child(target, 'enc');
      // Baileys also addresses its own sending device (WA-PROTOCOL G1): dropped, as nobody else may read it.
      if (resolved && enc && resolved.device !== sender) {
        pairwise.set(`${resolved.account.phone}/${resolved.deviceId}`, enc);
      }
    }
    conn.send({ tag: 'ack', attrs: { class: 'message', id, from: group.jid, t: unixTime() } });
    const t = unixTime();
    const type = node.attrs.type ?? 'text';
    for (const target of memberTargets(group, sender)) {
      const enc = pairwise.get(`${target.account.phone}/${target.device?.id ?? 0}`);
      this.deliver(group, sender.account, sender.lidJid, target, { id, t, type, enc, skmsg, member: true });
    }
    this.deliverToListeners(group, sender.account, sender.lidJid, { id, t, type, skmsg });
  }

  /**
   * `<receipt id to=GID participant=SENDER [type]>` from a linked device that got a group message: the sending device
   * gets `<receipt from=GID participant=READER>` (§8.2 point 3); a phone sender only sees the `receipt` event.
   */
  onDeviceReceipt(reader: LinkedDevice, node: BinaryNode): void {
    const { id, to, participant, type } = node.attrs;
    const group = to ? this.groups.get(to) : undefined;
    const sender = this.ctx.directory.resolve(participant);
    if (!id || !group || !sender || sender.account === reader.account) {
      return;
    }
    // Baileys answers `inactive` when it is not marked online: a delivery all the same.
    const read = type === 'read' || type === 'read-self';
    if (sender.device) {
      sender.device.deliver({
        tag: 'receipt',
        attrs: { id, from: group.jid, participant: reader.account.lidJid, t: unixTime(), ...(read ? { type: 'read' } : {}) },
      });
    }
    this.ctx.events.emit('receipt', { direction: 'from-device', from: reader.account.phone, to: sender.account.phone, ids: [id], type: type ?? 'delivery' });
  }

  /** A member's phone writes to the group: its sender key to every device that lacks it, then one skmsg for all. */
  async sendFromPhone(sender: Account, group: Group, content: OutgoingContent): Promise<string> {
    const id = newMessageId();
    const { ciphertext, senderKeyDistribution } = await sender.peer.encryptGroup(group.jid, sender.lidJid, content.message);
    const distribution: proto.IMessage = {
      senderKeyDistributionMessage: { groupId: group.jid, axolotlSenderKeyDistributionMessage: senderKeyDistribution },
    };
    const memory = sender.senderKeyMemory.get(group.jid) ?? new Set<string>();
    sender.senderKeyMemory.set(group.jid, memory);
    const skmsg: BinaryNode = { tag: 'enc', attrs: { v: '2', type: 'skmsg', ...encMediaAttrs(content) }, content: ciphertext };
    const t = unixTime();
    const type = content.media ? 'media' : 'text';
    if (content.media) {
      this.ctx.media.keepPhoneCopy(id, content.media.phoneCopy);
    }
    sender.groupMessages.push({
      groupId: group.jid,
      id,
      from: sender.phone,
      fromDevice: sender.lidJid,
      fromMe: true,
      timestamp: Number(t),
      decrypted: true,
      encryption: [],
      text: content.text,
      mentions: mentionsOf(content.message),
      ...(content.media ? { media: content.media.info } : {}),
      member: true,
    });
    for (const target of memberTargets(group).filter(target => !(target.account === sender && !target.device))) {
      let enc: BinaryNode | undefined;
      if (!memory.has(target.lidJid)) {
        const fetchBundle = (): PreKeyBundle | Promise<PreKeyBundle> => target.device?.takeBundle() ?? target.account.peer.takeBundle();
        const sealed = await sender.peer.encrypt(target.lidJid, distribution, fetchBundle);
        enc = { tag: 'enc', attrs: { v: '2', type: sealed.type }, content: sealed.ciphertext };
        memory.add(target.lidJid);
      }
      this.deliver(group, sender, sender.lidJid, target, { id, t, type, enc, skmsg, member: true });
    }
    this.deliverToListeners(group, sender, sender.lidJid, { id, t, type, skmsg });
    return id;
  }

  private deliverToListeners(group: Group, sender: Account, senderJid: string, msg: { id: string; t: string; type: string; skmsg: BinaryNode }): void {
    for (const listener of group.listeners) {
      if (!group.isMember(listener) && listener !== sender) {
        this.deliver(group, sender, senderJid, { account: listener, device: undefined, lidJid: listener.lidJid }, { ...msg, enc: undefined, member: false });
      }
    }
  }

  private deliver(
    group: Group,
    sender: Account,
    senderJid: string,
    target: Target,
    msg: { id: string; t: string; type: string; enc: BinaryNode | undefined; skmsg: BinaryNode; member: boolean },
  ): void {
    if (target.device) {
      target.device.deliver({
        tag: 'message',
        attrs: {
          from: group.jid,
          participant: senderJid,
          participant_pn: sender.pnJid,
          addressing_mode: 'lid',
          id: msg.id,
          t: msg.t,
          type: msg.type,
          notify: sender.name,
        },
        // The pairwise part first: receivers decrypt in order and need the sender key before the skmsg (G3).
        content: msg.enc ? [msg.enc, msg.skmsg] : [msg.skmsg],
      });
      return;
    }
    const previous = this.phoneQueues.get(target.account) ?? Promise.resolve();
    const online = this.ctx.conditions.whenOnline(target.account.phone);
    const received = previous.then(() => online).then(() => this.phoneReceives(group, sender, senderJid, target.account, msg));
    this.phoneQueues.set(target.account, received.catch(() => undefined));
  }

  /** A phone decrypts a group message with its own sender-key state and files the outcome, read or not. */
  private async phoneReceives(
    group: Group,
    sender: Account,
    senderJid: string,
    recipient: Account,
    msg: { id: string; t: string; enc: BinaryNode | undefined; skmsg: BinaryNode; member: boolean },
  ): Promise<void> {
    const skmsg = msg.skmsg.content;
    const pairwiseType = msg.enc?.attrs.type;
    const pairwiseBytes = msg.enc?.content;
    const pairwise: Pairwise | undefined =
      isCipherType(pairwiseType) && pairwiseBytes instanceof Uint8Array ? { type: pairwiseType, ciphertext: pairwiseBytes } : undefined;
    const encryption: SandboxGroupMessage['encryption'] = [...(pairwise ? [pairwise.type] : []), 'skmsg'];
    const base = {
      groupId: group.jid,
      id: msg.id,
      from: sender.phone,
      fromDevice: senderJid,
      fromMe: false,
      timestamp: Number(msg.t),
      encryption,
      member: msg.member,
    };
    let entry: SandboxGroupMessage;
    try {
      if (!(skmsg instanceof Uint8Array)) {
        throw new Error('no skmsg payload');
      }
      const message = await recipient.peer.receiveGroup(group.jid, senderJid, pairwise, skmsg);
      const found = findMedia(message);
      const received = found ? await receiveMedia(this.ctx.media, found) : undefined;
      if (received?.plaintext) {
        this.ctx.media.keepReceived(recipient.phone, msg.id, received.plaintext);
      }
      entry = {
        ...base,
        decrypted: true,
        text: messageText(message) ?? received?.info.caption ?? '',
        mentions: mentionsOf(message),
        ...(received ? { media: received.info } : {}),
      };
    } catch (error) {
      entry = { ...base, decrypted: false, error: error instanceof Error ? error.message : String(error), text: '', mentions: [] };
    }
    recipient.groupMessages.push(entry);
    this.ctx.events.emit('group-message', { groupId: group.jid, to: recipient.phone, message: { ...entry } });
    if (entry.decrypted && msg.member && recipient !== sender) {
      this.scheduleReceipts(sender, senderJid, recipient, group, msg.id);
    }
  }

  /** `<receipt from=GID participant=reader>` to the sending device, delivery then read as the phone's mode says (G7). */
  private scheduleReceipts(sender: Account, senderJid: string, reader: Account, group: Group, id: string): void {
    const device = this.ctx.directory.resolve(senderJid)?.device;
    const { mode, delayMs = this.ctx.options.receipts.delayMs } = reader.receipts;
    if (!device || mode === 'none') {
      return;
    }
    const send = (type: 'delivery' | 'read'): void => {
      device.deliver({
        tag: 'receipt',
        attrs: { id, from: group.jid, participant: reader.lidJid, t: unixTime(), ...(type === 'read' ? { type: 'read' } : {}) },
      });
      this.ctx.events.emit('receipt', { direction: 'to-device', from: reader.phone, to: sender.phone, ids: [id], type });
    };
    this.ctx.schedule(delayMs, () => {
      send('delivery');
      if (mode === 'read') this.ctx.schedule(delayMs, () => send('read'));
    });
  }
}

const encMediaAttrs = (content: OutgoingContent): Record<string, string> =>
  content.media ? { mediatype: content.media.encMediaType } : {};
