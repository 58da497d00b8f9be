import { connectionManager } from "../../whatsapp/registry";
import { recordDeviceAction } from "./connect-device";
import { mapWaError } from "./map-wa-error";
import type { DeviceRow, ServiceCall } from "./types";

/** Owner or admin: links the device by an 8-character code typed on the phone `phoneNumber` (E.164). */
export async function requestPairingCode(input: ServiceCall & { device: DeviceRow; phoneNumber: string }): Promise<{ deviceId: string; code: string }> {
  const code = await connectionManager().requestPairingCode(input.device.deviceId, input.phoneNumber).catch(mapWaError);
  await recordDeviceAction(input, "device.pairingCode");
  return { deviceId: input.device.deviceId, code };
}
