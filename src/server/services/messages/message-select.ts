import type { Prisma } from "@/generated/prisma/client";
import { mediaSummarySelect } from "../media/media-select";

/** Every field a message returns to the API; metadata stays server-side. */
export const messageSelect = {
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
  createdAt: true,
  updatedAt: true,
  device: { select: { deviceId: true, deviceName: true } },
  media: { select: mediaSummarySelect },
} as const satisfies Prisma.MessageSelect;
