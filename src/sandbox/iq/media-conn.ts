import { MAX_UPLOAD_BYTES, MEDIA_AUTH_TTL_S, MEDIA_CONN_TTL_S } from '../media/media-service';
import { childrenOf } from '../protocol/nodes';
import type { IqHandler } from './types';

/**
 * `w:m set <media_conn/>`: where and with which auth to upload. Baileys reads only the host's
 * hostname, `auth` and `ttl`, and caches the answer for `ttl` seconds (one iq serves many uploads).
 * The hostname carries the port: Baileys builds `https://${hostname}/mms/…` from it (WA-PROTOCOL §7.2).
 */
export const mediaConnIq: IqHandler = (iq, conn, ctx) => {
  if (childrenOf(iq)[0]?.tag !== 'media_conn') {
    return 'unhandled';
  }
  if (!conn.device) {
    return { error: { code: 401, text: 'not-authorized' } };
  }
  return {
    content: [
      {
        tag: 'media_conn',
        attrs: {
          auth: ctx.media.issueAuth(),
          ttl: MEDIA_CONN_TTL_S.toString(),
          auth_ttl: MEDIA_AUTH_TTL_S.toString(),
          max_buckets: '12',
        },
        content: [
          { tag: 'host', attrs: { hostname: ctx.media.hostname, maxContentLengthBytes: MAX_UPLOAD_BYTES.toString() } },
        ],
      },
    ],
  };
};
