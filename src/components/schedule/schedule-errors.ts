import { errorMessage, serverFieldErrors } from "@/components/errors/error-message";
import type { Translate } from "@/i18n/types";

export type ScheduleField = "deviceId" | "to" | "text" | "file" | "scheduleTime" | "timezone";

const FIELDS: readonly string[] = ["deviceId", "to", "text", "scheduleTime", "timezone"] satisfies ScheduleField[];

function textError(message: string, t: Translate): string {
  if (/^Enter a message/i.test(message)) return t("validation.required");
  const max = /at most (\d+) characters/i.exec(message)?.[1];
  return max ? t("validation.maxChars", { max: Number(max) }) : message;
}

/**
 * Where a refused `message.schedule` belongs on the form, in the reader's language for what concerns the message and
 * its file (the server writes English): field errors by field (the server's `mediaId` is the file field), else one
 * banner sentence.
 */
export function scheduleErrors(error: unknown, t: Translate): { fields: Partial<Record<ScheduleField, string>>; banner: string | null } {
  const fields: Partial<Record<ScheduleField, string>> = {};
  for (const [field, message] of Object.entries(serverFieldErrors(error))) {
    if (field === "mediaId") fields.file = t("media.errors.chooseFile");
    else if (field === "text") fields.text = textError(message, t);
    else if (FIELDS.includes(field)) fields[field as ScheduleField] = message;
  }
  if (Object.keys(fields).length > 0) return { fields, banner: null };
  const message = error instanceof Error ? error.message : "";
  if (/file to send was not found/i.test(message)) return { fields: { file: t("schedule.errors.fileNotFound") }, banner: null };
  if (/cannot have a caption/i.test(message)) return { fields, banner: t("schedule.errors.audioCaption") };
  return { fields, banner: errorMessage(error, t) };
}
