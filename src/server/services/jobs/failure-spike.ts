import { db } from "../../db";

export interface FailureSpikePolicy {
  /** This many failed sends in a row pause the job. Default 5. */
  inARow: number;
  /** Of the last `window` sends, this share failing pauses the job. Default 20% of 50. */
  window: number;
  share: number;
}

export const DEFAULT_SPIKE_POLICY: FailureSpikePolicy = { inARow: 5, window: 50, share: 0.2 };

/**
 * The reason to pause a job whose recent sends fail too often (a blocked number, a bad list), or null. Looks only at
 * sends (sent or failed), newest first; skipped recipients are not sends.
 */
export async function failureSpikeReason(jobId: number, policy: FailureSpikePolicy = DEFAULT_SPIKE_POLICY): Promise<string | null> {
  const recent = await db().jobItem.findMany({
    where: { jobId, status: { in: ["sent", "failed"] }, finishedAt: { not: null } },
    orderBy: [{ finishedAt: "desc" }, { id: "desc" }],
    take: Math.max(policy.inARow, policy.window),
    select: { status: true },
  });
  const head = recent.slice(0, policy.inARow);
  if (head.length === policy.inARow && head.every((r) => r.status === "failed")) {
    return `Paused: the last ${policy.inARow} messages in a row could not be sent`;
  }
  const failed = recent.filter((r) => r.status === "failed").length;
  if (recent.length >= policy.window && failed >= Math.ceil(policy.window * policy.share)) {
    return `Paused: ${failed} of the last ${recent.length} messages could not be sent`;
  }
  return null;
}
