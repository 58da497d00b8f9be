/**
 * A Switchboard worker for the SIGKILL test: WhatsApp (against the test's sandbox, WA_SANDBOX_URL) plus the work
 * runner, on the test database. Restores its devices from the credentials in MySQL, prints "ready", and runs until
 * killed; SIGTERM stops it cleanly.
 */
import { applyTestEnv } from "../../helpers/test-env";

applyTestEnv();
const { startWhatsApp, stopWhatsApp } = await import("../../../src/server/whatsapp/start");
const { startJobRunner, stopJobRunner } = await import("../../../src/server/services/work/start");
const { installInbound } = await import("../../../src/server/services/inbound/install-inbound");

installInbound();

await startWhatsApp({ waitForRestore: true, manager: { backoff: { baseMs: 50, maxMs: 400 }, restoreSettleMs: 20_000 } });
startJobRunner({ pollMs: 50 });
process.stdout.write("ready\n");

process.on("SIGTERM", () => {
  void (async () => {
    await stopJobRunner();
    await stopWhatsApp();
    process.exit(0);
  })();
});
