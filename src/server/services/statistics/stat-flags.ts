import type { MessageDirection, MessageStatus } from "@/generated/prisma/enums";

/** Bits of Message.statFlags: what a message has already been counted as. Setting a bit and counting happen together. */
export const STAT_FLAG = { stored: 1, delivered: 2, read: 4, failed: 8 } as const;

/** The event a message went through, as far as statistics care. */
export type CountEvent = "stored" | "delivered" | "read" | "failed";

/**
 * Every flag a message in this state should carry. A receipt may overtake the event before it (read without
 * delivered, or the stored event lost in a crash): the earlier steps are implied and counted with it.
 */
export function flagsFor(event: CountEvent, direction: MessageDirection): number {
  if (direction === "incoming") return STAT_FLAG.stored;
  if (event === "read") return STAT_FLAG.stored | STAT_FLAG.delivered | STAT_FLAG.read;
  if (event === "delivered") return STAT_FLAG.stored | STAT_FLAG.delivered;
  if (event === "failed") return STAT_FLAG.stored | STAT_FLAG.failed;
  return STAT_FLAG.stored;
}

/** The flags a stored message's current state implies (rebuild and catch-up). */
export function flagsForState(direction: MessageDirection, status: MessageStatus): number {
  if (status === "read") return flagsFor("read", direction);
  if (status === "delivered") return flagsFor("delivered", direction);
  if (status === "failed") return flagsFor("failed", direction);
  return STAT_FLAG.stored;
}

/** SQL for flagsForState over a Message row, kept next to it so the two cannot disagree. */
export const FLAGS_FOR_STATE_SQL = `(${STAT_FLAG.stored}
  | IF(direction = 'outgoing' AND status IN ('delivered', 'read'), ${STAT_FLAG.delivered}, 0)
  | IF(direction = 'outgoing' AND status = 'read', ${STAT_FLAG.read}, 0)
  | IF(direction = 'outgoing' AND status = 'failed', ${STAT_FLAG.failed}, 0))`;
