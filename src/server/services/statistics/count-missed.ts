import { db } from "../../db";
import { countMessage } from "./count-message";
import { FLAGS_FOR_STATE_SQL, type CountEvent } from "./stat-flags";

/**
 * Counts messages since `since` whose state is ahead of their flags: their events were published while no consumer
 * listened (a crash between storing and counting, or a restart). Walks the timestamp index, a page at a time.
 */
export async function countMissed(since: Date): Promise<number> {
  let counted = 0;
  let afterId = 0;
  for (;;) {
    const rows = await db().$queryRawUnsafe<Array<{ id: number; status: string }>>(
      `SELECT id, status FROM Message
        WHERE \`timestamp\` >= ? AND id > ? AND (statFlags & ${FLAGS_FOR_STATE_SQL}) <> ${FLAGS_FOR_STATE_SQL}
        ORDER BY id LIMIT 500`,
      since,
      afterId,
    );
    for (const row of rows) {
      const event: CountEvent = row.status === "read" || row.status === "delivered" || row.status === "failed" ? row.status : "stored";
      if (await countMessage(row.id, event)) counted += 1;
    }
    if (rows.length < 500) return counted;
    afterId = rows[rows.length - 1]!.id;
  }
}
