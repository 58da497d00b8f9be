import { z } from "zod";
import { ZDeviceStatusSchema } from "./device-schema";

export const ZGettingStartedResponseSchema = z.object({
  steps: z.object({ createDevice: z.boolean(), connect: z.boolean(), link: z.boolean(), sendMessage: z.boolean() }),
  device: z.object({ deviceId: z.string(), deviceName: z.string(), status: ZDeviceStatusSchema }).nullable(),
});
export type TGettingStartedResponse = z.infer<typeof ZGettingStartedResponseSchema>;
