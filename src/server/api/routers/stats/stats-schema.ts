import { z } from "zod";

const count = z.number().int();

/** Sums over a range, with rates (0..1). */
const ZStatTotals = z.object({
  incoming: count,
  outgoing: count,
  activeChats: count,
  incomingChats: count,
  repliedChats: count,
  delivered: count,
  read: count,
  failed: count,
  responseRate: z.number(),
  deliveredRate: z.number(),
  readRate: z.number(),
});

/** A statistics report as the API returns it (days are reporting days in `timeZone`). */
export const ZStatisticsReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  timeZone: z.string(),
  totals: ZStatTotals,
  daily: z.array(ZStatTotals.extend({ date: z.string() })),
  byDevice: z.array(ZStatTotals.extend({ deviceId: z.string(), deviceName: z.string(), ownerId: count, owner: z.string() })),
  byUser: z.array(ZStatTotals.extend({ userId: count, username: z.string() })),
  jobs: z.array(z.object({ status: z.string(), jobs: count, recipients: count, sent: count, failed: count })),
});
