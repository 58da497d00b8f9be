import { z } from "zod";
import { ZListedMessageSchema } from "./message-schema";

export const ZRecentMessagesRequestSchema = z
  .object({ limit: z.number().int().min(1, "Limit must be at least 1").max(50, "Limit must be at most 50").default(10) })
  .default({ limit: 10 });
export const ZRecentMessagesResponseSchema = z.object({ items: z.array(ZListedMessageSchema) });

export type TRecentMessagesRequest = z.infer<typeof ZRecentMessagesRequestSchema>;
export type TRecentMessagesResponse = z.infer<typeof ZRecentMessagesResponseSchema>;
