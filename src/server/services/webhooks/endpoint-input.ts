import { db } from "../../db";
import { AppError } from "../../errors";
import { assertPublicDestination, parseWebhookUrl } from "./destination";
import { webhookPolicy } from "./retry-schedule";

/** A receiver the server may reach: http(s), and (unless WEBHOOK_ALLOW_PRIVATE) only public addresses. */
export async function assertUsableUrl(raw: string): Promise<void> {
  const url = parseWebhookUrl(raw);
  if (typeof url === "string") throw new AppError("INVALID_INPUT", url);
  try {
    await assertPublicDestination(url, webhookPolicy().allowPrivate);
  } catch (error) {
    if (error instanceof Error && error.name === "DestinationRefusedError") {
      throw new AppError("INVALID_INPUT", `Webhooks cannot be sent to private, loopback or link-local addresses: ${error.message}`);
    }
    throw new AppError("INVALID_INPUT", `The host ${url.hostname} could not be resolved`);
  }
}

/** The devices an endpoint is limited to must be its owner's: another user's device is NOT_FOUND, like a missing one. */
export async function assertOwnerDevices(ownerId: number, deviceIds: string[] | null | undefined): Promise<void> {
  if (!deviceIds || deviceIds.length === 0) return;
  const found = await db().device.count({ where: { ownerId, deviceId: { in: deviceIds } } });
  if (found !== new Set(deviceIds).size) throw new AppError("NOT_FOUND", "Device not found");
}
