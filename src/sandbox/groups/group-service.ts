import { randomBytes, randomInt } from 'node:crypto';

import type { BinaryNode } from 'baileys';

import type { Account } from '../directory/account';
import { newMessageId, unixTime } from '../protocol/nodes';
import type { SandboxContext } from '../server/context';
import type {
  SandboxGroup,
  SandboxGroupAction,
  SandboxGroupNotification,
  SandboxGroupNotificationType,
  SandboxParticipantResult,
} from '../types';
import { Group, type GroupState } from './group';
import { groupNode, groupNotification, participantNode } from './group-nodes';

/** WhatsApp's limits: a subject of 100 characters, a description of 2048, 1024 members. */
export const MAX_SUBJECT_LENGTH = 100;
export const MAX_DESCRIPTION_LENGTH = 2048;
export const MAX_GROUP_SIZE = 1024;

/** A refusal with the iq error WhatsApp would answer (codes as in WA-PROTOCOL §8.2; not verified against the real server). */
export class GroupError extends Error {
  constructor(
    readonly code: number,
    readonly text: string,
    message: string,
  ) {
    super(message);
    this.name = 'GroupError';
  }
}

const INVITE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const newInviteCode = (): string =>
  [...randomBytes(22)].map(byte => INVITE_ALPHABET[byte % INVITE_ALPHABET.length]).join('');

/** The digits of a group id, from `120363…` or `120363…@g.us`. */
export const groupIdOf = (idOrJid: string): string => idOrJid.replace(/@g\.us$/, '');

/** Who a participants change is about: the jid as the caller wrote it, and its account when there is one. */
export interface ParticipantTarget {
  jid: string;
  account: Account | undefined;
}

export interface ParticipantOutcome extends ParticipantTarget {
  status: SandboxParticipantResult['status'];
}

/**
 * The groups WhatsApp keeps: who may do what, the changes, and the `w:gp2` notifications that tell every member
 * device (the acting one too, WA-PROTOCOL G5) and every member's phone. Used by the device iqs and by the phones.
 */
export class GroupService {
  private readonly groups = new Map<string, Group>();
  /** Notifications held back while a device's iq is answered (see `deferNotifications`). */
  private held: Array<() => void> | undefined;

  constructor(private readonly ctx: SandboxContext) {}

  /**
   * Runs `change` holding its notifications back; `flush` sends them. A device gets the iq result first and the
   * notification after it, as observed (WA-PROTOCOL §8.1).
   */
  deferNotifications<T>(change: () => T): { value: T; flush: () => void } {
    const outer = this.held;
    const held: Array<() => void> = [];
    this.held = held;
    try {
      return { value: change(), flush: () => held.forEach(send => send()) };
    } finally {
      this.held = outer;
    }
  }

  get(idOrJid: string): Group | undefined {
    return this.groups.get(groupIdOf(idOrJid));
  }

  all(): Group[] {
    return [...this.groups.values()];
  }

  groupsOf(account: Account): Group[] {
    return this.all().filter(group => group.isMember(account));
  }

  /** The group, if `actor` may act on it: 404 unknown, 403 not a member, 401 not an admin (when `admin`). */
  require(idOrJid: string, actor: Account, opts: { admin?: boolean } = {}): Group {
    const group = this.get(idOrJid);
    if (!group) {
      throw new GroupError(404, 'item-not-found', `no group ${idOrJid}`);
    }
    if (!group.isMember(actor)) {
      throw new GroupError(403, 'forbidden', `${actor.phone} is not a member of ${group.jid}`);
    }
    if (opts.admin && !group.isAdmin(actor)) {
      throw new GroupError(401, 'not-authorized', `${actor.phone} is not an admin of ${group.jid}`);
    }
    return group;
  }

  /** Creates a group with `creator` as superadmin. Phones that only let contacts add them are left out. */
  create(creator: Account, subject: string, participants: Account[]): Group {
    const trimmed = checkSubject(subject);
    let id: string;
    do {
      id = `120363${randomInt(0, 1e12).toString().padStart(12, '0')}`;
    } while (this.groups.has(id));
    const now = Number(unixTime());
    const group = new Group(id, trimmed, creator, now, creator, now, newInviteCode());
    group.members.set(creator, 'superadmin');
    for (const account of participants) {
      if (account !== creator && !account.groupAddRestricted && group.members.size < MAX_GROUP_SIZE) {
        group.members.set(account, 'member');
      }
    }
    this.groups.set(id, group);
    this.notify(group, creator, { tag: 'create', attrs: { reason: 'create', key: newMessageId() }, content: [groupNode(group)] }, {
      type: 'create',
      participants: group.memberAccounts(),
      subject: group.subject,
    });
    return group;
  }

  /** Add, remove, promote or demote: one outcome per target, one notification for all that changed. */
  updateParticipants(actor: Account, group: Group, action: SandboxGroupAction, targets: ParticipantTarget[]): ParticipantOutcome[] {
    const outcomes = targets.map(target => ({ ...target, status: this.participantStatus(actor, group, action, target.account) }));
    const changed = outcomes.filter(o => o.status === 200).flatMap(o => (o.account ? [o.account] : []));
    const unique = [...new Set(changed)];
    if (unique.length === 0) {
      return outcomes;
    }
    const before = group.memberAccounts();
    for (const account of unique) {
      if (action === 'add') group.members.set(account, 'member');
      else if (action === 'remove') group.members.delete(account);
      else group.members.set(account, action === 'promote' ? 'admin' : 'member');
    }
    const change: BinaryNode = {
      tag: action,
      attrs: {},
      content: unique.map(account => participantNode(account, action === 'promote' ? 'admin' : undefined)),
    };
    // A removed member hears of its removal; everyone else hears of every change.
    this.notify(group, actor, change, { type: action, participants: unique }, action === 'remove' ? before : undefined);
    if (action === 'remove') {
      this.resetSenderKeys(group);
    }
    return outcomes;
  }

  setSubject(actor: Account, group: Group, subject: string): void {
    group.subject = checkSubject(subject);
    group.subjectBy = actor;
    group.subjectTime = Number(unixTime());
    this.notify(
      group,
      actor,
      {
        tag: 'subject',
        attrs: { subject: group.subject, s_o: actor.lidJid, s_o_pn: actor.pnJid, s_t: group.subjectTime.toString() },
      },
      { type: 'subject', participants: [], subject: group.subject },
    );
  }

  /** An empty description deletes it. */
  setDescription(actor: Account, group: Group, body: string): void {
    if ([...body].length > MAX_DESCRIPTION_LENGTH) {
      throw new GroupError(406, 'not-acceptable', `a description has at most ${MAX_DESCRIPTION_LENGTH} characters`);
    }
    const id = randomBytes(8).toString('hex').toUpperCase();
    const t = Number(unixTime());
    group.description = body === '' ? undefined : { id, body, by: actor.phone, t };
    this.notify(
      group,
      actor,
      {
        tag: 'description',
        attrs: body === '' ? { id, delete: 'true' } : { id },
        ...(body === '' ? {} : { content: [{ tag: 'body', attrs: {}, content: Buffer.from(body, 'utf8') }] }),
      },
      { type: 'description', participants: [], description: body },
    );
  }

  /** Replaces the invite code: the old link stops working. Admins only. */
  revokeInvite(actor: Account, group: Group): string {
    group.inviteCode = newInviteCode();
    this.notify(group, actor, { tag: 'invite', attrs: { code: group.inviteCode } }, { type: 'invite', participants: [] });
    return group.inviteCode;
  }

  byInviteCode(code: string): Group | undefined {
    return this.all().find(group => group.inviteCode === code);
  }

  /** Joins through an invite link (privacy settings do not apply: the phone chose to join). */
  join(account: Account, code: string): Group {
    const group = this.byInviteCode(code);
    if (!group) {
      throw new GroupError(404, 'item-not-found', 'no group has this invite code (revoked or wrong)');
    }
    if (!group.isMember(account)) {
      group.members.set(account, 'member');
      this.notify(group, account, { tag: 'add', attrs: { reason: 'invite' }, content: [participantNode(account)] }, {
        type: 'add',
        participants: [account],
      });
    }
    return group;
  }

  /** Leaves: the members (and the leaver) get a `remove` of the leaver by the leaver, as Baileys expects for a leave. */
  leave(account: Account, group: Group): void {
    const before = group.memberAccounts();
    group.members.delete(account);
    this.notify(group, account, { tag: 'remove', attrs: {}, content: [participantNode(account)] }, { type: 'remove', participants: [account] }, before);
    this.resetSenderKeys(group);
  }

  /** `phone` keeps receiving the group's skmsg copies after it is no longer a member (or stops). */
  setListening(account: Account, group: Group, listening: boolean): void {
    if (listening) group.listeners.add(account);
    else group.listeners.delete(account);
  }

  toInfo(group: Group): SandboxGroup {
    return {
      id: group.jid,
      subject: group.subject,
      ...(group.description ? { description: group.description.body } : {}),
      creator: group.creator.phone,
      creation: group.creation,
      inviteCode: group.inviteCode,
      participants: [...group.members].map(([account, role]) => ({ phone: account.phone, lid: account.lid, name: account.name, role })),
    };
  }

  exportState(): GroupState[] {
    return this.all().map(group => group.exportState());
  }

  importState(states: GroupState[]): void {
    for (const state of states) {
      const group = Group.fromState(state, phone => this.ctx.directory.get(phone));
      if (group) this.groups.set(group.id, group);
    }
  }

  private participantStatus(actor: Account, group: Group, action: SandboxGroupAction, account: Account | undefined): ParticipantOutcome['status'] {
    if (!account || (action !== 'add' && !group.isMember(account))) {
      return 404;
    }
    if (action === 'add') {
      if (group.isMember(account)) return 409;
      if (account.groupAddRestricted) return 403;
      return group.members.size >= MAX_GROUP_SIZE ? 406 : 200;
    }
    // The creator stays the creator: nobody demotes or promotes it, and only it can take itself out.
    if (group.members.get(account) === 'superadmin' && (action !== 'remove' || account !== actor)) {
      return 406;
    }
    return 200;
  }

  /**
   * Sends the notification to every device of every recipient (the members now, or `recipients`) and files it on
   * their phones, then emits `group-update`.
   */
  private notify(
    group: Group,
    actor: Account,
    change: BinaryNode,
    what: { type: SandboxGroupNotificationType; participants: Account[]; subject?: string; description?: string },
    recipients: Account[] = group.memberAccounts(),
  ): void {
    const t = unixTime();
    const node = groupNotification(group, actor, change, t);
    const record: SandboxGroupNotification = {
      groupId: group.jid,
      type: what.type,
      actor: actor.phone,
      participants: what.participants.map(a => a.phone),
      ...(what.subject !== undefined ? { subject: what.subject } : {}),
      ...(what.description !== undefined ? { description: what.description } : {}),
      timestamp: Number(t),
    };
    const send = (): void => {
      for (const account of recipients) {
        for (const device of account.linkedDevices()) {
          device.deliver(node);
        }
        account.groupNotifications.push({ ...record, participants: [...record.participants] });
      }
      this.ctx.events.emit('group-update', { groupId: group.jid, type: what.type, actor: actor.phone, participants: record.participants });
    };
    if (this.held) this.held.push(send);
    else send();
  }

  /**
   * After a member leaves or is removed, every remaining phone starts a new sender key (the WhatsApp whitepaper's
   * rule), so its next message is unreadable with the old one. Linked devices are Baileys: what they do is theirs.
   */
  private resetSenderKeys(group: Group): void {
    for (const account of group.memberAccounts()) {
      account.senderKeyMemory.delete(group.jid);
      void account.peer.forgetOwnSenderKey(group.jid, account.lidJid).catch(() => undefined);
    }
  }
}

const checkSubject = (subject: string): string => {
  const trimmed = subject.trim();
  if (trimmed === '' || [...trimmed].length > MAX_SUBJECT_LENGTH) {
    throw new GroupError(406, 'not-acceptable', `a subject has 1 to ${MAX_SUBJECT_LENGTH} characters`);
  }
  return trimmed;
};
