import type { DeviceStatus } from "@/generated/prisma/enums";
import { OWNED_DEVICE_BY_ACCOUNT_SQL } from "../../authz/where";
import { SESSION_ACCOUNT_COLUMNS, sessionAccountOf, type AccountRow, type SessionAccount } from "../auth/session-account";
import { driverDate, driverPool } from "../../db/driver-pool";
import type { DeviceRow } from "./types";

/** Device `d` and its owner `o`, as `deviceSelect` returns them. */
const DEVICE_COLUMNS = `d.\`id\` AS deviceRowId, d.\`deviceId\`, d.\`deviceName\`, d.\`ownerId\`, d.\`phoneNumber\`, d.\`status\`, d.\`autoConnect\`, d.\`lastError\`,
  d.\`lastSeen\`, d.\`createdAt\` AS deviceCreatedAt, d.\`updatedAt\` AS deviceUpdatedAt, o.\`username\` AS ownerUsername, o.\`email\` AS ownerEmail`;

interface OwnedDeviceRow {
  deviceRowId: number;
  deviceId: string;
  deviceName: string;
  ownerId: number;
  phoneNumber: string | null;
  status: DeviceStatus;
  autoConnect: number | boolean;
  lastError: string | null;
  lastSeen: string | null;
  deviceCreatedAt: string;
  deviceUpdatedAt: string;
  ownerUsername: string;
  ownerEmail: string;
}

/**
 * A session's account and the device a device-scoped call names, as the account may see it, in one statement: every
 * send starts with both. Null when the account is gone; `device` null when it does not exist or is not the account's.
 */
export async function readAccountAndOwnedDevice(userId: number, deviceId: string): Promise<{ account: SessionAccount; device: DeviceRow | null } | null> {
  // The device's columns are all NULL when the LEFT JOIN found no device the account may see.
  const [row] = await driverPool().query<Array<AccountRow & (OwnedDeviceRow | { [K in keyof OwnedDeviceRow]: null })>>(
    `SELECT ${SESSION_ACCOUNT_COLUMNS}, ${DEVICE_COLUMNS}
       FROM \`User\` u
       LEFT JOIN (\`Device\` d JOIN \`User\` o ON o.\`id\` = d.\`ownerId\`) ON d.\`deviceId\` = ? AND ${OWNED_DEVICE_BY_ACCOUNT_SQL}
      WHERE u.\`id\` = ?`,
    [deviceId, userId],
  );
  if (!row) return null;
  return { account: sessionAccountOf(row), device: row.deviceRowId === null ? null : deviceRowOf(row as OwnedDeviceRow) };
}

function deviceRowOf(row: OwnedDeviceRow): DeviceRow {
  return {
    id: Number(row.deviceRowId),
    deviceId: row.deviceId,
    deviceName: row.deviceName,
    ownerId: Number(row.ownerId),
    phoneNumber: row.phoneNumber,
    status: row.status,
    autoConnect: Boolean(Number(row.autoConnect)),
    lastError: row.lastError,
    lastSeen: row.lastSeen === null ? null : driverDate(row.lastSeen),
    createdAt: driverDate(row.deviceCreatedAt),
    updatedAt: driverDate(row.deviceUpdatedAt),
    owner: { id: Number(row.ownerId), username: row.ownerUsername, email: row.ownerEmail },
  };
}
