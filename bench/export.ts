/**
 * Streams every message of the bench database (1M after `bench/generate-messages.ts`) through the admin export, as
 * CSV and as JSON, and prints rows/s and the peak RSS of this process (goals: ≥ 50k rows/s, ≤ 150 MB), with the RSS
 * at start (modules, Prisma, the pools) and the export's own growth above it reported separately.
 *   BENCH_DATABASE_URL (default mysql://root@127.0.0.1:3306/switchboard_bench)   [--page 2000, the route's page]
 * The bytes are counted and dropped, as a fast client would; the stream pulls a page only when the reader asks.
 * Under tsx the loader alone adds ~100 MB of RSS; for a production-like process bundle it first:
 *   npx esbuild bench/export.ts --bundle --platform=node --format=esm --packages=external --outfile=node_modules/.cache/export-bench.mjs
 *   node node_modules/.cache/export-bench.mjs
 * (inside the repository, so the external packages resolve). The export reads through the driver pool only, so this
 * process never loads Prisma's client and query compiler (~85 MB of RSS); the server that runs the route has it anyway.
 */
import { loadavg } from "node:os";
import { parseArgs } from "node:util";

process.env.DATABASE_URL = process.env.BENCH_DATABASE_URL ?? "mysql://root@127.0.0.1:3306/switchboard_bench";
process.env.NEXTAUTH_SECRET ??= "bench-secret-bench-secret-bench";
process.env.WA_AUTH_KEY ??= "0".repeat(64);
process.env.LOG_LEVEL ??= "silent";

const { values } = parseArgs({ options: { page: { type: "string", default: "2000" } } });
const { messagesSource } = await import("../src/server/services/export/message-export-source");
const { exportStream } = await import("../src/server/services/export/export-stream");
const { closeBulkReadPool } = await import("../src/server/db/bulk-read-pool");

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const total = await messagesSource({}).count();
if (total === 0) throw new Error("The bench database is empty: run bench/generate-messages.ts first");
console.log(`${total.toLocaleString("en")} messages; page ${values.page}; load average ${loadavg().map((l) => l.toFixed(2)).join(" ")}; RSS at start ${mb(process.memoryUsage().rss)} MB`);

for (const format of ["csv", "json"] as const) {
  const base = process.memoryUsage().rss;
  let peak = base;
  // Sampled, not awaited: the peak is a measurement, nothing waits on it.
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 25);
  const started = performance.now();
  const reader = exportStream(messagesSource({}), format, { pageSize: Number(values.page) }).getReader();
  let bytes = 0;
  let newlines = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    for (let i = 0; i < value.length; i++) if (value[i] === 10) newlines++;
  }
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${format.toUpperCase().padEnd(4)} ${total.toLocaleString("en")} rows in ${seconds.toFixed(1)} s = ${Math.round(total / seconds).toLocaleString("en")} rows/s; ${mb(bytes)} MB written (${newlines.toLocaleString("en")} lines); peak RSS ${mb(peak)} MB (start ${mb(base)} MB, export +${mb(peak - base)} MB); load ${loadavg()[0]!.toFixed(2)}`,
  );
}
await closeBulkReadPool();
