import { jidDecode } from 'baileys';

/** Note: Baileys' S_WHATSAPP_NET constant is '@s.whatsapp.net' (with the '@'), not a server name. */
export const PN_SERVER = 's.whatsapp.net';

export const LID_SERVER = 'lid';

export const pnJid = (phone: string, device = 0): string =>
  device === 0 ? `${phone}@${PN_SERVER}` : `${phone}:${device}@${PN_SERVER}`;

export const lidJid = (lid: string, device = 0): string =>
  device === 0 ? `${lid}@${LID_SERVER}` : `${lid}:${device}@${LID_SERVER}`;

export interface ParsedJid {
  user: string;
  device: number;
  kind: 'pn' | 'lid';
}

/** Parses user jids (PN or LID, optionally with a device); group, broadcast and other servers give undefined. */
export const parseUserJid = (jid: string | undefined): ParsedJid | undefined => {
  if (!jid) {
    return undefined;
  }
  const decoded = jidDecode(jid);
  if (!decoded?.user) {
    return undefined;
  }
  if (decoded.server === PN_SERVER) {
    return { user: decoded.user, device: decoded.device ?? 0, kind: 'pn' };
  }
  if (decoded.server === LID_SERVER) {
    return { user: decoded.user, device: decoded.device ?? 0, kind: 'lid' };
  }
  return undefined;
};
