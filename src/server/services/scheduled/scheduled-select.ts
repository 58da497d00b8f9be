import type { Prisma } from "@/generated/prisma/client";
import type { MessageStatus } from "@/generated/prisma/enums";
import { db } from "../../db";
import { mediaSummarySelect } from "../media/media-select";

/** Every field a scheduled message returns to the API (claim bookkeeping stays server-side). */
export const scheduledSelect = {
  id: true,
  ownerId: true,
  target: true,
  content: true,
  scheduleTime: true,
  timezone: true,
  status: true,
  error: true,
  late: true,
  attempts: true,
  sentMessageId: true,
  createdAt: true,
  updatedAt: true,
  device: { select: { deviceId: true, deviceName: true } },
  mediaType: true,
  media: { select: mediaSummarySelect },
} as const satisfies Prisma.ScheduledMessageSelect;

type ScheduledRow = Prisma.ScheduledMessageGetPayload<{ select: typeof scheduledSelect }>;

export type ScheduledView = ScheduledRow & {
  /** The message it was sent as: its WhatsApp id and delivery status (sent → delivered → read). */
  sentMessage: { id: number; waMessageId: string | null; status: MessageStatus } | null;
};

/** Attaches the sent message's status (there is no relation column, only sentMessageId). */
export async function toScheduledViews(rows: ScheduledRow[]): Promise<ScheduledView[]> {
  const ids = rows.flatMap((r) => (r.sentMessageId === null ? [] : [r.sentMessageId]));
  const messages = ids.length
    ? await db().message.findMany({ where: { id: { in: ids } }, select: { id: true, waMessageId: true, status: true } })
    : [];
  const byId = new Map(messages.map((m) => [m.id, m]));
  return rows.map((row) => ({ ...row, sentMessage: row.sentMessageId === null ? null : (byId.get(row.sentMessageId) ?? null) }));
}
