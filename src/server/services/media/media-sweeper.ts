import type { Logger } from "pino";
import { env } from "@/env";
import { sweepMedia } from "./sweep-media";

const FIRST_SWEEP_MS = 60_000;
const EVERY_MS = 3600_000;

/** Sweeps unused media once a minute after start, then hourly; returns a stop function. */
export function startMediaSweeper(log: Logger): () => void {
  const unusedUploadMs = env().MEDIA_UNUSED_UPLOAD_HOURS * 3600_000;
  let running: Promise<void> | undefined;
  const run = () => {
    running ??= sweepMedia({ unusedUploadMs })
      .then((result) => {
        if (result.deletedRows || result.deletedFiles || result.deletedTempFiles) log.info(result, "unused media swept");
      })
      .catch((error: unknown) => log.error({ err: error }, "media sweep failed"))
      .finally(() => {
        running = undefined;
      });
  };
  const first = setTimeout(run, FIRST_SWEEP_MS);
  const every = setInterval(run, EVERY_MS);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
