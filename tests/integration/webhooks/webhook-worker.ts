/**
 * A Switchboard work runner with only the webhook source, on the test database, for the SIGKILL test. Prints
 * "ready" and runs until killed.
 */
import { applyTestEnv } from "../../helpers/test-env";

applyTestEnv();
const { WorkRunner } = await import("../../../src/server/jobs/runner");
const { webhookDeliverySource } = await import("../../../src/server/services/work/sources/webhook-deliveries");

const runner = new WorkRunner({
  sources: [],
  devicelessSources: [webhookDeliverySource({ concurrency: 2, policy: { retryBaseMs: 20, maxAttempts: 12, timeoutMs: 30_000, allowPrivate: true } })],
  pollMs: 50,
  readyDevices: () => [],
});
runner.start();
process.stdout.write("ready\n");
process.on("SIGTERM", () => void runner.stop().then(() => process.exit(0)));
