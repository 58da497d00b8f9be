import { db } from "../../db";
import { apiKeySelect, toApiKeyView, type ApiKeyView } from "./api-key-view";

/** The caller's own keys, newest first (revoked ones too, so the owner sees what stopped working and when). */
export async function listApiKeys(userId: number): Promise<ApiKeyView[]> {
  const rows = await db().apiKey.findMany({ where: { userId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: apiKeySelect, take: 200 });
  return rows.map(toApiKeyView);
}
