import type { DeviceStatus } from "@/generated/prisma/enums";
import type { Actor } from "../../authz/actor";
import { ownedDeviceCondition } from "../../authz/where";
import { driverDate, driverPool } from "../../db/driver-pool";
import type { DeviceRow } from "./types";

interface OwnedDeviceRow {
  id: number;
  deviceId: string;
  deviceName: string;
  ownerId: number;
  phoneNumber: string | null;
  status: DeviceStatus;
  autoConnect: number | boolean;
  lastError: string | null;
  lastSeen: string | null;
  createdAt: string;
  updatedAt: string;
  ownerUsername: string;
  ownerEmail: string;
}

/**
 * The device named `deviceId` as the caller may see it (`deviceSelect`), or null: admins see every device, users
 * their own (`ownedDeviceCondition`). One statement on the driver pool: every device-scoped API call (each
 * send among them) starts with it.
 */
export async function findOwnedDevice(actor: Actor, deviceId: string): Promise<DeviceRow | null> {
  const owned = ownedDeviceCondition(actor);
  const [row] = await driverPool().query<OwnedDeviceRow[]>(
    `SELECT d.\`id\`, d.\`deviceId\`, d.\`deviceName\`, d.\`ownerId\`, d.\`phoneNumber\`, d.\`status\`, d.\`autoConnect\`,
            d.\`lastError\`, d.\`lastSeen\`, d.\`createdAt\`, d.\`updatedAt\`, u.\`username\` AS ownerUsername, u.\`email\` AS ownerEmail
       FROM \`Device\` d JOIN \`User\` u ON u.\`id\` = d.\`ownerId\`
      WHERE d.\`deviceId\` = ?${owned.sql}`,
    [deviceId, ...owned.values],
  );
  if (!row) return null;
  return {
    id: Number(row.id),
    deviceId: row.deviceId,
    deviceName: row.deviceName,
    ownerId: Number(row.ownerId),
    phoneNumber: row.phoneNumber,
    status: row.status,
    autoConnect: Boolean(Number(row.autoConnect)),
    lastError: row.lastError,
    lastSeen: row.lastSeen === null ? null : driverDate(row.lastSeen),
    createdAt: driverDate(row.createdAt),
    updatedAt: driverDate(row.updatedAt),
    owner: { id: Number(row.ownerId), username: row.ownerUsername, email: row.ownerEmail },
  };
}
