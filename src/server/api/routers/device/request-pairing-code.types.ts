import { z } from "zod";
import { zPhone } from "@/lib/phone";

/** The WhatsApp number of the phone that will type the code (any common format; normalised to E.164). */
export const ZRequestPairingCodeRequestSchema = z.object({ phoneNumber: zPhone });
export const ZRequestPairingCodeResponseSchema = z.object({ deviceId: z.string(), code: z.string().length(8) });

export type TRequestPairingCodeRequest = z.infer<typeof ZRequestPairingCodeRequestSchema>;
export type TRequestPairingCodeResponse = z.infer<typeof ZRequestPairingCodeResponseSchema>;
