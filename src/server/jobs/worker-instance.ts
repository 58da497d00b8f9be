import { randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import { db } from "../db";

/** Rows of instances gone this long are deleted at the next start (their claims were taken over long ago). */
const FORGET_AFTER_MS = 24 * 3600_000;

/**
 * This process's runner as a row with a heartbeat. Claims carry its id: another process treats them as dead as soon
 * as the heartbeat is older than the instance timeout, which after a SIGKILL is seconds, not the claim's lease.
 */
export class WorkerInstance {
  readonly id = randomUUID();

  async register(now: Date): Promise<void> {
    await db().workerInstance.deleteMany({ where: { heartbeatAt: { lt: new Date(now.getTime() - FORGET_AFTER_MS) } } });
    // upsert: on a slow start the heartbeat timer may have written the row first; a create would then fail forever.
    await db().workerInstance.upsert({ where: { id: this.id }, create: { id: this.id, startedAt: now, heartbeatAt: now }, update: { heartbeatAt: now } });
  }

  async beat(now: Date): Promise<void> {
    // upsert: a row deleted by an operator (or a long stall) is recreated rather than leaving claims ownerless.
    await db().workerInstance.upsert({ where: { id: this.id }, create: { id: this.id, startedAt: now, heartbeatAt: now }, update: { heartbeatAt: now } });
  }

  async unregister(): Promise<void> {
    await db().workerInstance.deleteMany({ where: { id: this.id } });
  }
}

/**
 * SQL condition: the row is free to claim. Unclaimed; or its claim's lease expired; or its claim names an instance
 * whose heartbeat stopped (or whose row is gone). Columns `claimedAt` and `claimedBy` of the row being claimed.
 */
export function claimIsFree(request: { staleBefore: Date; liveAfter: Date }): Prisma.Sql {
  return Prisma.sql`(\`claimedAt\` IS NULL OR \`claimedAt\` < ${request.staleBefore}
    OR (\`claimedBy\` IS NOT NULL AND \`claimedBy\` NOT IN (SELECT \`id\` FROM \`WorkerInstance\` WHERE \`heartbeatAt\` >= ${request.liveAfter})))`;
}
