import type { Prisma } from "@/generated/prisma/client";
import { mediaSummarySelect } from "../media/media-select";

/**
 * Who sent an outgoing message (origin, and the person when one did) and whose device it is, so the UI can say
 * "sent by <name>" when that person is not the owner; deviceId and ownerId also key its chat's display name.
 */
export const messageOriginSelect = {
  deviceId: true,
  ownerId: true,
  origin: true,
  sentBy: { select: { id: true, username: true, fullName: true } },
} as const satisfies Prisma.MessageSelect;

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
  ...messageOriginSelect,
} as const satisfies Prisma.MessageSelect;
