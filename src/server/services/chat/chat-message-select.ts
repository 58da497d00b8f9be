import type { Prisma } from "@/generated/prisma/client";
import { mediaSummarySelect } from "../media/media-select";
import { messageOriginSelect } from "../messages/message-select";

/** A message as a conversation shows it; the device is known from the request, metadata stays server-side. */
export const chatMessageSelect = {
  id: true,
  waMessageId: true,
  chatJid: true,
  fromJid: true,
  toJid: true,
  type: true,
  content: true,
  direction: true,
  status: true,
  error: true,
  timestamp: true,
  media: { select: mediaSummarySelect },
  ...messageOriginSelect,
} as const satisfies Prisma.MessageSelect;

export type ChatMessage = Prisma.MessageGetPayload<{ select: typeof chatMessageSelect }>;
