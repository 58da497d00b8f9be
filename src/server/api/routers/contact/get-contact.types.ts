import { ZContactWithOptOutSchema } from "./contact-schema";

export const ZGetContactResponseSchema = ZContactWithOptOutSchema;
