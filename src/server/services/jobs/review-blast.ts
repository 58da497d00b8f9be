import { parsePhone } from "@/lib/phone";
import { renderTemplate } from "@/lib/render-template";
import { env } from "@/env";
import { AppError } from "../../errors";
import { db } from "../../db";
import { mediaForSend } from "../media/media-for-send";
import { readDailyUsage } from "../messages/daily-usage";
import { findOwnedTemplate, MAX_RENDERED_LENGTH } from "../templates/render";
import type { BlastInput } from "./blast-input";
import type { JobPayload } from "./job-payload";
import { recipientRows } from "./recipient-rows";
import { estimateBlast, type CapWait } from "./blast-estimate";
import { getSettings } from "../settings/app-settings";
import { laneUsage } from "./send-caps";

/** How many rows of each list the review carries; the counts always cover every row. */
export const REVIEW_LIST_MAX = 200;

export interface ReadyRecipient {
  row: number;
  phone: string;
  name: string | null;
  /** The text this recipient gets (or the caption of the file). */
  text: string;
}

export interface BlastReview {
  ready: ReadyRecipient[];
  optedOut: ReadyRecipient[];
  invalid: Array<{ row: number; input: string; error: string }>;
  duplicates: Array<{ row: number; phone: string }>;
  missingValues: Array<{ row: number; phone: string; missing: string[] }>;
  payload: JobPayload;
  /** The message body every recipient's text is rendered from. */
  body: string;
}

export interface ReviewSummary {
  counts: { rows: number; ready: number; invalid: number; duplicates: number; optedOut: number; missingValues: number };
  ready: ReadyRecipient[];
  invalid: BlastReview["invalid"];
  duplicates: BlastReview["duplicates"];
  optedOut: ReadyRecipient[];
  missingValues: BlastReview["missingValues"];
  /** At the chosen pacing, from the average wait between sends, with the waits the device's send caps add. */
  estimatedSeconds: number;
  /** The device's send cap the job will first wait on, and when it goes on; null when the caps never hold it. */
  capWait: CapWait | null;
  dailyLimit: { limit: number; usedToday: number; thisJob: number; remainingAfter: number };
  maxRecipients: number;
}

/** The body and the job payload for the message the user composed; a file or template is checked now, not at send time. */
async function resolveMessage(input: BlastInput): Promise<{ body: string; payload: JobPayload }> {
  const { message } = input;
  if (message.kind === "text") return { body: message.text, payload: { kind: "text" } };
  if (message.kind === "template") {
    const template = await findOwnedTemplate(input.actor, message.templateId);
    return { body: template.body, payload: { kind: "template", templateId: template.id, templateName: template.name } };
  }
  const { media, kind } = await mediaForSend(input.actor, message.mediaId, input.device.ownerId, {
    caption: message.caption.trim() || undefined,
    sendAs: message.sendAs,
    voiceNote: false,
  });
  return { body: message.caption, payload: { kind: "media", mediaId: media.id, mediaKind: kind } };
}

/**
 * Sorts the rows a user gave into recipients ready to send to and the rest, each with its reason: numbers that are
 * not valid, repeats of an earlier row, recipients on the owner's opt-out list, and rows without a value for a
 * placeholder. Writes nothing (except the owner's copy of an admin's upload, as any send does).
 */
export async function reviewBlast(input: BlastInput): Promise<BlastReview> {
  const list = input.recipients.source === "csv" ? input.recipients.csv : input.recipients.source === "paste" ? input.recipients.text : "";
  if (Buffer.byteLength(list, "utf8") > env().JOB_CSV_MAX_BYTES) {
    const what = input.recipients.source === "csv" ? "The CSV file" : "The pasted list";
    throw new AppError("INVALID_INPUT", `${what} is larger than ${Math.floor(env().JOB_CSV_MAX_BYTES / 1024)} KiB`);
  }
  const { body, payload } = await resolveMessage(input);
  const rows = await recipientRows(input.recipients, body, input.device.ownerId);
  const review: BlastReview = { ready: [], optedOut: [], invalid: [], duplicates: [], missingValues: [], payload, body };
  const seen = new Set<string>();
  const valid: ReadyRecipient[] = [];
  for (const row of rows) {
    const parsed = parsePhone(row.phone);
    if (!parsed.ok) {
      review.invalid.push({ row: row.row, input: row.phone.slice(0, 40), error: parsed.error });
      continue;
    }
    if (seen.has(parsed.e164)) {
      review.duplicates.push({ row: row.row, phone: parsed.e164 });
      continue;
    }
    seen.add(parsed.e164);
    const rendered = renderTemplate(body, { ...row.variables, name: row.name ?? row.variables.name });
    if (!rendered.ok) {
      review.missingValues.push({ row: row.row, phone: parsed.e164, missing: rendered.missing });
      continue;
    }
    if (rendered.text.length > MAX_RENDERED_LENGTH) {
      review.invalid.push({ row: row.row, input: parsed.e164, error: `The message is ${rendered.text.length} characters; WhatsApp allows ${MAX_RENDERED_LENGTH}` });
      continue;
    }
    valid.push({ row: row.row, phone: parsed.e164, name: row.name, text: rendered.text });
  }
  const optedOut = await optedOutPhones(input.device.ownerId, valid.map((r) => r.phone));
  for (const recipient of valid) (optedOut.has(recipient.phone) ? review.optedOut : review.ready).push(recipient);
  return review;
}

async function optedOutPhones(ownerId: number, phones: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < phones.length; i += 1000) {
    const rows = await db().optOut.findMany({ where: { ownerId, phone: { in: phones.slice(i, i + 1000) } }, select: { phone: true } });
    for (const row of rows) found.add(row.phone);
  }
  return found;
}

/** The review as the page shows it: counts, the first rows of each list, duration and the daily limit it uses. */
export async function summarizeReview(input: BlastInput, review: BlastReview): Promise<ReviewSummary> {
  const daily = await readDailyUsage(input.device.ownerId);
  if (!daily) throw new AppError("NOT_FOUND", "The device's owner no longer exists");
  const usedToday = daily.sentToday;
  const ready = review.ready.length;
  const averageMs = (input.pacing.minMs + input.pacing.maxMs) / 2;
  const now = new Date();
  const usage = (await laneUsage([input.device.id], await getSettings(), now)).get(input.device.id);
  const estimate = usage
    ? estimateBlast(ready, averageMs, usage, now, now)
    : { seconds: Math.ceil((Math.max(0, ready - 1) * averageMs) / 1000), capWait: null };
  return {
    counts: {
      rows: ready + review.optedOut.length + review.invalid.length + review.duplicates.length + review.missingValues.length,
      ready,
      invalid: review.invalid.length,
      duplicates: review.duplicates.length,
      optedOut: review.optedOut.length,
      missingValues: review.missingValues.length,
    },
    ready: review.ready.slice(0, REVIEW_LIST_MAX),
    invalid: review.invalid.slice(0, REVIEW_LIST_MAX),
    duplicates: review.duplicates.slice(0, REVIEW_LIST_MAX),
    optedOut: review.optedOut.slice(0, REVIEW_LIST_MAX),
    missingValues: review.missingValues.slice(0, REVIEW_LIST_MAX),
    estimatedSeconds: estimate.seconds,
    capWait: estimate.capWait,
    dailyLimit: { limit: daily.dailyMessageLimit, usedToday, thisJob: ready, remainingAfter: daily.dailyMessageLimit - usedToday - ready },
    maxRecipients: env().JOB_MAX_RECIPIENTS,
  };
}
