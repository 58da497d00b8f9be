import { z } from "zod";
import { zPhone } from "@/lib/phone";
import { ZMessageSchema } from "../message/message-schema";
import { ZTemplateVariablesSchema, zTemplateId } from "./template-schema";

/** With `deviceId` (deviceProcedure): renders the template version and sends it from the device. */
export const ZUseTemplateRequestSchema = z.object({ templateId: zTemplateId, to: zPhone, variables: ZTemplateVariablesSchema });
export const ZUseTemplateResponseSchema = ZMessageSchema;

export type TUseTemplateRequest = z.infer<typeof ZUseTemplateRequestSchema>;
export type TUseTemplateResponse = z.infer<typeof ZUseTemplateResponseSchema>;
