import { z } from "zod";
import { zChatJid } from "./chat-schema";

export const ZChatIdentityRequestSchema = z.object({ chatJid: zChatJid });
export const ZChatIdentityResponseSchema = z.object({ name: z.string().nullable(), saved: z.boolean() });

export const ZMarkChatReadRequestSchema = z.object({ chatJid: zChatJid });
export const ZMarkChatReadResponseSchema = z.object({ unreadCleared: z.boolean() });

export type TChatIdentityRequest = z.infer<typeof ZChatIdentityRequestSchema>;
export type TChatIdentityResponse = z.infer<typeof ZChatIdentityResponseSchema>;
export type TMarkChatReadRequest = z.infer<typeof ZMarkChatReadRequestSchema>;
export type TMarkChatReadResponse = z.infer<typeof ZMarkChatReadResponseSchema>;
