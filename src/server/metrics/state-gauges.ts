import { Gauge, type Registry } from "prom-client";
import { DeviceStatus } from "@/generated/prisma/enums";
import { db } from "../db";
import { runningWorkSources } from "../services/work/start";

/**
 * Gauges read at scrape time from the database and the runner: the rows are the truth (several instances may share
 * one database), and a scrape every 15–60 s costs two grouped queries.
 */
export function registerStateGauges(registry: Registry): void {
  const registers = [registry];
  new Gauge({
    name: "switchboard_devices",
    help: "Devices by status (all devices in the database)",
    labelNames: ["status"] as const,
    registers,
    async collect() {
      const rows = await db().device.groupBy({ by: ["status"], _count: true });
      const counts = new Map(rows.map((r) => [r.status, r._count]));
      for (const status of Object.values(DeviceStatus)) this.labels(status).set(counts.get(status) ?? 0);
    },
  });
  // Both runner gauges come from one backlog read per scrape: the registry collects metrics concurrently.
  let reading: Promise<Array<{ source: string; depth: number; lagSeconds: number }>> | null = null;
  const readBacklogs = () => {
    reading ??= backlogs().finally(() => setImmediate(() => (reading = null)));
    return reading;
  };
  new Gauge({
    name: "switchboard_runner_queue_depth",
    help: "Durable work that is due and not finished, per source",
    labelNames: ["source"] as const,
    registers,
    async collect() {
      for (const b of await readBacklogs()) this.labels(b.source).set(b.depth);
    },
  });
  new Gauge({
    name: "switchboard_runner_lag_seconds",
    help: "How long the oldest due, unfinished item of each source has waited (0 when none)",
    labelNames: ["source"] as const,
    registers,
    async collect() {
      for (const b of await readBacklogs()) this.labels(b.source).set(b.lagSeconds);
    },
  });
}

async function backlogs(): Promise<Array<{ source: string; depth: number; lagSeconds: number }>> {
  const now = new Date();
  const result = [];
  for (const source of runningWorkSources()) {
    if (!source.backlog) continue;
    const { depth, oldestDueAt } = await source.backlog(now);
    result.push({ source: source.name, depth, lagSeconds: oldestDueAt ? Math.max(0, now.getTime() - oldestDueAt.getTime()) / 1000 : 0 });
  }
  return result;
}
