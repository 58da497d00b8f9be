import { abtIq, blocklistIq, privacyIq } from './account-settings';
import { encryptIq } from './encrypt';
import { groupsIq } from './groups';
import { mdIq } from './md';
import { mediaConnIq } from './media-conn';
import { passiveIq, pingIq } from './session';
import type { IqHandler } from './types';
import { usyncIq } from './usync';

export type { IqHandler, IqOutcome } from './types';

/** iq handlers by xmlns. */
export const IQ_HANDLERS: Readonly<Record<string, IqHandler>> = {
  encrypt: encryptIq,
  usync: usyncIq,
  passive: passiveIq,
  'w:p': pingIq,
  md: mdIq,
  abt: abtIq,
  blocklist: blocklistIq,
  privacy: privacyIq,
  'w:m': mediaConnIq,
  'w:g2': groupsIq,
};

/** Namespaces a companion may use before it is linked (registration connections). */
export const PRE_LOGIN_NAMESPACES: ReadonlySet<string> = new Set(['md', 'w:p']);
