import type { BinaryNode } from 'baileys';

import { child, childrenOf } from '../protocol/nodes';
import type { IqHandler } from './types';

/** AB props. 10518 (tctoken on all 1:1 messages) stays off: the sandbox does not enforce privacy tokens. */
export const abtIq: IqHandler = iq => {
  if (!child(iq, 'props')) {
    return 'unhandled';
  }
  return { content: [{ tag: 'props', attrs: { protocol: '1', hash: 'sandbox-props-1' }, content: [] }] };
};

export const blocklistIq: IqHandler = (iq, conn) => {
  const account = conn.device?.account;
  if (!account) {
    return { error: { code: 401, text: 'not-authorized' } };
  }
  if (iq.attrs.type === 'get') {
    return {
      content: [
        {
          tag: 'list',
          attrs: {},
          content: [...account.blocklist].map(jid => ({ tag: 'item', attrs: { jid } })),
        },
      ],
    };
  }
  const item = child(iq, 'item');
  const jid = item?.attrs.jid;
  if (!jid) {
    return 'unhandled';
  }
  if (item.attrs.action === 'block') {
    account.blocklist.add(jid);
  } else {
    account.blocklist.delete(jid);
  }
  return {};
};

const DEFAULT_PRIVACY: Record<string, string> = {
  last: 'all',
  online: 'all',
  profile: 'all',
  status: 'all',
  readreceipts: 'all',
  groupadd: 'all',
  calladd: 'all',
  messages: 'all',
};

export const privacyIq: IqHandler = (iq, conn) => {
  const account = conn.device?.account;
  if (!account) {
    return { error: { code: 401, text: 'not-authorized' } };
  }
  const first = childrenOf(iq)[0];
  if (first?.tag === 'tokens') {
    // tctoken issuance after a first send (WA-PROTOCOL §1 step 4): acknowledged, not modelled.
    return { content: [{ tag: 'tokens', attrs: {} }] };
  }
  if (first?.tag !== 'privacy') {
    return 'unhandled';
  }
  if (iq.attrs.type === 'set') {
    for (const category of childrenOf(first, 'category')) {
      const { name, value } = category.attrs;
      if (name && value) {
        account.privacy.set(name, value);
      }
    }
    return {};
  }
  const categories: BinaryNode[] = Object.entries(DEFAULT_PRIVACY).map(([name, value]) => ({
    tag: 'category',
    attrs: { name, value: account.privacy.get(name) ?? value },
  }));
  return { content: [{ tag: 'privacy', attrs: {}, content: categories }] };
};
