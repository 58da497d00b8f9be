import type { ScheduledStatus } from "@/generated/prisma/enums";
import { eventBus } from "../../events/bus";

export interface ScheduledStatusChange {
  id: number;
  ownerId: number;
  deviceId: string;
  status: ScheduledStatus;
  late?: boolean;
  error?: string | null;
  messageId?: number | null;
}

/** One `scheduled.status` event per real change, to the owner (and admins). */
export function publishScheduledStatus(change: ScheduledStatusChange): void {
  eventBus().publish(
    "scheduled.status",
    {
      scheduledId: change.id,
      deviceId: change.deviceId,
      status: change.status,
      late: change.late ?? false,
      error: change.error ?? null,
      messageId: change.messageId ?? null,
    },
    { ownerId: change.ownerId },
  );
}
