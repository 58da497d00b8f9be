import { aesEncryptGCM, hkdf, proto, S_WHATSAPP_NET, type BinaryNode } from 'baileys';
import { randomBytes } from 'node:crypto';

import type { MediaService } from '../media/media-service';
import { child, unixTime } from '../protocol/nodes';

const { ResultType } = proto.MediaRetryNotification;

/**
 * The sending phone's answer to `<receipt type=server-error><encrypt/><rmr jid from_me/></receipt>`, which a device
 * sends when a download failed with 404/410 (Baileys' `updateMediaMessage`). A phone that still has the file uploads
 * it again and answers SUCCESS with the new direct path, encrypted under a key derived from the media key and bound
 * to the message id; one that has not answers NOT_FOUND. An answer is always sent: Baileys waits for one without a
 * timeout.
 */
export const mediaRetryAnswer = (receipt: BinaryNode, media: MediaService): BinaryNode | undefined => {
  const rmr = child(receipt, 'rmr');
  const { id } = receipt.attrs;
  if (!id || !rmr?.attrs.jid) {
    return undefined;
  }
  const attrs = { id, from: S_WHATSAPP_NET, type: 'mediaretry', t: unixTime() };
  const copy = media.phoneCopy(id);
  const stored = copy ? media.store(copy.type, copy.blob) : undefined;
  if (!copy || !stored) {
    return {
      tag: 'notification',
      attrs,
      content: [
        { tag: 'rmr', attrs: { ...rmr.attrs } },
        { tag: 'error', attrs: { code: ResultType.NOT_FOUND.toString() } },
      ],
    };
  }
  const plaintext = proto.MediaRetryNotification.encode({ stanzaId: id, directPath: stored.directPath, result: ResultType.SUCCESS }).finish();
  const retryKey = hkdf(copy.mediaKey, 32, { info: 'WhatsApp Media Retry Notification' });
  const iv = randomBytes(12);
  const ciphertext = aesEncryptGCM(Buffer.from(plaintext), retryKey, iv, Buffer.from(id));
  return {
    tag: 'notification',
    attrs,
    content: [
      { tag: 'rmr', attrs: { ...rmr.attrs } },
      {
        tag: 'encrypt',
        attrs: {},
        content: [
          { tag: 'enc_p', attrs: {}, content: ciphertext },
          { tag: 'enc_iv', attrs: {}, content: iv },
        ],
      },
    ],
  };
};
