import type { BinaryNode } from 'baileys';

import type { Account } from '../directory/account';
import { parseUserJid, pnJid } from '../protocol/jids';
import { bytesOf, child, childrenOf } from '../protocol/nodes';
import type { SandboxContext } from '../server/context';
import type { IqHandler } from './types';

const deviceList = (account: Account | undefined): BinaryNode => ({
  tag: 'devices',
  attrs: {},
  content: [
    {
      tag: 'device-list',
      attrs: {},
      content: account
        ? [
            { tag: 'device', attrs: { id: '0' } },
            // Non-zero devices without key-index are silently dropped by Baileys (WA-PROTOCOL P9).
            ...account
              .linkedDevices()
              .sort((a, b) => a.id - b.id)
              .map(device => ({ tag: 'device', attrs: { id: device.id.toString(), 'key-index': device.keyIndex.toString() } })),
          ]
        : [],
    },
  ],
});

const protocolNode = (protocol: string, account: Account | undefined, queriedByLid: boolean): BinaryNode | undefined => {
  switch (protocol) {
    case 'devices':
      return deviceList(account);
    case 'lid':
      // For users queried by LID the answer carries no value (WA-PROTOCOL G6): echoing the LID makes
      // Baileys log "Invalid LID-PN mapping" and force a bundle refetch.
      return queriedByLid || !account ? { tag: 'lid', attrs: {} } : { tag: 'lid', attrs: { val: account.lidJid } };
    case 'contact':
      return {
        tag: 'contact',
        attrs: { type: account ? 'in' : 'out' },
        ...(account ? { content: Buffer.from(`+${account.phone}`, 'utf8') } : {}),
      };
    case 'status':
      return account ? { tag: 'status', attrs: { t: '0' }, content: Buffer.from('Hey there! I am using WhatsApp.') } : undefined;
    case 'disappearing_mode':
      return { tag: 'disappearing_mode', attrs: { duration: '0', t: '0' } };
    default:
      return undefined;
  }
};

const resolveUser = (
  user: BinaryNode,
  ctx: SandboxContext,
): { jid: string; account: Account | undefined; queriedByLid: boolean } | undefined => {
  const jid = user.attrs.jid;
  if (jid) {
    const parsed = parseUserJid(jid);
    if (!parsed) {
      return undefined;
    }
    if (parsed.kind === 'lid') {
      return { jid, account: ctx.directory.getByLid(parsed.user), queriedByLid: true };
    }
    return { jid, account: ctx.lookupNumber(parsed.user), queriedByLid: false };
  }
  // Phone lookups (`onWhatsApp`) send `<user><contact>+digits</contact></user>`.
  const phone = bytesOf(child(user, 'contact'))?.toString('utf8').replace(/\D/g, '');
  if (!phone) {
    return undefined;
  }
  return { jid: pnJid(phone), account: ctx.lookupNumber(phone), queriedByLid: false };
};

export const usyncIq: IqHandler = (iq, _conn, ctx) => {
  const usync = child(iq, 'usync');
  if (!usync) {
    return 'unhandled';
  }
  const protocols = childrenOf(child(usync, 'query')).map(node => node.tag);
  const users: BinaryNode[] = [];
  for (const user of childrenOf(child(usync, 'list'), 'user')) {
    const resolved = resolveUser(user, ctx);
    if (!resolved) {
      continue;
    }
    const content = protocols
      .map(protocol => protocolNode(protocol, resolved.account, resolved.queriedByLid))
      .filter((node): node is BinaryNode => node !== undefined);
    users.push({ tag: 'user', attrs: { jid: resolved.jid }, content });
  }
  return {
    content: [
      {
        tag: 'usync',
        attrs: { ...usync.attrs, last: 'true', index: '0' },
        content: [
          { tag: 'result', attrs: {}, content: protocols.map(tag => ({ tag, attrs: {} })) },
          { tag: 'list', attrs: {}, content: users },
        ],
      },
    ],
  };
};
