import { z } from "zod";
import { MessageDirection, MessageStatus, MessageType } from "@/generated/prisma/enums";
import { ZMediaSummarySchema } from "../message/media-schema";
import { toOriginView, ZMessageOriginFields, ZSenderViewFields } from "../message/message-schema";
import { canonicalTimeZone } from "../../../services/scheduled/zoned-time";

export const zChatJid = z
  .string({ error: "Enter a chat id" })
  .trim()
  .max(128, "Chat id is too long")
  .regex(/^[\w.:-]+@[\w.]+$/, "Chat id must be a WhatsApp jid such as 6281234567890@s.whatsapp.net");

export const zGroupJid = zChatJid.refine((jid) => jid.endsWith("@g.us"), "A group id ends with @g.us");

/** A page position as returned in `nextCursor`: "<epoch ms>:<id>". */
export const zMessageCursor = z.string().max(40, "The page cursor is not valid").regex(/^\d{1,15}:\d{1,10}$/, "The page cursor is not valid");

export const zDate = z
  .string({ error: "Enter a date" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Write the date as YYYY-MM-DD")
  .refine((value) => new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), "This date does not exist");

export const zTimeZone = z
  .string()
  .trim()
  .max(64, "Time zone is too long")
  .transform((value, ctx) => {
    const zone = canonicalTimeZone(value);
    if (!zone) {
      ctx.addIssue({ code: "custom", message: `"${value.slice(0, 64)}" is not a known time zone (use an IANA name such as Asia/Jakarta)` });
      return z.NEVER;
    }
    return zone;
  });

export const zPageLimit = (max: number, fallback: number) =>
  z.number().int().min(1, "Limit must be at least 1").max(max, `Limit must be at most ${max}`).default(fallback);

/** A message inside a conversation as read (chatMessageSelect), before toOriginView. */
export const ZChatMessageRowSchema = z.object({
  id: z.number().int(),
  waMessageId: z.string().nullable(),
  chatJid: z.string(),
  fromJid: z.string(),
  toJid: z.string(),
  type: z.enum(MessageType),
  content: z.string().nullable(),
  direction: z.enum(MessageDirection),
  status: z.enum(MessageStatus),
  error: z.string().nullable(),
  timestamp: z.date(),
  media: ZMediaSummarySchema.nullable(),
  ...ZMessageOriginFields,
});

/** A message inside a conversation. */
export const ZChatMessageSchema = ZChatMessageRowSchema.transform(toOriginView).pipe(
  ZChatMessageRowSchema.omit({ ownerId: true, sentBy: true }).extend(ZSenderViewFields),
);

export const ZChatMessagePageSchema = z.object({ items: z.array(ZChatMessageSchema), nextCursor: z.string().nullable() });

export const ZChatSummarySchema = z.object({
  chatJid: z.string(),
  phone: z.string().nullable(),
  isGroup: z.boolean(),
  name: z.string().nullable(),
  saved: z.boolean(),
  unread: z.number().int(),
  lastMessage: z.object({
    id: z.number().int(),
    type: z.enum(MessageType),
    preview: z.string().nullable(),
    direction: z.enum(MessageDirection),
    status: z.enum(MessageStatus),
    timestamp: z.date(),
  }),
  awaitingReply: z.number().int(),
  incoming: z.number().int().nullable(),
  outgoing: z.number().int().nullable(),
});
