import { z } from "zod";

export const ZSyncContactsFromDeviceResponseSchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});
export type TSyncContactsFromDeviceResponse = z.infer<typeof ZSyncContactsFromDeviceResponseSchema>;
