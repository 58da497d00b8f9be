import { z } from "zod";
import { MessageDirection, MessageOrigin, MessageStatus, MessageType } from "@/generated/prisma/enums";
import { ZMediaSummarySchema } from "./media-schema";

/** Who sent a message and whose device it is (messageOriginSelect), as read; see toOriginView. */
export const ZMessageOriginFields = {
  ownerId: z.number().int(),
  origin: z.enum(MessageOrigin).nullable(),
  sentBy: z.object({ id: z.number().int(), username: z.string(), fullName: z.string().nullable() }).nullable(),
};

interface OriginRow {
  ownerId: number;
  sentBy: { id: number; username: string; fullName: string | null } | null;
}

/**
 * What the browser learns about the sender: only the name of a person other than the device's owner (an admin
 * sending from a user's device) — no user ids. Applied by every message schema's transform.
 */
export function toOriginView<T extends OriginRow>(row: T): Omit<T, "ownerId" | "sentBy"> & { sentBy: { name: string } | null } {
  const { ownerId, sentBy, ...rest } = row;
  return { ...rest, sentBy: sentBy && sentBy.id !== ownerId ? { name: sentBy.fullName || sentBy.username } : null };
}

/** The chat's display name (saved contact, else push name; null → show the number) and whether it is a saved contact. */
export const ZChatNameFields = { chatName: z.string().nullable(), chatNameSaved: z.boolean() };

/** A message as read (messageSelect), before toOriginView. */
const ZMessageRowSchema = z.object({
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

/** The sender as toOriginView leaves it; the pipe also gives the OpenAPI document the shape after the transform. */
export const ZSenderViewFields = { sentBy: z.object({ name: z.string() }).nullable() };
const ZMessageViewSchema = ZMessageRowSchema.omit({ ownerId: true, sentBy: true }).extend(ZSenderViewFields);

/** A message as the API returns it. */
export const ZMessageSchema = ZMessageRowSchema.transform(toOriginView).pipe(ZMessageViewSchema);

/** A message in a listing, with its chat's display name. */
export const ZListedMessageSchema = ZMessageRowSchema.extend(ZChatNameFields)
  .transform(toOriginView)
  .pipe(ZMessageViewSchema.extend(ZChatNameFields));
