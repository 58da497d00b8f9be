// npm run backup -- [--out <folder>]   (in the image: node dist/ops/backup.mjs --out /app/backups/<name>)
import path from "node:path";
import { parseArgs } from "node:util";
import { backup } from "../../src/server/ops/backup";
import { opsEnv, runCli } from "./cli-env";

runCli(async () => {
  const { values } = parseArgs({ options: { out: { type: "string" } } });
  const { databaseUrl, mediaDir } = opsEnv();
  const outDir = path.resolve(values.out ?? path.join("backups", new Date().toISOString().replace(/[:.]/g, "-")));
  const manifest = await backup({ databaseUrl, mediaDir, outDir });
  console.log(
    `Backup written to ${outDir}: database ${manifest.database.name} (${manifest.database.bytes} bytes, migration level ${manifest.migrations.latest ?? "none"}), ${manifest.media.files} media files (${manifest.media.bytes} bytes)`,
  );
});
