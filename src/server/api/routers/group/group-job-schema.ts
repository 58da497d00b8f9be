import { z } from "zod";
import { ZBlastMessageSchema, ZPacingSchema, ZStartSchema } from "../job/blast-schema";
import { zGroupJid } from "./group-schema";

/** One job reaches at most this many groups (a device is rarely in more; the review lists them all). */
export const MAX_GROUPS_PER_JOB = 200;

const [textMessage, , mediaMessage] = ZBlastMessageSchema.options;

export const ZGroupMediaJobRequestSchema = z.object({
  groupJids: z
    .array(zGroupJid, { error: "Choose at least one group" })
    .min(1, "Choose at least one group")
    .max(MAX_GROUPS_PER_JOB, `At most ${MAX_GROUPS_PER_JOB} groups in one job`)
    .transform((jids) => [...new Set(jids)]),
  message: z.discriminatedUnion("kind", [textMessage, mediaMessage], { error: 'The message kind must be "text" or "media"' }),
  pacing: ZPacingSchema.prefault({ preset: "standard" }),
  start: ZStartSchema.prefault({}),
});
