import type { Prisma } from "@/generated/prisma/client";
import { recordActivity } from "../activity/record-activity";
import { recordAudit } from "../audit/record-audit";
import type { ServiceCall } from "../devices/types";

export type BotAction =
  | "bot.config.update"
  | "bot.rule.create"
  | "bot.rule.update"
  | "bot.rule.delete"
  | "bot.rule.reorder"
  | "bot.handoff.resume";

/** The actor's activity; an admin changing a user's bot is audited too (like job control). */
export async function recordBotChange(call: ServiceCall & { device: { deviceId: string; ownerId: number }; action: BotAction; details?: Prisma.JsonObject }): Promise<void> {
  const details = { ...call.details, deviceId: call.device.deviceId };
  await recordActivity({ userId: call.actor.id, action: call.action, details, ip: call.meta.ip });
  if (call.actor.role === "admin" && call.device.ownerId !== call.actor.id) {
    await recordAudit({ actorId: call.actor.id, action: call.action, targetType: "device", targetId: call.device.deviceId, details: { ...details, ownerId: call.device.ownerId }, ip: call.meta.ip });
  }
}
