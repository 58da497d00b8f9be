import { S_WHATSAPP_NET, type BinaryNode } from 'baileys';

import { child, unixTime } from '../protocol/nodes';

/** proto.MediaRetryNotification.ResultType.NOT_FOUND: Baileys turns it into a 404 error. */
const NOT_FOUND = '2';

/**
 * The answer to `<receipt type=server-error><encrypt/><rmr jid from_me/></receipt>`, which a device
 * sends when a download failed with 404/410 and it asks the sender's phone to upload the media
 * again (Baileys' `reuploadRequest`). Sandbox phones keep nothing to upload again (blobs live in
 * memory only), so they answer NOT_FOUND at once: without any answer Baileys' updateMediaMessage
 * waits for good, it sets no timeout.
 */
export const mediaRetryNotFound = (receipt: BinaryNode): BinaryNode | undefined => {
  const rmr = child(receipt, 'rmr');
  const { id } = receipt.attrs;
  if (!id || !rmr?.attrs.jid) {
    return undefined;
  }
  return {
    tag: 'notification',
    attrs: { id, from: S_WHATSAPP_NET, type: 'mediaretry', t: unixTime() },
    content: [
      { tag: 'rmr', attrs: { ...rmr.attrs } },
      { tag: 'error', attrs: { code: NOT_FOUND } },
    ],
  };
};
