import { S_WHATSAPP_NET } from 'baileys';

import { childrenOf } from '../protocol/nodes';
import type { IqHandler } from './types';

/**
 * `passive set <active/>`: the device is ready for traffic. Queued stanzas go out first, then
 * `<ib><offline count/>`, which is what makes Baileys flush its login event buffer (WA-PROTOCOL P4).
 */
export const passiveIq: IqHandler = (iq, conn) => {
  const first = childrenOf(iq)[0];
  const device = conn.device;
  if (first?.tag !== 'active' || !device) {
    return {};
  }
  return {
    afterReply: () => {
      const queued = device.drainOfflineQueue();
      for (const node of queued) {
        conn.send(node);
      }
      conn.send({
        tag: 'ib',
        attrs: { from: S_WHATSAPP_NET },
        content: [{ tag: 'offline', attrs: { count: queued.length.toString() } }],
      });
    },
  };
};

/** Keepalive. Answering is what keeps Baileys from declaring the connection lost. */
export const pingIq: IqHandler = iq => (childrenOf(iq)[0]?.tag === 'ping' ? {} : 'unhandled');
