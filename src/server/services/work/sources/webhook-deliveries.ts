import { Prisma } from "@/generated/prisma/client";
import { db } from "../../../db";
import { runDelivery } from "../../webhooks/run-delivery";
import { webhookPolicy, type WebhookPolicy } from "../../webhooks/retry-schedule";
import { claimIsFree } from "../../../jobs/worker-instance";
import type { DevicelessWork, DevicelessWorkSource } from "../../../jobs/work-source";

const NAME = "webhook-delivery";

/**
 * Due webhook deliveries as runner work. Like the other sources, a claim stamps claimedAt/claimedBy and bumps
 * `attempts` (the fencing token) in one READ COMMITTED transaction with SKIP LOCKED, so runners never share an item.
 */
export function webhookDeliverySource(opts: { policy?: Partial<WebhookPolicy>; concurrency?: number } = {}): DevicelessWorkSource {
  return {
    name: NAME,
    concurrency: opts.concurrency ?? 8,

    async claim({ limit, now, staleBefore, instanceId, liveAfter }): Promise<DevicelessWork[]> {
      if (limit <= 0) return [];
      return db().$transaction(
        async (tx) => {
          const rows = await tx.$queryRaw<Array<{ id: number; attempts: number }>>`
            SELECT \`id\`, \`attempts\` FROM \`WebhookDelivery\`
            WHERE \`status\` = 'pending' AND \`nextAttemptAt\` <= ${now}
              AND ${claimIsFree({ staleBefore, liveAfter })}
            ORDER BY \`nextAttemptAt\`, \`id\`
            LIMIT ${limit}
            FOR UPDATE SKIP LOCKED`;
          if (rows.length === 0) return [];
          await tx.$executeRaw`
            UPDATE \`WebhookDelivery\` SET \`claimedAt\` = ${now}, \`claimedBy\` = ${instanceId}, \`attempts\` = \`attempts\` + 1, \`updatedAt\` = ${now}
            WHERE \`id\` IN (${Prisma.join(rows.map((r) => r.id))})`;
          return rows.map((r) => ({ id: Number(r.id), claim: Number(r.attempts) + 1 }));
        },
        { isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted },
      );
    },

    // Read per run, so a changed WEBHOOK_* setting applies without recreating the source.
    run: (work) => runDelivery(work, webhookPolicy(opts.policy)),

    async renew(work, now) {
      const { count } = await db().webhookDelivery.updateMany({ where: { id: work.id, status: "pending", attempts: work.claim }, data: { claimedAt: now } });
      return count === 1;
    },

    async backlog(now) {
      const { _count, _min } = await db().webhookDelivery.aggregate({
        where: { status: "pending", nextAttemptAt: { lte: now } },
        _count: true,
        _min: { nextAttemptAt: true },
      });
      return { depth: _count, oldestDueAt: _min.nextAttemptAt };
    },
  };
}
