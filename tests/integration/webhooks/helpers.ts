import { db } from "../../../src/server/db";
import { eventBus } from "../../../src/server/events/bus";
import { WorkRunner } from "../../../src/server/jobs/runner";
import { webhookDeliverySource } from "../../../src/server/services/work/sources/webhook-deliveries";
import type { WebhookPolicy } from "../../../src/server/services/webhooks/retry-schedule";

export type DeliveryState = NonNullable<Awaited<ReturnType<typeof readDelivery>>>;

export function readDelivery(id: number) {
  return db().webhookDelivery.findUnique({ where: { id } });
}

/**
 * Resolves with the delivery once `done` holds for it: checked now and after every recorded attempt (the sender
 * signals `webhook.delivery`), never on a timer.
 */
export function untilDelivery(id: number, done: (d: DeliveryState) => boolean, timeoutMs = 30_000): Promise<DeliveryState> {
  return new Promise((resolve, reject) => {
    let finished = false;
    const stop = eventBus().onSignal("webhook.delivery", () => void check());
    const timer = setTimeout(() => {
      void readDelivery(id).then((d) => finish(() => reject(new Error(`delivery ${id} did not settle: ${JSON.stringify(d)}`))));
    }, timeoutMs);
    const finish = (outcome: () => void) => {
      if (finished) return;
      finished = true;
      stop();
      clearTimeout(timer);
      outcome();
    };
    const check = async () => {
      const d = await readDelivery(id);
      if (d && done(d)) finish(() => resolve(d));
    };
    void check();
  });
}

/** A runner with only the webhook source, a short retry schedule and a fast poll (no devices needed). */
export function startWebhookRunner(policy: Partial<WebhookPolicy> = {}): WorkRunner {
  const runner = new WorkRunner({
    sources: [],
    devicelessSources: [webhookDeliverySource({ policy: { retryBaseMs: 20, maxAttempts: 3, timeoutMs: 2000, allowPrivate: true, ...policy } })],
    pollMs: 20,
    readyDevices: () => [],
  });
  runner.start();
  return runner;
}
