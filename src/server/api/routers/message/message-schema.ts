import { z } from "zod";
import { MessageDirection, MessageOrigin, MessageStatus, MessageType } from "@/generated/prisma/enums";
import { ZMediaSummarySchema } from "./media-schema";

/** Who sent a message and whose device it is (messageOriginSelect). */
export const ZMessageOriginFields = {
  ownerId: z.number().int(),
  origin: z.enum(MessageOrigin).nullable(),
  sentBy: z.object({ id: z.number().int(), username: z.string(), fullName: z.string().nullable() }).nullable(),
};

/** The chat's display name (saved contact, else push name; null → show the number) and whether it is a saved contact. */
export const ZChatNameFields = { chatName: z.string().nullable(), chatNameSaved: z.boolean() };

/** A message as the API returns it (messageSelect). */
export const ZMessageSchema = z.object({
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
  createdAt: z.date(),
  updatedAt: z.date(),
  device: z.object({ deviceId: z.string(), deviceName: z.string() }),
  media: ZMediaSummarySchema.nullable(),
  ...ZMessageOriginFields,
});

/** A message in a listing, with its chat's display name. */
export const ZListedMessageSchema = ZMessageSchema.extend(ZChatNameFields);
