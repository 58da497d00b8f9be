import { db } from "../../db";
import { settleJob } from "./finish-item";

/**
 * Running jobs whose counters already account for every item: the process that counted the last item died before
 * it could end the job (finishItem commits the count, then settles). Found by the group SIGKILL trials.
 */
export async function settleFinishedJobs(): Promise<void> {
  const rows = await db().$queryRaw<Array<{ id: number }>>`
    SELECT \`id\` FROM \`Job\`
     WHERE \`status\` = 'processing' AND \`completed\` + \`failed\` + \`skipped\` + \`cancelled\` >= \`total\`
     LIMIT 100`;
  for (const row of rows) await settleJob(Number(row.id));
}
