import { z } from "zod";

export const ZDeleteTemplateResponseSchema = z.object({ id: z.number().int(), baseId: z.string() });
export type TDeleteTemplateResponse = z.infer<typeof ZDeleteTemplateResponseSchema>;
