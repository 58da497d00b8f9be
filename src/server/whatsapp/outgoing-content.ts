import type { AnyMessageContent } from "baileys";

/** What the app sends: a text, or a stored file (read from disk by Baileys as it encrypts, never held in memory). */
export type OutgoingContent =
  | { kind: "text"; text: string; mentions?: string[] }
  | {
      kind: "image" | "video" | "audio" | "document";
      filePath: string;
      mimeType: string;
      fileName?: string | null;
      caption?: string;
      voiceNote?: boolean;
      /** Jids mentioned in the caption (groups). */
      mentions?: string[];
    };

function mentionsOf(content: { mentions?: string[] }): { mentions?: string[] } {
  return content.mentions?.length ? { mentions: content.mentions } : {};
}

export function toBaileysContent(content: OutgoingContent): AnyMessageContent {
  switch (content.kind) {
    case "text":
      return content.mentions?.length ? { text: content.text, mentions: content.mentions } : { text: content.text };
    // Baileys defaults every image's mimetype to image/jpeg (WA-PROTOCOL §7.4), so it is always passed explicitly.
    case "image":
      return { image: { url: content.filePath }, mimetype: content.mimeType, caption: content.caption, ...mentionsOf(content) };
    case "video":
      return { video: { url: content.filePath }, mimetype: content.mimeType, caption: content.caption, ...mentionsOf(content) };
    case "audio":
      // Phones play a push-to-talk note only when it is announced as Opus.
      return content.voiceNote
        ? { audio: { url: content.filePath }, mimetype: "audio/ogg; codecs=opus", ptt: true }
        : { audio: { url: content.filePath }, mimetype: content.mimeType };
    case "document":
      return {
        document: { url: content.filePath },
        mimetype: content.mimeType,
        fileName: content.fileName ?? "file",
        caption: content.caption,
      };
  }
}
