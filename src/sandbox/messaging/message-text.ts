import type { proto } from 'baileys';

/** The human-readable text of a message, for the inbox (undefined for non-text content). */
export const messageText = (message: proto.IMessage | null | undefined): string | undefined => {
  if (!message) {
    return undefined;
  }
  return (
    message.conversation ??
    message.extendedTextMessage?.text ??
    message.imageMessage?.caption ??
    message.videoMessage?.caption ??
    message.documentMessage?.caption ??
    messageText(message.ephemeralMessage?.message) ??
    messageText(message.deviceSentMessage?.message) ??
    undefined
  );
};
