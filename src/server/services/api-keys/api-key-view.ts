import type { Prisma } from "@/generated/prisma/client";
import { parseScopes, type ApiKeyScope } from "./scopes";

export const apiKeySelect = {
  id: true,
  name: true,
  prefix: true,
  scopes: true,
  rateLimitPerMinute: true,
  expiresAt: true,
  lastUsedAt: true,
  revokedAt: true,
  createdAt: true,
} as const;

type ApiKeyRow = Prisma.ApiKeyGetPayload<{ select: typeof apiKeySelect }>;

export interface ApiKeyView extends Omit<ApiKeyRow, "scopes"> {
  scopes: ApiKeyScope[];
}

export function toApiKeyView(row: ApiKeyRow): ApiKeyView {
  return { ...row, scopes: parseScopes(row.scopes) };
}
