import { recordActivity } from "../activity/record-activity";
import { recordAudit } from "../audit/record-audit";
import type { ServiceCall } from "../devices/types";

/** Key actions land in the owner's activity; an admin's keys can carry admin powers, so theirs are audited too. */
export async function recordKeyAction(
  call: ServiceCall,
  action: "apiKey.create" | "apiKey.revoke",
  key: { id: number; name: string; prefix: string; scopes: string[] },
): Promise<void> {
  const details = { apiKeyId: key.id, name: key.name, prefix: key.prefix, scopes: key.scopes.join(", ") };
  await recordActivity({ userId: call.actor.id, action, details, ip: call.meta.ip });
  if (call.actor.role === "admin") {
    await recordAudit({ actorId: call.actor.id, action, targetType: "apiKey", targetId: key.id, details, ip: call.meta.ip });
  }
}
