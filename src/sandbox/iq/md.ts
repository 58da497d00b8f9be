import { childrenOf } from '../protocol/nodes';
import type { IqHandler } from './types';

/** Multi-device namespace: companion removal and pairing by code. */
export const mdIq: IqHandler = (iq, conn, ctx) => {
  const first = childrenOf(iq)[0];
  if (!first) {
    return 'unhandled';
  }
  if (first.tag === 'remove-companion-device') {
    const device = conn.device;
    if (!device) {
      return { error: { code: 401, text: 'not-authorized' } };
    }
    const target = ctx.directory.resolve(first.attrs.jid);
    // A companion may only remove devices of its own account, never the primary phone.
    if (!target?.device || target.account !== device.account) {
      return { error: { code: 404, text: 'item-not-found' } };
    }
    const removed = target.device;
    return { afterReply: () => ctx.unlinkDevice(removed, `removed by ${device.pnJid} (${first.attrs.reason ?? 'no reason'})`) };
  }
  if (first.tag === 'link_code_companion_reg') {
    switch (first.attrs.stage) {
      case 'companion_hello':
        return ctx.pairing.companionHello(conn, iq, first);
      case 'companion_finish':
        return ctx.pairing.companionFinish(conn, first);
      default:
        return { error: { code: 400, text: 'bad-request' } };
    }
  }
  return 'unhandled';
};
