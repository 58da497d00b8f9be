import type { QrSnapshot } from "../../whatsapp/qr";
import { findConnectionManager } from "../../whatsapp/registry";
import type { DeviceRow } from "./types";

/** The QR currently waiting to be scanned, or null (connected, not pairing, or held by another server). */
export function getDeviceQr(device: DeviceRow): QrSnapshot | null {
  return findConnectionManager()?.qr(device.deviceId) ?? null;
}
