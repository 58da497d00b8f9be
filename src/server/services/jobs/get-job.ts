import type { Actor } from "../../authz/actor";
import { ownedByActor } from "../../authz/where";
import { AppError } from "../../errors";
import { db } from "../../db";
import { jobSelect, toJobViews, type JobView } from "./job-views";

export interface JobDetail extends JobView {
  /** Messages the job's recipients sent to the device since the job started, and how many recipients replied. */
  replies: { messages: number; recipients: number };
}

/** One job with its receipts and replies; another user's job is NOT_FOUND. */
export async function getJob(actor: Actor, id: number): Promise<JobDetail> {
  const row = await db().job.findFirst({ where: { id, ...ownedByActor(actor) }, select: { ...jobSelect, deviceId: true } });
  if (!row) throw new AppError("NOT_FOUND", "Job not found");
  const { deviceId, ...job } = row;
  const [view] = await toJobViews([job]);
  const since = job.startedAt ?? job.createdAt;
  const [replies] = await db().$queryRaw<Array<{ messages: bigint | number; recipients: bigint | number }>>`
    SELECT COUNT(*) AS messages, COUNT(DISTINCT m.\`chatJid\`) AS recipients
      FROM \`Message\` m
     WHERE m.\`deviceId\` = ${deviceId} AND m.\`direction\` = 'incoming' AND m.\`timestamp\` >= ${since}
       AND m.\`chatJid\` IN (SELECT CONCAT(SUBSTRING(ji.\`recipient\`, 2), '@s.whatsapp.net') FROM \`JobItem\` ji
                              WHERE ji.\`jobId\` = ${job.id} AND ji.\`status\` = 'sent')`;
  return { ...view!, replies: { messages: Number(replies?.messages ?? 0), recipients: Number(replies?.recipients ?? 0) } };
}
