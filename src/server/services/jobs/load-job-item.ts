import type { Prisma } from "@/generated/prisma/client";
import type { JobItemStatus, JobStatus, JobType } from "@/generated/prisma/enums";
import { driverPool } from "../../db/driver-pool";

/** A claimed item with everything its send needs: its job, the job's device, its stored message and any opt-out. */
export interface LoadedJobItem {
  id: number;
  jobId: number;
  recipient: string;
  payload: Prisma.JsonValue;
  status: JobItemStatus;
  attempts: number;
  /** The Message stored by an earlier attempt (it is resent under its WhatsApp id), or null. */
  messageId: number | null;
  /** Set when the recipient is on the job owner's opt-out list. */
  optedOut: boolean;
  job: {
    ownerId: number;
    type: JobType;
    status: JobStatus;
    payload: Prisma.JsonValue;
    delayMinMs: number;
    delayMaxMs: number;
    /** Items not yet finished when this one was loaded (total less every counter), this one included. */
    pending: number;
    device: { id: number; deviceId: string; ownerId: number; phoneNumber: string | null; hourlyCap: number | null; dailyCap: number | null };
  };
}

interface ItemRow {
  id: number;
  jobId: number;
  recipient: string;
  payload: Prisma.JsonValue;
  status: JobItemStatus;
  attempts: number;
  messageId: number | bigint | null;
  optedOut: number | bigint;
  ownerId: number;
  type: JobType;
  jobStatus: JobStatus;
  jobPayload: Prisma.JsonValue;
  delayMinMs: number;
  delayMaxMs: number;
  pending: number | bigint;
  deviceDbId: number;
  deviceId: string;
  deviceOwnerId: number;
  phoneNumber: string | null;
  hourlyCap: number | null;
  dailyCap: number | null;
}

/** JSON columns come back as text from MariaDB (JSON is LONGTEXT there) and already parsed from MySQL. */
function json(value: Prisma.JsonValue): Prisma.JsonValue {
  return typeof value === "string" ? (JSON.parse(value) as Prisma.JsonValue) : value;
}

/**
 * One statement per item on the send path (it runs for every recipient of a blast): the item, its job and device,
 * the linked message and the opt-out check, which were five separate reads through Prisma.
 */
export async function loadJobItem(id: number): Promise<LoadedJobItem | null> {
  const [row] = await driverPool().query<ItemRow[]>(
    `SELECT ji.\`id\`, ji.\`jobId\`, ji.\`recipient\`, ji.\`payload\`, ji.\`status\`, ji.\`attempts\`,
            (SELECT m.\`id\` FROM \`Message\` m WHERE m.\`jobItemId\` = ji.\`id\`) AS messageId,
           EXISTS (SELECT 1 FROM \`OptOut\` o WHERE o.\`ownerId\` = j.\`ownerId\` AND o.\`phone\` = ji.\`recipient\`) AS optedOut,
           j.\`ownerId\`, j.\`type\`, j.\`status\` AS jobStatus, j.\`payload\` AS jobPayload, j.\`delayMinMs\`, j.\`delayMaxMs\`,
           j.\`total\` - j.\`completed\` - j.\`failed\` - j.\`skipped\` - j.\`cancelled\` AS pending,
           d.\`id\` AS deviceDbId, d.\`deviceId\`, d.\`ownerId\` AS deviceOwnerId, d.\`phoneNumber\`, d.\`hourlyCap\`, d.\`dailyCap\`
      FROM \`JobItem\` ji
      JOIN \`Job\` j ON j.\`id\` = ji.\`jobId\`
      JOIN \`Device\` d ON d.\`id\` = j.\`deviceId\`
     WHERE ji.\`id\` = ?`,
    [id],
  );
  if (!row) return null;
  return {
    id: Number(row.id),
    jobId: Number(row.jobId),
    recipient: row.recipient,
    payload: json(row.payload),
    status: row.status,
    attempts: Number(row.attempts),
    messageId: row.messageId === null ? null : Number(row.messageId),
    optedOut: Number(row.optedOut) === 1,
    job: {
      ownerId: Number(row.ownerId),
      type: row.type,
      status: row.jobStatus,
      payload: json(row.jobPayload),
      delayMinMs: Number(row.delayMinMs),
      delayMaxMs: Number(row.delayMaxMs),
      pending: Number(row.pending),
      device: {
        id: Number(row.deviceDbId),
        deviceId: row.deviceId,
        ownerId: Number(row.deviceOwnerId),
        phoneNumber: row.phoneNumber,
        hourlyCap: row.hourlyCap === null ? null : Number(row.hourlyCap),
        dailyCap: row.dailyCap === null ? null : Number(row.dailyCap),
      },
    },
  };
}
