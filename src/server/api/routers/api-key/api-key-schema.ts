import { z } from "zod";
import { ZApiKeyScope } from "../../../services/api-keys/scopes";

export const ZApiKeySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(ZApiKeyScope),
  rateLimitPerMinute: z.number().int(),
  expiresAt: z.date().nullable(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
  createdAt: z.date(),
});

export const ZCreateApiKeyRequestSchema = z.object({
  name: z.string().trim().min(1, "Name the key").max(100, "Name is too long"),
  scopes: z
    .array(ZApiKeyScope)
    .min(1, "Choose at least one scope")
    .max(4)
    .transform((scopes) => [...new Set(scopes)]),
  /** Null: the key never expires. */
  expiresAt: z.coerce.date().nullable().default(null),
  rateLimitPerMinute: z.number().int().min(1, "At least 1 request a minute").max(6000, "At most 6000 requests a minute").default(120),
});
export const ZCreateApiKeyResponseSchema = z.object({ key: ZApiKeySchema, token: z.string() });

export const ZRevokeApiKeyRequestSchema = z.object({ apiKeyId: z.number().int().positive() });
