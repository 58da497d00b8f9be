import type { MessageStatus } from "@/generated/prisma/enums";

const rank: Record<MessageStatus, number> = { pending: 0, sent: 1, delivered: 2, read: 3, failed: 4 };

/** Receipts can arrive out of order (read before delivered); a status only ever moves forward. */
export function laterStatus(a: MessageStatus, b: MessageStatus): MessageStatus {
  return rank[b] > rank[a] ? b : a;
}
