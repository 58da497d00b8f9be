import { z } from "zod";
import { MessageDirection } from "@/generated/prisma/enums";
import { zDeviceId } from "../../procedures";
import { toOriginView, ZChatNameFields, ZSenderViewFields } from "../message/message-schema";
import { ZChatMessageRowSchema, zDate, zMessageCursor, zPageLimit, zTimeZone } from "./chat-schema";

const blankAsUndefined = (value: string | undefined) => value || undefined;

export const ZSearchMessagesRequestSchema = z
  .object({
    deviceId: zDeviceId.optional(),
    from: zDate.optional(),
    to: zDate.optional(),
    timezone: zTimeZone.default("UTC"),
    /** A phone number (any format), part of one, a jid, or a saved contact's name. */
    contact: z.string().trim().max(100, "Contact is too long").optional().transform(blankAsUndefined),
    text: z.string().trim().max(200, "Search text is too long").optional().transform(blankAsUndefined),
    /** Not `direction`: tRPC's infinite queries add their own `direction` (paging direction) to the input. */
    messageDirection: z.enum(MessageDirection).optional(),
    cursor: zMessageCursor.optional(),
    limit: zPageLimit(100, 25),
  })
  .refine((input) => !input.from || !input.to || input.from <= input.to, { message: "The start date is after the end date", path: ["to"] });
const ZFoundMessageRowSchema = ZChatMessageRowSchema.extend({
  device: z.object({ deviceId: z.string(), deviceName: z.string() }),
  ...ZChatNameFields,
});
export const ZFoundMessageSchema = ZFoundMessageRowSchema.transform(toOriginView).pipe(
  ZFoundMessageRowSchema.omit({ ownerId: true, sentBy: true }).extend(ZSenderViewFields),
);
export const ZSearchMessagesResponseSchema = z.object({ items: z.array(ZFoundMessageSchema), nextCursor: z.string().nullable() });

export type TSearchMessagesRequest = z.infer<typeof ZSearchMessagesRequestSchema>;
export type TSearchMessagesResponse = z.infer<typeof ZSearchMessagesResponseSchema>;
