import { normalizeMessageContent, type proto } from 'baileys';

import type { SandboxMediaInfo, SandboxMediaInput, SandboxMediaKind, SandboxReceivedMediaKind } from '../types';
import type { EncryptedMedia } from './media-crypto';
import { MAX_UPLOAD_BYTES, type StoredMedia } from './media-service';

type MediaContent =
  | proto.Message.IImageMessage
  | proto.Message.IVideoMessage
  | proto.Message.IAudioMessage
  | proto.Message.IDocumentMessage
  | proto.Message.IStickerMessage;

/** The media part of a received message, whatever wrapper (ephemeral, view once…) it came in. */
export interface FoundMedia {
  kind: SandboxReceivedMediaKind;
  content: MediaContent;
  caption?: string;
  fileName?: string;
  ptt?: boolean;
}

const text = (value: string | null | undefined): string | undefined => (value ? value : undefined);

export const findMedia = (message: proto.IMessage | null | undefined): FoundMedia | undefined => {
  const m = normalizeMessageContent(message);
  if (m?.imageMessage) {
    return { kind: 'image', content: m.imageMessage, caption: text(m.imageMessage.caption) };
  }
  if (m?.videoMessage) {
    return { kind: 'video', content: m.videoMessage, caption: text(m.videoMessage.caption) };
  }
  if (m?.audioMessage) {
    return { kind: 'audio', content: m.audioMessage, ptt: m.audioMessage.ptt === true };
  }
  if (m?.documentMessage) {
    const { caption, fileName } = m.documentMessage;
    return { kind: 'document', content: m.documentMessage, caption: text(caption), fileName: text(fileName) };
  }
  if (m?.stickerMessage) {
    return { kind: 'sticker', content: m.stickerMessage };
  }
  return undefined;
};

/** The inbox/outbox summary: facts of the verified plaintext, or as announced when `error` is set. */
export const mediaInfo = (
  found: Pick<FoundMedia, 'kind' | 'caption' | 'fileName' | 'ptt'> & { mimetype: string },
  facts: { size: number; sha256: Uint8Array; error?: string },
): SandboxMediaInfo => ({
  kind: found.kind,
  mimetype: found.mimetype,
  size: facts.size,
  sha256: Buffer.from(facts.sha256).toString('hex'),
  ...(found.fileName !== undefined ? { fileName: found.fileName } : {}),
  ...(found.caption !== undefined ? { caption: found.caption } : {}),
  ...(found.kind === 'audio' ? { ptt: found.ptt === true } : {}),
  ...(facts.error !== undefined ? { error: facts.error } : {}),
});

const KINDS: ReadonlySet<string> = new Set<SandboxMediaKind>(['image', 'video', 'audio', 'document']);
const MIMETYPE = /^[\w.+-]+\/[\w.+-]+(\s*;.*)?$/;

/** Scenario input checks (the control API validates the same with zod before this). */
export const assertMediaInput = (input: SandboxMediaInput): void => {
  if (!KINDS.has(input.kind)) {
    throw new Error(`unknown media kind '${String(input.kind)}'`);
  }
  if (!(input.data instanceof Uint8Array) || input.data.byteLength === 0) {
    throw new Error('media data must be non-empty bytes');
  }
  if (input.data.byteLength > MAX_UPLOAD_BYTES) {
    throw new Error(`media data exceeds ${MAX_UPLOAD_BYTES} bytes`);
  }
  if (!MIMETYPE.test(input.mimetype)) {
    throw new Error(`invalid mimetype '${input.mimetype}'`);
  }
  if (input.ptt !== undefined && input.kind !== 'audio') {
    throw new Error('ptt is only for audio');
  }
  if (input.fileName !== undefined && input.kind !== 'document') {
    throw new Error('fileName is only for documents');
  }
};

/** The `mediatype` attribute of the stanza's `<enc>`, as Baileys sets it. */
export const encMediaType = (input: Pick<SandboxMediaInput, 'kind' | 'ptt'>): string =>
  input.kind === 'audio' ? (input.ptt ? 'ptt' : 'audio') : input.kind;

/** The message a phone sends for uploaded media: the same fields Baileys' prepareWAMessageMedia sets. */
export const buildMediaMessage = (input: SandboxMediaInput, stored: StoredMedia, encrypted: EncryptedMedia): proto.IMessage => {
  const common = {
    url: stored.url,
    directPath: stored.directPath,
    mediaKey: encrypted.mediaKey,
    fileEncSha256: encrypted.fileEncSha256,
    fileSha256: encrypted.fileSha256,
    fileLength: encrypted.fileLength,
    mediaKeyTimestamp: Math.floor(Date.now() / 1000),
    mimetype: input.mimetype,
  };
  const caption = input.caption !== undefined ? { caption: input.caption } : {};
  switch (input.kind) {
    case 'image':
      return { imageMessage: { ...common, ...caption } };
    case 'video':
      return { videoMessage: { ...common, ...caption } };
    case 'audio':
      return { audioMessage: { ...common, ptt: input.ptt === true } };
    case 'document':
      return {
        documentMessage: {
          ...common,
          ...caption,
          ...(input.fileName !== undefined ? { fileName: input.fileName, title: input.fileName } : {}),
        },
      };
  }
};
