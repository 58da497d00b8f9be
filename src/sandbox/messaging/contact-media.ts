import { sha256, toNumber, type proto } from 'baileys';

import { decryptMedia, encryptMedia } from '../media/media-crypto';
import { assertMediaInput, buildMediaMessage, encMediaType, mediaInfo, type FoundMedia } from '../media/media-message';
import type { MediaService, PhoneCopy } from '../media/media-service';
import type { SandboxMediaInfo, SandboxMediaInput } from '../types';

/** What a contact's phone sends: the message, plus what its outbox records. */
export interface OutgoingContent {
  message: proto.IMessage;
  /** The text, or the media caption ('' without one). */
  text: string;
  media?: { info: SandboxMediaInfo; encMediaType: string; phoneCopy: PhoneCopy };
}

/** A phone encrypts and uploads media (here: straight into the store), then sends the message. */
export const prepareContactMedia = async (media: MediaService, input: SandboxMediaInput): Promise<OutgoingContent> => {
  assertMediaInput(input);
  const encrypted = await encryptMedia(input.data, input.kind);
  const stored = media.store(input.kind, encrypted.blob);
  if (!stored) {
    throw new Error('media does not fit the sandbox media store');
  }
  if (input.expired) {
    media.expire(stored.directPath);
  }
  return {
    message: buildMediaMessage(input, stored, encrypted),
    text: input.caption ?? '',
    media: {
      info: mediaInfo(input, { size: encrypted.fileLength, sha256: encrypted.fileSha256 }),
      encMediaType: encMediaType(input),
      phoneCopy: { type: input.kind, mediaKey: encrypted.mediaKey, blob: encrypted.blob },
    },
  };
};

export interface ReceivedMedia {
  info: SandboxMediaInfo;
  /** The verified plaintext; undefined when `info.error` says why not. */
  plaintext?: Buffer;
}

/**
 * A contact's phone downloads media a device sent it (in-process, from the sandbox's own store)
 * and checks it fully. Never throws: a failure is reported in `info.error`.
 */
export const receiveMedia = async (media: MediaService, found: FoundMedia): Promise<ReceivedMedia> => {
  const { content } = found;
  const described = { ...found, mimetype: content.mimetype ?? '' };
  const announced = { size: toNumber(content.fileLength), sha256: content.fileSha256 ?? new Uint8Array() };
  const blob = media.download(content);
  if (!blob) {
    return { info: mediaInfo(described, { ...announced, error: 'media not found on the sandbox media server' }) };
  }
  try {
    const plaintext = await decryptMedia(blob, content, found.kind);
    return { info: mediaInfo(described, { size: plaintext.length, sha256: sha256(plaintext) }), plaintext };
  } catch (error) {
    return { info: mediaInfo(described, { ...announced, error: error instanceof Error ? error.message : String(error) }) };
  }
};
