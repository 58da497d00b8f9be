import type { Prisma } from "@/generated/prisma/client";
import { AppError } from "../../errors";
import { db } from "../../db";
import { nudgeRunner } from "../../jobs/nudge";
import type { DeviceRow, ServiceCall } from "../devices/types";
import type { Pacing } from "../jobs/blast-input";
import type { ItemPayload, JobPayload } from "../jobs/job-payload";
import { jobProgressSelect, publishJobProgress } from "../jobs/job-progress";
import { recordJobChange } from "../jobs/record-job-change";
import { mediaForSend } from "../media/media-for-send";

/** What every chosen group gets: a text, or an uploaded file with an optional caption. */
export type GroupJobMessage = { kind: "text"; text: string } | { kind: "media"; mediaId: number; caption: string; sendAs: "auto" | "document" };

export interface GroupMediaJobInput extends ServiceCall {
  device: Pick<DeviceRow, "id" | "deviceId" | "ownerId">;
  groupJids: string[];
  message: GroupJobMessage;
  pacing: Pacing;
  /** A later start (already parsed in `timezone`), or null to start now. */
  startAt: Date | null;
  timezone: string | null;
}

/** A start this far in the past is "now" (the form's time is a few seconds old when it arrives). */
const PAST_TOLERANCE_MS = 60_000;

/** The device's stored groups by jid, in the order asked; unknown ones and groups the device left refuse the job. */
async function chosenGroups(deviceId: number, groupJids: string[]): Promise<Array<{ groupJid: string; subject: string }>> {
  const wanted = [...new Set(groupJids)];
  const rows = await db().group.findMany({ where: { deviceId, groupJid: { in: wanted } }, select: { groupJid: true, subject: true, isMember: true } });
  const byJid = new Map(rows.map((row) => [row.groupJid, row]));
  const unknown = wanted.filter((jid) => !byJid.has(jid));
  if (unknown.length) throw new AppError("NOT_FOUND", `Group not found on this device: ${unknown.slice(0, 5).join(", ")}`);
  const left = rows.filter((row) => !row.isMember);
  if (left.length) throw new AppError("INVALID_INPUT", `The device is no longer a member of: ${left.slice(0, 5).map((g) => g.subject).join(", ")}`);
  return wanted.map((jid) => byJid.get(jid)!);
}

async function payloads(input: GroupMediaJobInput): Promise<{ job: JobPayload; item: ItemPayload }> {
  const { message } = input;
  if (message.kind === "text") return { job: { kind: "text" }, item: { text: message.text } };
  const caption = message.caption.trim();
  const { media, kind } = await mediaForSend(input.actor, message.mediaId, input.device.ownerId, { caption, sendAs: message.sendAs, voiceNote: false });
  return { job: { kind: "media", mediaId: media.id, mediaKind: kind }, item: caption ? { caption } : {} };
}

/**
 * A `group_media` job on the bulk runner: one item per chosen group (recipient = the group's jid, name = its
 * subject), sent with the job's pacing and controls. Opt-outs and the "not on WhatsApp" check concern numbers, so
 * none apply; a group the device has left by the time its item runs fails that item (deliverJobItem).
 */
export async function createGroupMediaJob(input: GroupMediaJobInput): Promise<{ id: number }> {
  const now = new Date();
  if (input.startAt && input.startAt.getTime() < now.getTime() - PAST_TOLERANCE_MS) {
    throw new AppError("INVALID_INPUT", "The start time is in the past; pick a time from now on, or start now");
  }
  const groups = await chosenGroups(input.device.id, input.groupJids);
  if (groups.length === 0) throw new AppError("INVALID_INPUT", "Choose at least one group");
  const { job: payload, item } = await payloads(input);
  const scheduled = input.startAt !== null && input.startAt.getTime() > now.getTime();
  const job = await db().$transaction(async (tx) => {
    const created = await tx.job.create({
      data: {
        deviceId: input.device.id,
        ownerId: input.device.ownerId,
        type: "group_media",
        status: scheduled ? "scheduled" : "processing",
        delayMinMs: input.pacing.minMs,
        delayMaxMs: input.pacing.maxMs,
        total: groups.length,
        payload: payload as Prisma.InputJsonObject,
        resumeAt: scheduled ? input.startAt : null,
        timezone: input.timezone,
        startedAt: scheduled ? null : now,
      },
      select: { id: true },
    });
    await tx.jobItem.createMany({
      data: groups.map((g) => ({ jobId: created.id, recipient: g.groupJid, name: g.subject.slice(0, 191), payload: item as Prisma.InputJsonObject })),
    });
    return created;
  });
  await recordJobChange({
    ...input,
    ownerId: input.device.ownerId,
    action: "job.create",
    jobId: job.id,
    details: { deviceId: input.device.deviceId, groups: groups.length, kind: payload.kind, target: "groups" },
  });
  publishJobProgress(await db().job.findUniqueOrThrow({ where: { id: job.id }, select: jobProgressSelect }));
  nudgeRunner();
  return job;
}
