import type { BinaryNode } from 'baileys';

import type { Account } from '../directory/account';
import { newStanzaId, unixTime } from '../protocol/nodes';
import type { Group, GroupRole } from './group';

/** `<participant jid=LID phone_number=PN [type]>`: how LID-addressed groups name members (WA-PROTOCOL §8.2). */
export const participantNode = (account: Account, role?: GroupRole): BinaryNode => ({
  tag: 'participant',
  attrs: {
    jid: account.lidJid,
    phone_number: account.pnJid,
    ...(role === 'admin' || role === 'superadmin' ? { type: role } : {}),
  },
});

/** The `<group>` node of metadata queries, `participating` and the `create` notification. */
export const groupNode = (group: Group): BinaryNode => {
  const description = group.description;
  const describer = description ? group.memberAccounts().find(a => a.phone === description.by) : undefined;
  return {
    tag: 'group',
    attrs: {
      id: group.id,
      subject: group.subject,
      s_t: group.subjectTime.toString(),
      s_o: group.subjectBy.lidJid,
      s_o_pn: group.subjectBy.pnJid,
      creation: group.creation.toString(),
      creator: group.creator.lidJid,
      creator_pn: group.creator.pnJid,
      addressing_mode: 'lid',
      size: group.members.size.toString(),
    },
    content: [
      ...[...group.members].map(([account, role]) => participantNode(account, role)),
      ...(description
        ? [
            {
              tag: 'description',
              attrs: {
                id: description.id,
                t: description.t.toString(),
                ...(describer ? { participant: describer.lidJid, participant_pn: describer.pnJid } : {}),
              },
              content: [{ tag: 'body', attrs: {}, content: Buffer.from(description.body, 'utf8') }],
            },
          ]
        : []),
    ],
  };
};

/** A `w:gp2` notification about `change`, made by `actor` (WA-PROTOCOL §8.2 point 2). */
export const groupNotification = (group: Group, actor: Account, change: BinaryNode, t = unixTime()): BinaryNode => ({
  tag: 'notification',
  attrs: {
    from: group.jid,
    type: 'w:gp2',
    id: newStanzaId(),
    t,
    participant: actor.lidJid,
    participant_pn: actor.pnJid,
    addressing_mode: 'lid',
    notify: actor.name,
  },
  content: [change],
});
