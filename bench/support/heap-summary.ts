/**
 * Where a V8 heap snapshot's memory sits: self size and count per constructor (or node type), largest first.
 *   npx tsx bench/support/heap-summary.ts app.heapsnapshot [top=40] [perCount]
 * With perCount (e.g. the number of connected devices) each row also shows bytes per device.
 * Take the snapshot from the running app with APP_NODE_ARGS=--heapsnapshot-signal=SIGUSR2 and `kill -USR2 <pid>`.
 */
import { readFile } from "node:fs/promises";

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

export function summarizeHeap(snapshot: Snapshot): Array<{ name: string; count: number; bytes: number }> {
  const { node_fields: fields, node_types: types } = snapshot.snapshot.meta;
  const stride = fields.length;
  const typeAt = fields.indexOf("type");
  const nameAt = fields.indexOf("name");
  const sizeAt = fields.indexOf("self_size");
  const typeNames = types[0];
  const byName = new Map<string, { count: number; bytes: number }>();
  for (let i = 0; i < snapshot.nodes.length; i += stride) {
    const type = typeNames[snapshot.nodes[i + typeAt]!]!;
    // Objects and closures by their constructor; everything else (strings, arrays, code, hidden) by its type.
    const key = type === "object" || type === "closure" ? `${type}:${snapshot.strings[snapshot.nodes[i + nameAt]!]}` : type;
    const row = byName.get(key) ?? { count: 0, bytes: 0 };
    row.count += 1;
    row.bytes += snapshot.nodes[i + sizeAt]!;
    byName.set(key, row);
  }
  return [...byName].map(([name, row]) => ({ name, ...row })).sort((a, b) => b.bytes - a.bytes);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, topArg = "40", perArg] = process.argv.slice(2);
  if (!file) throw new Error("usage: heap-summary.ts <file.heapsnapshot> [top] [perCount]");
  const snapshot = JSON.parse(await readFile(file, "utf8")) as Snapshot;
  const rows = summarizeHeap(snapshot);
  const total = rows.reduce((sum, r) => sum + r.bytes, 0);
  const per = perArg ? Number(perArg) : undefined;
  console.log(`total self size ${(total / 1024 / 1024).toFixed(1)} MB${per ? `, ${(total / per / 1024).toFixed(1)} KB per device` : ""}`);
  for (const r of rows.slice(0, Number(topArg))) {
    const perDevice = per ? `  ${(r.bytes / per / 1024).toFixed(1)} KB/device` : "";
    console.log(`${(r.bytes / 1024 / 1024).toFixed(2).padStart(9)} MB ${String(r.count).padStart(9)}  ${r.name}${perDevice}`);
  }
}
