import { AppError } from "../../errors";
import { db } from "../../db";
import { nudgeRunner } from "../../jobs/nudge";
import { mediaForSend } from "../media/media-for-send";
import type { ServiceCall } from "../devices/types";
import { publishScheduledStatus } from "./publish-status";
import { recordScheduledChange } from "./record-scheduled-change";
import { scheduledSelect, toScheduledViews, type ScheduledView } from "./scheduled-select";

/** A time picked "now" in a form is already a few seconds old when it arrives: that much in the past means "send now". */
export const PAST_TOLERANCE_MS = 60_000;
export const MAX_AHEAD_MS = 366 * 24 * 3600_000;

export interface ScheduleMessageInput extends ServiceCall {
  device: { id: number; deviceId: string; ownerId: number };
  /** E.164, already validated. */
  to: string;
  /** The message, or the caption of `media`. */
  text: string;
  media?: { mediaId: number; sendAs: "auto" | "document" };
  at: Date;
  /** Canonical IANA name, already validated; kept to show the time as the user wrote it. */
  timezone: string;
  now?: Date;
}

/** Stores a message to send from the device at `at` and wakes the runner (it may be due at once). */
export async function scheduleMessage(input: ScheduleMessageInput): Promise<ScheduledView> {
  const now = input.now ?? new Date();
  if (input.at.getTime() < now.getTime() - PAST_TOLERANCE_MS) {
    throw new AppError("INVALID_INPUT", `The schedule time ${input.at.toISOString()} is in the past; pick a time from now on`);
  }
  if (input.at.getTime() > now.getTime() + MAX_AHEAD_MS) {
    throw new AppError("INVALID_INPUT", "A message can be scheduled at most one year ahead");
  }
  // The file is checked (and copied to the device's owner) now, so a bad one is refused at once, not at send time.
  const caption = input.text.trim() ? input.text : undefined;
  const attached = input.media
    ? await mediaForSend(input.actor, input.media.mediaId, input.device.ownerId, { caption, sendAs: input.media.sendAs, voiceNote: false })
    : undefined;
  const row = await db().scheduledMessage.create({
    data: {
      ownerId: input.device.ownerId,
      deviceId: input.device.id,
      target: input.to,
      content: attached ? (caption ?? null) : input.text,
      mediaId: attached?.media.id,
      mediaType: attached?.kind,
      scheduleTime: input.at,
      timezone: input.timezone,
    },
    select: scheduledSelect,
  });
  await recordScheduledChange({
    ...input,
    ownerId: row.ownerId,
    action: "scheduled.create",
    scheduledId: row.id,
    details: {
      deviceId: input.device.deviceId,
      scheduleTime: row.scheduleTime.toISOString(),
      timezone: row.timezone,
      ...(attached ? { mediaId: attached.media.id, mediaType: attached.kind } : {}),
    },
  });
  publishScheduledStatus({ id: row.id, ownerId: row.ownerId, deviceId: input.device.deviceId, status: "pending" });
  nudgeRunner();
  const [view] = await toScheduledViews([row]);
  return view!;
}
