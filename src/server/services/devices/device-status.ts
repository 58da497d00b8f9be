import type { DeviceStatus } from "@/generated/prisma/enums";
import { findConnectionManager } from "../../whatsapp/registry";
import type { DeviceRow } from "./types";

export interface DeviceStatusView {
  deviceId: string;
  status: DeviceStatus;
  phoneNumber: string | null;
  lastError: string | null;
  lastSeen: Date | null;
  autoConnect: boolean;
  /** Whether this server holds an open socket for the device right now. */
  online: boolean;
  /** Whether a QR code is waiting to be scanned (fetch it with device.qr / device.qrImage). */
  qrAvailable: boolean;
}

export function deviceStatus(device: DeviceRow): DeviceStatusView {
  const manager = findConnectionManager();
  return {
    deviceId: device.deviceId,
    status: device.status,
    phoneNumber: device.phoneNumber,
    lastError: device.lastError,
    lastSeen: device.lastSeen,
    autoConnect: device.autoConnect,
    online: manager?.isConnected(device.deviceId) ?? false,
    qrAvailable: manager?.qr(device.deviceId) != null,
  };
}
