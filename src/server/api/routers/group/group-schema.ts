import { z } from "zod";
import { GroupRole } from "@/generated/prisma/enums";
import { MAX_CAPTION_LENGTH } from "@/lib/media/media-kinds";
import { zPhone } from "@/lib/phone";
import { zDeviceId } from "../../procedures";
import { MAX_TEXT_LENGTH } from "../message/send-text.types";

/** WhatsApp's limits: a subject of 100 characters, a description of 2048 (GroupSubject/description limits of the apps). */
export const MAX_SUBJECT_LENGTH = 100;
export const MAX_DESCRIPTION_LENGTH = 2048;
/** WhatsApp groups hold at most 1024 members; one request adds at most this many. */
export const MAX_PARTICIPANTS_PER_REQUEST = 256;

export const zGroupJid = z
  .string({ error: "Choose a group" })
  .max(128, "The group id is too long")
  .regex(/^\d{6,40}(-\d{1,20})?@g\.us$/, "Not a WhatsApp group id");

export const ZGroupRefSchema = z.object({ deviceId: zDeviceId, groupJid: zGroupJid });

const zSubject = z
  .string({ error: "Enter a subject" })
  .trim()
  .min(1, "Enter a subject")
  .max(MAX_SUBJECT_LENGTH, `A subject can be at most ${MAX_SUBJECT_LENGTH} characters`);

const zPhones = z
  .array(zPhone, { error: "Enter at least one phone number" })
  .min(1, "Enter at least one phone number")
  .max(MAX_PARTICIPANTS_PER_REQUEST, `At most ${MAX_PARTICIPANTS_PER_REQUEST} numbers at once`)
  .transform((phones) => [...new Set(phones)]);

const zText = z
  .string({ error: "Enter a message" })
  .refine((t) => t.trim().length > 0, "Enter a message")
  .refine((t) => t.length <= MAX_TEXT_LENGTH, `A message can be at most ${MAX_TEXT_LENGTH} characters`);

export const ZCreateGroupRequestSchema = z.object({ deviceId: zDeviceId, subject: zSubject, participants: zPhones });
export const ZParticipantsRequestSchema = ZGroupRefSchema.extend({ participants: zPhones });
export const ZSendGroupTextRequestSchema = ZGroupRefSchema.extend({ text: zText });
export const ZSendGroupMediaRequestSchema = ZGroupRefSchema.extend({
  mediaId: z.number({ error: "Choose a file to send" }).int().positive("Choose a file to send"),
  caption: z
    .string()
    .max(MAX_CAPTION_LENGTH, `A caption can be at most ${MAX_CAPTION_LENGTH} characters`)
    .optional()
    .transform((caption) => (caption?.trim() ? caption : undefined)),
  sendAs: z.enum(["auto", "document"], { error: 'sendAs must be "auto" or "document"' }).default("auto"),
});
export const ZUpdateSubjectRequestSchema = ZGroupRefSchema.extend({ subject: zSubject });
export const ZUpdateDescriptionRequestSchema = ZGroupRefSchema.extend({
  description: z
    .string()
    .max(MAX_DESCRIPTION_LENGTH, `A description can be at most ${MAX_DESCRIPTION_LENGTH} characters`)
    .transform((d) => (d.trim() ? d : null)),
});

export const ZGroupSummarySchema = z.object({
  groupJid: z.string(),
  subject: z.string(),
  memberCount: z.number().int(),
  isMember: z.boolean(),
  updatedAt: z.date(),
});

export const ZGroupDetailsSchema = z.object({
  groupJid: z.string(),
  subject: z.string(),
  description: z.string().nullable(),
  ownerJid: z.string().nullable(),
  creation: z.date().nullable(),
  isMember: z.boolean(),
  selfRole: z.enum(GroupRole).nullable(),
  participants: z.array(
    z.object({ jid: z.string(), phone: z.string().nullable(), name: z.string().nullable(), role: z.enum(GroupRole), isSelf: z.boolean() }),
  ),
});

export const ZParticipantResultsSchema = z.array(
  z.object({
    phone: z.string(),
    result: z.enum(["done", "already_member", "not_on_whatsapp", "not_member", "privacy_restricted", "recently_left", "not_allowed", "group_full", "failed"]),
  }),
);

export const ZInviteSchema = z.object({ code: z.string(), link: z.string() });
