import { db } from "../../db";
import { AppError } from "../../errors";
import type { ServiceCall } from "../devices/types";
import { apiKeySelect, toApiKeyView, type ApiKeyView } from "./api-key-view";
import { recordKeyAction } from "./record-key-action";

/** Keys are personal: even an admin revokes only their own (another user's key does not "exist"). */
export async function revokeApiKey(input: ServiceCall & { apiKeyId: number }): Promise<ApiKeyView> {
  const where = { id: input.apiKeyId, userId: input.actor.id };
  const { count } = await db().apiKey.updateMany({ where: { ...where, revokedAt: null }, data: { revokedAt: new Date() } });
  const row = await db().apiKey.findFirst({ where, select: apiKeySelect });
  if (!row) throw new AppError("NOT_FOUND", "API key not found");
  const key = toApiKeyView(row);
  if (count > 0) await recordKeyAction(input, "apiKey.revoke", key);
  return key;
}
