import type { Prisma } from "@/generated/prisma/client";
import { env } from "@/env";
import { AppError } from "../../errors";
import { db } from "../../db";
import { nudgeRunner } from "../../jobs/nudge";
import type { ServiceCall } from "../devices/types";
import type { BlastInput } from "./blast-input";
import type { ItemPayload } from "./job-payload";
import { jobProgressSelect, publishJobProgress } from "./job-progress";
import { recordJobChange } from "./record-job-change";
import { reviewBlast, type ReadyRecipient } from "./review-blast";

export interface CreateJobInput extends BlastInput, ServiceCall {
  /** Leave out rows without a value for every placeholder; otherwise they refuse the job, listed. */
  excludeIncomplete: boolean;
  /** A later start (already parsed in `timezone`), or null to start now. */
  startAt: Date | null;
  timezone: string | null;
}

const CHUNK = 1000;
/** A start this far in the past is "now" (the form's time is a few seconds old when it arrives). */
const PAST_TOLERANCE_MS = 60_000;

function missingList(rows: Array<{ row: number; missing: string[] }>): string {
  const shown = rows.slice(0, 5).map((r) => `row ${r.row} (${r.missing.map((m) => `{{${m}}}`).join(", ")})`);
  return `${rows.length} row${rows.length === 1 ? " has" : "s have"} no value for a placeholder: ${shown.join("; ")}${rows.length > 5 ? "; …" : ""}. Fill them in or leave those rows out`;
}

/**
 * Creates a bulk job from what the user reviewed: ready recipients become pending items, opted-out recipients
 * skipped items (the job shows them). Refused with nothing written: no recipients, more than JOB_MAX_RECIPIENTS,
 * rows missing template values (unless excluded), a start in the past.
 */
export async function createJob(input: CreateJobInput): Promise<{ id: number }> {
  const now = new Date();
  if (input.startAt && input.startAt.getTime() < now.getTime() - PAST_TOLERANCE_MS) {
    throw new AppError("INVALID_INPUT", "The start time is in the past; pick a time from now on, or start now");
  }
  const review = await reviewBlast(input);
  if (review.missingValues.length > 0 && !input.excludeIncomplete) throw new AppError("INVALID_INPUT", missingList(review.missingValues));
  const total = review.ready.length + review.optedOut.length;
  if (review.ready.length === 0) throw new AppError("INVALID_INPUT", "There is no recipient to send to: add valid numbers that have not opted out");
  const max = env().JOB_MAX_RECIPIENTS;
  if (total > max) throw new AppError("INVALID_INPUT", `A job can have at most ${max} recipients; this one has ${total}`);

  const scheduled = input.startAt !== null && input.startAt.getTime() > now.getTime();
  const item = (r: ReadyRecipient): ItemPayload => (review.payload.kind === "media" ? { caption: r.text } : { text: r.text });
  const job = await db().$transaction(
    async (tx) => {
      const created = await tx.job.create({
        data: {
          deviceId: input.device.id,
          ownerId: input.device.ownerId,
          type: review.payload.kind === "media" ? "media" : "text",
          status: scheduled ? "scheduled" : "processing",
          delayMinMs: input.pacing.minMs,
          delayMaxMs: input.pacing.maxMs,
          total,
          skipped: review.optedOut.length,
          payload: review.payload as Prisma.InputJsonObject,
          resumeAt: scheduled ? input.startAt : null,
          timezone: input.timezone,
          startedAt: scheduled ? null : now,
        },
        select: { id: true },
      });
      const rows = [
        ...review.ready.map((r) => ({ jobId: created.id, recipient: r.phone, name: r.name?.slice(0, 191) ?? null, payload: item(r) })),
        ...review.optedOut.map((r) => ({
          jobId: created.id,
          recipient: r.phone,
          name: r.name?.slice(0, 191) ?? null,
          payload: item(r),
          status: "skipped" as const,
          error: "The recipient opted out",
          finishedAt: now,
        })),
      ];
      for (let i = 0; i < rows.length; i += CHUNK) await tx.jobItem.createMany({ data: rows.slice(i, i + CHUNK) });
      return created;
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
  await recordJobChange({
    ...input,
    ownerId: input.device.ownerId,
    action: "job.create",
    jobId: job.id,
    details: { deviceId: input.device.deviceId, recipients: review.ready.length, skipped: review.optedOut.length, kind: review.payload.kind },
  });
  publishJobProgress(await db().job.findUniqueOrThrow({ where: { id: job.id }, select: jobProgressSelect }));
  nudgeRunner();
  return job;
}
