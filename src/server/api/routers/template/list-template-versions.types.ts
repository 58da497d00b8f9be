import { z } from "zod";
import { ZTemplateSchema } from "./template-schema";

export const ZListTemplateVersionsResponseSchema = z.object({ items: z.array(ZTemplateSchema) });
export type TListTemplateVersionsResponse = z.infer<typeof ZListTemplateVersionsResponseSchema>;
