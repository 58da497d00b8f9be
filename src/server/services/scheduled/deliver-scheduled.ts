import { db } from "../../db";
import { isAppError } from "../../errors";
import { ClaimLostError, isClaimLost, type ClaimedWork, type WorkOutcome } from "../../jobs/work-source";
import { AppError } from "../../errors";
import { mediaMessageParts } from "../messages/send-media";
import { deliverOutgoing, resendStored, type OutgoingInput } from "../messages/send-text";
import { countLaneSend } from "../jobs/send-caps";
import { publishScheduledStatus } from "./publish-status";

export interface DeliveryPolicy {
  /** Sent more than this after its time → `late`. Default 60 s. */
  lateAfterMs: number;
  /** WhatsApp refusing (not a disconnect) this many claims in a row → `failed`. Default 5. */
  maxAttempts: number;
  /** Lane rest after a refusal, doubled per attempt. Default 5 s. */
  retryBaseMs: number;
  /** Lane rest when the device dropped between claim and send; its reconnect ends the rest early. Default 30 s. */
  disconnectedRestMs: number;
}

const DEFAULT_POLICY: DeliveryPolicy = { lateAfterMs: 60_000, maxAttempts: 5, retryBaseMs: 5000, disconnectedRestMs: 30_000 };

const rowSelect = {
  id: true,
  ownerId: true,
  target: true,
  content: true,
  mediaType: true,
  media: { select: { id: true, mimeType: true, fileName: true, storageKey: true } },
  scheduleTime: true,
  status: true,
  attempts: true,
  sentMessageId: true,
  device: { select: { id: true, deviceId: true, ownerId: true, phoneNumber: true } },
} as const;

/**
 * Sends one claimed scheduled message exactly once. The first attempt stores the Message row and links it to the
 * item (sentMessageId) in one transaction, conditioned on the claim, before anything is sent. Every later attempt
 * — after a crash, a lost lease or a refusal — finds the link and resends that same row under the same WhatsApp id,
 * which the phone shows once; or, if the row already got past `pending`, only completes the item.
 */
export async function deliverScheduled(work: ClaimedWork, policy: Partial<DeliveryPolicy> = {}): Promise<WorkOutcome> {
  const rules = { ...DEFAULT_POLICY, ...policy };
  const startedAt = Date.now();
  const row = await loadRow(work.id);
  if (!row || row.status !== "pending" || row.attempts !== work.claim) return { kind: "done" };
  const item = { id: row.id, ownerId: row.ownerId, deviceId: row.device.deviceId };

  let messageId: number;
  try {
    const sent =
      row.sentMessageId !== null
        ? await resendStored({ device: row.device, messageId: row.sentMessageId })
        : await deliverOutgoing({ device: row.device, to: row.target, origin: "scheduled", ...firstSend(row), onStored: linkToItem(row.id, row.device.id, work.claim) });
    messageId = sent.id;
    if (sent.status === "pending") {
      // Written, but the connection closed or hung before WhatsApp's ack: the item waits for the device's next
      // connection, where the message goes out again under the same id (and the item is then completed).
      await release(work);
      return { kind: "retry", reason: "WhatsApp did not acknowledge the message before the connection ended", cooldownMs: rules.disconnectedRestMs };
    }
  } catch (error) {
    if (isClaimLost(error)) return { kind: "done" };
    return handleFailure(work, item, error, rules);
  }

  const late = startedAt - row.scheduleTime.getTime() > rules.lateAfterMs;
  // Not conditioned on the claim: if a takeover raced us, both sent the same id, and whoever records it first wins.
  const { count } = await db().scheduledMessage.updateMany({
    where: { id: row.id, status: "pending" },
    data: { status: "sent", late, error: null, claimedAt: null, sentMessageId: messageId },
  });
  if (count === 1) publishScheduledStatus({ ...item, status: "sent", late, messageId });
  return { kind: "done" };
}

type Row = NonNullable<Awaited<ReturnType<typeof loadRow>>>;

function loadRow(id: number) {
  return db().scheduledMessage.findUnique({ where: { id }, select: rowSelect });
}

/** What the first attempt stores and sends: the text, or the file with its caption. */
function firstSend(row: Row): Pick<OutgoingInput, "row" | "content"> {
  if (row.mediaType === null || row.mediaType === "text") {
    const text = row.content ?? "";
    return { row: { type: "text", content: text, mediaId: null }, content: { kind: "text", text } };
  }
  const kind = row.mediaType;
  if (!row.media || (kind !== "image" && kind !== "video" && kind !== "audio" && kind !== "document")) {
    throw new AppError("NOT_FOUND", "The file of this scheduled message was deleted");
  }
  return mediaMessageParts(row.media, kind, { caption: row.content ?? undefined, voiceNote: false });
}

/** Links the stored Message row to the item in the row's own transaction, conditioned on the claim. */
/** The send counts towards the device's send caps: scheduled messages share the lane (they are counted, never held). */
function linkToItem(id: number, deviceId: number, claim: number): OutgoingInput["onStored"] {
  return async (tx, stored) => {
    const now = new Date();
    const { affectedRows } = await tx.run(
      "UPDATE `ScheduledMessage` SET `sentMessageId` = ?, `updatedAt` = ? WHERE `id` = ? AND `status` = 'pending' AND `attempts` = ? AND `sentMessageId` IS NULL",
      [stored.id, now, id, claim],
    );
    if (affectedRows !== 1) throw new ClaimLostError("scheduled message", id);
    await countLaneSend(tx, deviceId, now);
  };
}

type Item = { id: number; ownerId: number; deviceId: string };

async function handleFailure(work: ClaimedWork, item: Item, error: unknown, rules: DeliveryPolicy): Promise<WorkOutcome> {
  const reason = error instanceof Error ? error.message : String(error);
  const code = isAppError(error) ? error.code : null;
  if (code === "DEVICE_NOT_CONNECTED") {
    // A temporary drop: release and wait for the device; the sweep gives up once it stays away past the grace.
    await release(work);
    return { kind: "retry", reason, cooldownMs: rules.disconnectedRestMs };
  }
  const permanent = code === "LIMIT_EXCEEDED" || code === "NOT_FOUND" || code === "INVALID_INPUT";
  if (permanent || work.claim >= rules.maxAttempts) {
    const { count } = await db().scheduledMessage.updateMany({
      where: { id: item.id, status: "pending", attempts: work.claim },
      data: { status: "failed", error: reason.slice(0, 500), claimedAt: null },
    });
    if (count === 1) publishScheduledStatus({ ...item, status: "failed", error: reason.slice(0, 500) });
    return { kind: "done" };
  }
  await release(work);
  return { kind: "retry", reason, cooldownMs: rules.retryBaseMs * 2 ** Math.max(0, work.claim - 1) };
}

async function release(work: ClaimedWork): Promise<void> {
  await db().scheduledMessage.updateMany({ where: { id: work.id, status: "pending", attempts: work.claim }, data: { claimedAt: null } });
}
