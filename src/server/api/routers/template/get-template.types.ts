import { ZTemplateSchema } from "./template-schema";

export const ZGetTemplateResponseSchema = ZTemplateSchema;
