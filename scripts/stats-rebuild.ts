/**
 * Recounts daily statistics from the stored messages: `npm run stats:rebuild -- --from 2026-01-01 --to 2026-01-31
 * [--device <deviceId>]`. Days are calendar days in REPORTING_TIME_ZONE. Safe while the server runs.
 */
import { parseArgs } from "node:util";
import { loadDotEnv } from "../src/server/dotenv";

loadDotEnv(process.cwd());
const { db } = await import("../src/server/db");
const { rebuildStatistics } = await import("../src/server/services/statistics/rebuild-statistics");
const { reportingTimeZone } = await import("../src/server/services/statistics/reporting-day");

const { values } = parseArgs({ options: { from: { type: "string" }, to: { type: "string" }, device: { type: "string" } } });
const DAY = /^\d{4}-\d{2}-\d{2}$/;
if (!values.from || !DAY.test(values.from) || (values.to !== undefined && !DAY.test(values.to))) {
  console.error("usage: npm run stats:rebuild -- --from YYYY-MM-DD [--to YYYY-MM-DD] [--device <deviceId>]");
  process.exit(2);
}
const to = values.to ?? values.from;
if (to < values.from) {
  console.error("--to must not be before --from");
  process.exit(2);
}
let deviceRowId: number | undefined;
if (values.device) {
  const device = await db().device.findUnique({ where: { deviceId: values.device }, select: { id: true } });
  if (!device) {
    console.error(`No device "${values.device}"`);
    process.exit(1);
  }
  deviceRowId = device.id;
}
const started = performance.now();
const result = await rebuildStatistics({ from: values.from, to, deviceId: deviceRowId });
console.log(
  `Rebuilt ${result.days} day(s) × ${result.devices} device(s) in ${reportingTimeZone()} (${((performance.now() - started) / 1000).toFixed(1)} s)`,
);
await db().$disconnect();
