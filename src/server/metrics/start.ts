import { env } from "@/env";
import { eventBus } from "../events/bus";
import { globalSingleton } from "../global-singleton";
import { parseAllowList } from "./access";
import { recordEventMetrics } from "./event-metrics";
import { appMetrics } from "./registry";
import { registerStateGauges } from "./state-gauges";

/** Creates the process's metrics (once) and starts counting events; returns a stop function. Idempotent. */
export function startMetrics(): () => void {
  // A malformed METRICS_ALLOW_IPS stops the start here rather than failing every scrape.
  parseAllowList(env().METRICS_ALLOW_IPS);
  return globalSingleton("metricsRecording", () => {
    const metrics = appMetrics();
    registerStateGauges(metrics.registry);
    return recordEventMetrics(eventBus(), metrics);
  });
}
