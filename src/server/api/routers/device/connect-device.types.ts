import { z } from "zod";
import { ZDeviceStatusSchema } from "./device-schema";

export const ZConnectDeviceResponseSchema = z.object({ deviceId: z.string(), status: ZDeviceStatusSchema });
export type TConnectDeviceResponse = z.infer<typeof ZConnectDeviceResponseSchema>;
