import { connectionManager } from "../../whatsapp/registry";
import { recordDeviceAction } from "./connect-device";
import { mapWaError } from "./map-wa-error";
import type { DeviceRow, ServiceCall } from "./types";

/** Owner or admin: ends the socket without logging out; the device stays paired but is no longer restored. */
export async function disconnectDevice(input: ServiceCall & { device: DeviceRow }): Promise<{ deviceId: string }> {
  await connectionManager().disconnect(input.device.deviceId).catch(mapWaError);
  await recordDeviceAction(input, "device.disconnect");
  return { deviceId: input.device.deviceId };
}
