import { ZContactSchema } from "./contact-schema";

export const ZGetContactResponseSchema = ZContactSchema;
