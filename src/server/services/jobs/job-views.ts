import { Prisma } from "@/generated/prisma/client";
import type { MessageStatus } from "@/generated/prisma/enums";
import { db } from "../../db";
import { readJobPayload, type JobPayload } from "./job-payload";
import { pendingCount } from "./job-progress";

export const jobSelect = {
  id: true,
  ownerId: true,
  type: true,
  status: true,
  pauseReason: true,
  error: true,
  delayMinMs: true,
  delayMaxMs: true,
  total: true,
  completed: true,
  failed: true,
  skipped: true,
  cancelled: true,
  payload: true,
  resumeAt: true,
  timezone: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
  updatedAt: true,
  device: { select: { deviceId: true, deviceName: true } },
  owner: { select: { id: true, username: true } },
} as const satisfies Prisma.JobSelect;

type JobRow = Prisma.JobGetPayload<{ select: typeof jobSelect }>;

export interface JobView extends Omit<JobRow, "payload"> {
  payload: JobPayload;
  pending: number;
  /** Of the sent messages, how many WhatsApp reported delivered and read (read counts as delivered too). */
  delivered: number;
  read: number;
}

/** Delivery receipts of each job's messages, in one grouped query for a page of jobs. */
async function receiptCounts(jobIds: number[]): Promise<Map<number, { delivered: number; read: number }>> {
  const counts = new Map<number, { delivered: number; read: number }>();
  if (jobIds.length === 0) return counts;
  const rows = await db().$queryRaw<Array<{ jobId: number; status: MessageStatus; n: bigint | number }>>`
    SELECT ji.\`jobId\` AS jobId, m.\`status\` AS status, COUNT(*) AS n
      FROM \`JobItem\` ji JOIN \`Message\` m ON m.\`jobItemId\` = ji.\`id\`
     WHERE ji.\`jobId\` IN (${Prisma.join(jobIds)}) AND m.\`status\` IN ('delivered', 'read')
     GROUP BY ji.\`jobId\`, m.\`status\``;
  for (const row of rows) {
    const entry = counts.get(Number(row.jobId)) ?? { delivered: 0, read: 0 };
    if (row.status === "read") entry.read += Number(row.n);
    entry.delivered += Number(row.n);
    counts.set(Number(row.jobId), entry);
  }
  return counts;
}

export async function toJobViews(rows: JobRow[]): Promise<JobView[]> {
  const receipts = await receiptCounts(rows.map((r) => r.id));
  return rows.map((row) => ({
    ...row,
    payload: readJobPayload(row.payload),
    pending: pendingCount(row),
    delivered: receipts.get(row.id)?.delivered ?? 0,
    read: receipts.get(row.id)?.read ?? 0,
  }));
}
