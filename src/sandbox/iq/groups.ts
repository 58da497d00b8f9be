import type { BinaryNode } from 'baileys';

import type { Account } from '../directory/account';
import { groupNode } from '../groups/group-nodes';
import { GroupError, type ParticipantOutcome, type ParticipantTarget } from '../groups/group-service';
import { parseUserJid } from '../protocol/jids';
import { bytesOf, child, childrenOf } from '../protocol/nodes';
import type { SandboxContext } from '../server/context';
import type { IqHandler, IqOutcome } from './types';

const PARTICIPANT_ACTIONS = ['add', 'remove', 'promote', 'demote'] as const;
type ParticipantAction = (typeof PARTICIPANT_ACTIONS)[number];
const isParticipantAction = (tag: string): tag is ParticipantAction => (PARTICIPANT_ACTIONS as readonly string[]).includes(tag);

/** A participant jid as the device wrote it (PN or LID); a PN may name a number WhatsApp only now learns of. */
const targetOf = (jid: string, ctx: SandboxContext): ParticipantTarget => {
  const parsed = parseUserJid(jid);
  if (!parsed) {
    return { jid, account: undefined };
  }
  const account = parsed.kind === 'lid' ? ctx.directory.getByLid(parsed.user) : ctx.lookupNumber(parsed.user);
  return { jid, account };
};

const outcomeNode = (outcome: ParticipantOutcome): BinaryNode => ({
  tag: 'participant',
  attrs: {
    jid: outcome.jid,
    ...(outcome.status === 200 && outcome.account
      ? { lid: outcome.account.lidJid, phone_number: outcome.account.pnJid }
      : { error: outcome.status.toString() }),
  },
  // A phone that only lets contacts add it: the admin may send it an invite instead (Baileys reads `add_request`).
  ...(outcome.status === 403
    ? { content: [{ tag: 'add_request', attrs: { code: outcome.account?.lid ?? '', expiration: (Math.floor(Date.now() / 1000) + 3 * 86_400).toString() } }] }
    : {}),
});

/** `to=@g.us`: create, participating, leave, and invite-code join and lookup. */
const serverLevel = (iq: BinaryNode, actor: Account, ctx: SandboxContext): IqOutcome => {
  const [first] = childrenOf(iq);
  const groups = ctx.groups;
  switch (first?.tag) {
    case 'create': {
      const participants = childrenOf(first, 'participant').flatMap(p => {
        const account = p.attrs.jid ? targetOf(p.attrs.jid, ctx).account : undefined;
        return account ? [account] : [];
      });
      const group = groups.create(actor, first.attrs.subject ?? '', participants);
      return { content: [groupNode(group)] };
    }
    case 'participating':
      return { content: [{ tag: 'groups', attrs: {}, content: groups.groupsOf(actor).map(groupNode) }] };
    case 'leave': {
      const left = childrenOf(first, 'group').flatMap(node => {
        const group = node.attrs.id ? groups.get(node.attrs.id) : undefined;
        if (!group || !group.isMember(actor)) return [];
        groups.leave(actor, group);
        return [{ tag: 'group', attrs: { id: group.jid } }];
      });
      return { content: [{ tag: 'leave', attrs: {}, content: left }] };
    }
    case 'invite': {
      const code = first.attrs.code;
      if (!code) return 'unhandled';
      if (iq.attrs.type === 'get') {
        const group = groups.byInviteCode(code);
        if (!group) throw new GroupError(404, 'item-not-found', 'unknown invite code');
        return { content: [groupNode(group)] };
      }
      const group = groups.join(actor, code);
      return { content: [{ tag: 'group', attrs: { jid: group.jid } }] };
    }
    default:
      return 'unhandled';
  }
};

/** `to=GID@g.us`: metadata, participants, invite code, subject, description. */
const groupLevel = (iq: BinaryNode, actor: Account, ctx: SandboxContext, to: string): IqOutcome => {
  const [first] = childrenOf(iq);
  const groups = ctx.groups;
  if (!first) return 'unhandled';
  if (isParticipantAction(first.tag)) {
    const group = groups.require(to, actor, { admin: true });
    const targets = childrenOf(first, 'participant').flatMap(p => (p.attrs.jid ? [targetOf(p.attrs.jid, ctx)] : []));
    const outcomes = groups.updateParticipants(actor, group, first.tag, targets);
    return { content: [{ tag: first.tag, attrs: {}, content: outcomes.map(outcomeNode) }] };
  }
  switch (first.tag) {
    case 'query':
      return { content: [groupNode(groups.require(to, actor))] };
    case 'invite': {
      const group = groups.require(to, actor, { admin: true });
      const code = iq.attrs.type === 'set' ? groups.revokeInvite(actor, group) : group.inviteCode;
      return { content: [{ tag: 'invite', attrs: { code } }] };
    }
    case 'subject':
      groups.setSubject(actor, groups.require(to, actor), bytesOf(first)?.toString('utf8') ?? '');
      return {};
    case 'description': {
      const body = first.attrs.delete === 'true' ? '' : (bytesOf(child(first, 'body'))?.toString('utf8') ?? '');
      groups.setDescription(actor, groups.require(to, actor), body);
      return {};
    }
    default:
      return 'unhandled';
  }
};

/** The `w:g2` namespace (WA-PROTOCOL §8.2 point 1); refusals become `<error code text>`, which Baileys throws as a Boom. */
export const groupsIq: IqHandler = (iq, conn, ctx) => {
  const actor = conn.device?.account;
  if (!actor) {
    return { error: { code: 401, text: 'not-authorized' } };
  }
  const to = iq.attrs.to ?? '';
  try {
    const { value, flush } = ctx.groups.deferNotifications(() =>
      to === '@g.us' || to === 'g.us' ? serverLevel(iq, actor, ctx) : to.endsWith('@g.us') ? groupLevel(iq, actor, ctx, to) : 'unhandled',
    );
    if (value === 'unhandled' || 'error' in value) return value;
    return { ...value, afterReply: flush };
  } catch (error) {
    if (error instanceof GroupError) return { error: { code: error.code, text: error.text } };
    throw error;
  }
};
