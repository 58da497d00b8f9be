import { db } from "../../db";
import type { DriverTx } from "../../db/driver-pool";
import { AppError, isAppError } from "../../errors";
import { ClaimLostError, isClaimLost, type ClaimedWork, type WorkOutcome } from "../../jobs/work-source";
import { mediaMessageParts } from "../messages/send-media";
import { startOfToday } from "../messages/daily-usage";
import { deliverOutgoing, resendStored, type OutgoingInput } from "../messages/send-text";
import { DEFAULT_SPIKE_POLICY, failureSpikeReason, type FailureSpikePolicy } from "./failure-spike";
import { finishItem, pauseRunningJob } from "./finish-item";
import { readItemPayload, readJobPayload } from "./job-payload";
import { jitteredDelay } from "./pacing";
import { groupItemCheck } from "./group-item";
import { loadJobItem, type LoadedJobItem } from "./load-job-item";
import { cachedCapSettings, capHold, capsInForce, countCappedLaneSend, laneUsage, type SendCaps } from "./send-caps";

const capSettings = cachedCapSettings();

export interface JobDeliveryPolicy {
  /** Lane rest when the device dropped between claim and send; its reconnect ends the rest early. Default 30 s. */
  disconnectedRestMs: number;
  spike: FailureSpikePolicy;
}

const DEFAULT_POLICY: JobDeliveryPolicy = { disconnectedRestMs: 30_000, spike: DEFAULT_SPIKE_POLICY };

type Item = LoadedJobItem;

/** The job stopped running (paused or cancelled) between the claim and the send: nothing was sent. */
class JobNotRunningError extends Error {
  constructor(jobId: number) {
    super(`job ${jobId} is no longer running`);
    this.name = "JobNotRunningError";
  }
}

/** The device reached a send cap since the item was claimed (other sends of its lane): nothing was stored. */
class CapReachedError extends Error {
  constructor(deviceId: number) {
    super(`device ${deviceId} reached a send cap`);
    this.name = "CapReachedError";
  }
}

/**
 * Sends one claimed job item exactly once, like a scheduled message: the first attempt stores the Message row with
 * `jobItemId` in a transaction that also checks the claim and that the job still runs (a pause or cancel that
 * committed first stops it before anything is sent). A later attempt — after a crash or a lost lease — finds the
 * linked row and resends it under the same WhatsApp id, which the phone shows once.
 */
export async function deliverJobItem(work: ClaimedWork, policy: Partial<JobDeliveryPolicy> = {}): Promise<WorkOutcome> {
  const rules = { ...DEFAULT_POLICY, ...policy };
  const item = await loadJobItem(work.id);
  if (!item || item.status !== "pending" || item.attempts !== work.claim) return { kind: "done" };
  const pace = () => jitteredDelay(item.job.delayMinMs, item.job.delayMaxMs);

  if (item.messageId === null) {
    if (item.job.status !== "processing") return release(work);
    if (item.optedOut && item.job.type !== "group_media") {
      await finishItem({ itemId: item.id, jobId: item.jobId, status: "skipped", error: "The recipient opted out", claim: work.claim });
      return { kind: "done" };
    }
  }

  try {
    if (item.messageId !== null) {
      await resendStored({ device: item.job.device, messageId: item.messageId });
    } else {
      const caps = capsInForce(item.job.device, await capSettings());
      await deliverOutgoing({ device: item.job.device, to: item.recipient, jobItemId: item.id, origin: "job", ...(await firstSend(item)), onStored: linkToItem(item, work.claim, caps) });
    }
  } catch (error) {
    return handleFailure(work, item, error, rules, pace);
  }
  await finishItem({ itemId: item.id, jobId: item.jobId, status: "sent", pendingBefore: item.job.pending });
  return { kind: "done", pauseMs: pace() };
}

/** What the first attempt stores and sends: the recipient's text, or the job's file with the recipient's caption. */
async function firstSend(item: Item): Promise<Pick<OutgoingInput, "row" | "content">> {
  if (item.job.type === "group_media") await groupItemCheck(item.job.device, item.recipient);
  const job = readJobPayload(item.job.payload);
  const payload = readItemPayload(item.payload);
  if (job.kind !== "media") {
    const text = payload.text ?? "";
    return { row: { type: "text", content: text, mediaId: null }, content: { kind: "text", text } };
  }
  const media = await db().mediaFile.findUnique({ where: { id: job.mediaId }, select: { id: true, mimeType: true, fileName: true, storageKey: true } });
  if (!media) throw new AppError("NOT_FOUND", "The file of this job was deleted");
  return mediaMessageParts(media, job.mediaKind, { caption: payload.caption || undefined, voiceNote: false });
}

/** In the transaction that stores the pending message: the job must still run and the claim must still be ours. */
function linkToItem(item: Item, claim: number, caps: SendCaps): OutgoingInput["onStored"] {
  return async (tx) => {
    const now = new Date();
    // An UPDATE, not a read: it locks the job row, so a pause or cancel either commits before (we stop) or after (this
    // send goes out). One statement for the job and the claimed item; the driver counts matched rows, so 2 is both.
    // The cap count goes out behind it without waiting (one connection runs them in order): when the mark fails, the
    // transaction is rolled back and the count with it.
    const [marked, counted] = await Promise.all([
      tx.run(
        `UPDATE \`JobItem\` ji JOIN \`Job\` j ON j.\`id\` = ji.\`jobId\`
            SET j.\`updatedAt\` = ?, ji.\`sentAt\` = ?, ji.\`updatedAt\` = ?
          WHERE ji.\`id\` = ? AND ji.\`jobId\` = ? AND ji.\`status\` = 'pending' AND ji.\`attempts\` = ? AND j.\`status\` = 'processing'`,
        [now, now, now, item.id, item.jobId, claim],
      ),
      countCappedLaneSend(tx, item.job.device.id, caps, now),
    ]);
    if (marked.affectedRows !== 2) throw await whyNotMarked(tx, item);
    if (!counted) throw new CapReachedError(item.job.device.id);
  };
}

/** Nothing was marked: a job that stopped running wins over a lost claim (its item is released either way). */
async function whyNotMarked(tx: DriverTx, item: Item): Promise<Error> {
  const [job] = await tx.query<{ status: string }>("SELECT `status` FROM `Job` WHERE `id` = ?", [item.jobId]);
  return job?.status === "processing" ? new ClaimLostError("job item", item.id) : new JobNotRunningError(item.jobId);
}

async function handleFailure(
  work: ClaimedWork,
  item: Item,
  error: unknown,
  rules: JobDeliveryPolicy,
  pace: () => number,
): Promise<WorkOutcome> {
  if (isClaimLost(error)) return { kind: "done" };
  if (error instanceof Error && error.name === "JobNotRunningError") return release(work);
  if (error instanceof Error && error.name === "CapReachedError") {
    await release(work);
    const usage = (await laneUsage([item.job.device.id], await capSettings())).get(item.job.device.id);
    const hold = usage && capHold(usage);
    if (hold) await pauseRunningJob(item.jobId, hold.reason, hold.message, hold.until);
    return { kind: "done" };
  }
  const reason = error instanceof Error ? error.message : String(error);
  const code = isAppError(error) ? error.code : null;
  if (code === "DEVICE_NOT_CONNECTED") {
    // A drop: the item waits for the device; a logged-out device pauses the job (reconcileJobs).
    await release(work);
    return { kind: "retry", reason, cooldownMs: rules.disconnectedRestMs };
  }
  if (code === "LIMIT_EXCEEDED") {
    // Nothing was stored: the item stays pending and the job continues by itself when the new day starts.
    await release(work);
    const tomorrow = new Date(startOfToday().getTime() + 24 * 3600_000);
    await pauseRunningJob(item.jobId, "daily_limit", reason, tomorrow);
    return { kind: "done" };
  }
  const job = await finishItem({ itemId: item.id, jobId: item.jobId, status: "failed", error: reason, claim: work.claim });
  if (job?.status === "processing") {
    const spike = await failureSpikeReason(item.jobId, rules.spike);
    if (spike) await pauseRunningJob(item.jobId, "failure_spike", spike);
  }
  // A refused send still reached WhatsApp: the next one keeps the pace.
  return { kind: "done", pauseMs: pace() };
}

async function release(work: ClaimedWork): Promise<WorkOutcome> {
  await db().jobItem.updateMany({ where: { id: work.id, status: "pending", attempts: work.claim }, data: { claimedAt: null } });
  return { kind: "done" };
}
