import type { Prisma } from "@/generated/prisma/client";
import { db } from "../../db";
import { eventBus } from "../../events/bus";
import { openWebhookSecret } from "./secret-box";
import { postWebhook, type PostResult } from "./post-webhook";
import { isRetryableStatus, retryDelayMs, type WebhookPolicy } from "./retry-schedule";

export interface DeliveryClaim {
  id: number;
  /** The delivery's attempts after this claim: writes are conditioned on it (a lost claim writes nothing). */
  claim: number;
}

function outcomeOf(result: PostResult, attempt: number, policy: WebhookPolicy, now: Date): Prisma.WebhookDeliveryUpdateManyMutationInput {
  const common = {
    claimedAt: null,
    claimedBy: null,
    lastAttemptAt: now,
    durationMs: result.durationMs,
    responseStatus: result.kind === "response" ? result.status : null,
    responseExcerpt: result.kind === "response" ? result.excerpt : null,
    error: result.kind === "error" ? result.error : null,
  };
  if (result.kind === "response" && result.status >= 200 && result.status < 300) return { ...common, status: "succeeded" };
  const retryable = result.kind === "response" ? isRetryableStatus(result.status) : !result.refused;
  if (!retryable) return { ...common, status: "failed", error: common.error ?? `The receiver answered ${(result as { status: number }).status}` };
  if (attempt >= policy.maxAttempts) return { ...common, status: "dead" };
  return { ...common, status: "pending", nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempt, policy.retryBaseMs)) };
}

/**
 * One attempt of a claimed delivery: POST it, then record the answer and what happens next (done, retry later,
 * failed for good, dead-lettered). A process killed before the record leaves the claim to be taken over, so the
 * attempt is repeated: at least once, and receivers dedupe by event id.
 */
export async function runDelivery(work: DeliveryClaim, policy: WebhookPolicy): Promise<void> {
  const row = await db().webhookDelivery.findFirst({
    where: { id: work.id, status: "pending", attempts: work.claim },
    select: { eventId: true, payload: true, endpoint: { select: { url: true, secretEncrypted: true, ownerId: true, enabled: true } } },
  });
  if (!row) return;
  const now = new Date();
  const fenced = { id: work.id, status: "pending" as const, attempts: work.claim };
  if (!row.endpoint.enabled) {
    await db().webhookDelivery.updateMany({
      where: fenced,
      data: { status: "failed", error: "The endpoint is disabled", claimedAt: null, claimedBy: null, lastAttemptAt: now },
    });
    return;
  }
  const result = await postWebhook({
    url: row.endpoint.url,
    body: row.payload,
    secret: openWebhookSecret(row.endpoint.ownerId, row.endpoint.secretEncrypted),
    eventId: row.eventId,
    timeoutMs: policy.timeoutMs,
    allowPrivate: policy.allowPrivate,
  });
  const data = outcomeOf(result, work.claim, policy, new Date());
  await db().webhookDelivery.updateMany({ where: fenced, data });
  eventBus().signal("webhook.delivery", { ok: data.status === "succeeded" });
}
