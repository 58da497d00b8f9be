import { getContentType, normalizeMessageContent, type proto } from "baileys";
import type { MessageType } from "@/generated/prisma/enums";

export interface MessageContent {
  type: MessageType;
  /** Text, caption, file name or a short description; null when the message carries none. */
  content: string | null;
}

/**
 * What a WhatsApp message shows to a person, or null for messages that only drive the protocol
 * (receipts of edits, revokes, key distribution, reactions, polls and other types we do not keep).
 */
export function messageContent(message: proto.IMessage | null | undefined): MessageContent | null {
  const content = normalizeMessageContent(message);
  if (!content || content.protocolMessage) return null;
  switch (getContentType(content)) {
    case "conversation":
      return { type: "text", content: content.conversation ?? "" };
    case "extendedTextMessage":
      return { type: "text", content: content.extendedTextMessage?.text ?? "" };
    case "imageMessage":
      return { type: "image", content: content.imageMessage?.caption || null };
    case "videoMessage":
      return { type: "video", content: content.videoMessage?.caption || null };
    case "audioMessage":
      return { type: "audio", content: null };
    case "documentMessage":
      return { type: "document", content: content.documentMessage?.caption || content.documentMessage?.fileName || null };
    case "documentWithCaptionMessage": {
      const doc = content.documentWithCaptionMessage?.message?.documentMessage;
      return { type: "document", content: doc?.caption || doc?.fileName || null };
    }
    case "stickerMessage":
      return { type: "sticker", content: null };
    case "locationMessage": {
      const loc = content.locationMessage;
      return { type: "location", content: loc?.name || loc?.address || `${loc?.degreesLatitude ?? 0},${loc?.degreesLongitude ?? 0}` };
    }
    case "liveLocationMessage": {
      const loc = content.liveLocationMessage;
      return { type: "location", content: `${loc?.degreesLatitude ?? 0},${loc?.degreesLongitude ?? 0}` };
    }
    case "contactMessage":
      return { type: "contact", content: content.contactMessage?.displayName || null };
    case "contactsArrayMessage":
      return { type: "contact", content: content.contactsArrayMessage?.displayName || null };
    default:
      return null;
  }
}
