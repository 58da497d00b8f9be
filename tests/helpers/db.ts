import { db } from "../../src/server/db";

const TABLES = [
  "UserAvatar",
  "BotLog",
  "Handoff",
  "BotRule",
  "BotConfig",
  "Message",
  "ChatThread",
  "MediaFile",
  "OptOut",
  "JobItem",
  "Job",
  "ScheduledMessage",
  "Template",
  "ContactTag",
  "Tag",
  "Contact",
  "Group",
  "DailyStatistic",
  "DailyChatActivity",
  "AppSetting",
  "WaAuthEntry",
  "Device",
  "AuditLog",
  "ActivityLog",
  "ApiKey",
  "SendCount",
  "User",
];

/**
 * Empties every table (children first). FOREIGN_KEY_CHECKS is per connection: the transaction pins one, so the
 * switch-back cannot land on another pooled connection and leave it with cascades silently off.
 */
export async function resetDb(): Promise<void> {
  await db().$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SET FOREIGN_KEY_CHECKS = 0");
    try {
      for (const table of TABLES) await tx.$executeRawUnsafe(`DELETE FROM \`${table}\``);
    } finally {
      await tx.$executeRawUnsafe("SET FOREIGN_KEY_CHECKS = 1");
    }
  }, { timeout: 60_000 });
}

/** Counts rows in every table: tests assert that a refused call wrote nothing. */
export async function rowCounts(): Promise<Record<string, number>> {
  const prisma = db();
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const rows = await prisma.$queryRawUnsafe<Array<{ n: bigint | number }>>(`SELECT COUNT(*) AS n FROM \`${table}\``);
    counts[table] = Number(rows[0]?.n ?? 0);
  }
  return counts;
}
