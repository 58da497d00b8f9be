import { z } from "zod";
import { ZChatSummarySchema, zDate, zPageLimit, zTimeZone } from "./chat-schema";

export const ZListDailyChatsRequestSchema = z.object({
  /** The local day (YYYY-MM-DD); today in `timezone` when absent. */
  date: zDate.optional(),
  /** IANA time zone the day is read in (the browser's). */
  timezone: zTimeZone.default("UTC"),
  limit: zPageLimit(500, 200),
});
export const ZListDailyChatsResponseSchema = z.object({
  date: z.string(),
  timezone: z.string(),
  items: z.array(ZChatSummarySchema),
  totalChats: z.number().int(),
});

export type TListDailyChatsRequest = z.infer<typeof ZListDailyChatsRequestSchema>;
export type TListDailyChatsResponse = z.infer<typeof ZListDailyChatsResponseSchema>;
