import type { Prisma } from "@/generated/prisma/client";
import { dateColumn } from "./reporting-day";

/** Amounts to add to one device's day. */
export interface DailyDelta {
  incoming: number;
  outgoing: number;
  activeChats: number;
  incomingChats: number;
  repliedChats: number;
  delivered: number;
  read: number;
  failed: number;
}

export const emptyDelta = (): DailyDelta => ({ incoming: 0, outgoing: 0, activeChats: 0, incomingChats: 0, repliedChats: 0, delivered: 0, read: 0, failed: 0 });

/**
 * Adds to a device's day in one statement. MariaDB evaluates the assignments left to right with the new values, so
 * the response rate is recomputed from the counters just updated.
 */
export async function addToDay(tx: Prisma.TransactionClient, deviceId: number, day: string, d: DailyDelta): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO DailyStatistic (deviceId, date, incoming, outgoing, activeChats, incomingChats, repliedChats, responseRate, delivered, \`read\`, failed, updatedAt)
    VALUES (${deviceId}, ${dateColumn(day)}, ${d.incoming}, ${d.outgoing}, ${d.activeChats}, ${d.incomingChats}, ${d.repliedChats},
            ${d.incomingChats > 0 ? d.repliedChats / d.incomingChats : 0}, ${d.delivered}, ${d.read}, ${d.failed}, NOW(3))
    ON DUPLICATE KEY UPDATE
      incoming = incoming + VALUES(incoming),
      outgoing = outgoing + VALUES(outgoing),
      activeChats = activeChats + VALUES(activeChats),
      incomingChats = incomingChats + VALUES(incomingChats),
      repliedChats = repliedChats + VALUES(repliedChats),
      responseRate = IF(incomingChats > 0, repliedChats / incomingChats, 0),
      delivered = delivered + VALUES(delivered),
      \`read\` = \`read\` + VALUES(\`read\`),
      failed = failed + VALUES(failed),
      updatedAt = VALUES(updatedAt)`;
}
