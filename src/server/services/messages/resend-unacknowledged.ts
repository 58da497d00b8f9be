import { db } from "../../db";
import { isAppError } from "../../errors";
import { resendStored, type SendTextInput } from "./send-text";
import { updateOutgoingStatus } from "./update-outgoing-status";

/** One pass resends at most this many rows; a later reconnect (or the next pass) takes the rest. */
const BATCH = 500;

export interface ResendOutcome {
  resent: number;
  stillPending: number;
}

/**
 * After a device (re)connects: sends again, under their own WhatsApp ids and in the order they were stored, the
 * outgoing messages stored before `storedBefore` that WhatsApp never acknowledged (the socket dropped or hung, or
 * the process died, between the write and the ack). Phones keep one message per id, so a copy that did arrive is
 * not shown twice. Rows stored after `storedBefore` belong to sends still running on the new connection.
 */
export async function resendUnacknowledged(device: SendTextInput["device"], storedBefore: Date): Promise<ResendOutcome> {
  const rows = await db().message.findMany({
    where: { deviceId: device.id, direction: "outgoing", status: "pending", waMessageId: { not: null }, createdAt: { lt: storedBefore } },
    select: { id: true, waMessageId: true },
    orderBy: { id: "asc" },
    take: BATCH,
  });
  const outcome: ResendOutcome = { resent: 0, stillPending: 0 };
  for (const [index, row] of rows.entries()) {
    try {
      const sent = await resendStored({ device, messageId: row.id });
      if (sent.status === "pending") outcome.stillPending += 1;
      else outcome.resent += 1;
    } catch (error) {
      // Offline again: the next reconnect resumes from here. A refusal was recorded on the row by the send itself.
      if (isAppError(error) && error.code === "DEVICE_NOT_CONNECTED") {
        outcome.stillPending += rows.length - index;
        break;
      }
      if (!isAppError(error)) throw error;
      // Its file was deleted meanwhile: it can never go out.
      if (error.code === "NOT_FOUND") {
        await updateOutgoingStatus({ device, messageId: row.id, waMessageId: row.waMessageId ?? "", status: "failed", error: error.message });
      }
    }
  }
  return outcome;
}
