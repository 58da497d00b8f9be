import type { Logger } from "pino";
import { db } from "../../db";
import { eventBus } from "../../events/bus";
import { logger } from "../../logger";
import { blockWaitingMessages } from "../messages/block-waiting";
import { resendUnacknowledged } from "../messages/resend-unacknowledged";
import { isBlockingStatus } from "../../whatsapp/device-reasons";
import { SerialQueue } from "../../whatsapp/serial-queue";

/**
 * Keeps every outgoing message moving with its device: when a device (re)connects, the messages WhatsApp never
 * acknowledged go out again under their own ids (direct sends, scheduled messages and job items alike, since all
 * are Message rows); when it is logged out or banned, its waiting messages show the reason at once. One queue per
 * device keeps passes in order. Returns a stop function.
 */
export function watchOutbox(opts: { log?: Logger } = {}): () => void {
  const log = (opts.log ?? logger()).child({ component: "outbox" });
  const abort = new AbortController();
  const queues = new Map<string, SerialQueue>();
  const queueOf = (deviceId: string) => {
    let queue = queues.get(deviceId);
    if (!queue) {
      queue = new SerialQueue();
      queues.set(deviceId, queue);
    }
    return queue;
  };
  const onStatus = (deviceId: string, status: string, reason: string | null, at: Date) => {
    const resend = status === "connected";
    if (!resend && !isBlockingStatus(status, reason)) return;
    queueOf(deviceId)
      .run(async () => {
        const device = await db().device.findUnique({ where: { deviceId }, select: { id: true, deviceId: true, ownerId: true, phoneNumber: true } });
        if (!device) return;
        if (resend) {
          const outcome = await resendUnacknowledged(device, at);
          if (outcome.resent + outcome.stillPending > 0) log.info({ deviceId, ...outcome }, "resent unacknowledged messages");
        } else {
          const blocked = await blockWaitingMessages(device, reason ?? "The device can no longer send");
          if (blocked > 0) log.warn({ deviceId, blocked }, "waiting messages blocked");
        }
      })
      .catch((error: unknown) => log.error({ err: error, deviceId }, "outbox pass failed"));
  };
  void (async () => {
    try {
      for await (const event of eventBus().stream(abort.signal)) {
        if (event.name !== "device.status") continue;
        onStatus(event.data.deviceId, event.data.status, event.data.reason, new Date());
      }
    } catch (error) {
      if (!abort.signal.aborted) log.error({ err: error }, "outbox watch ended");
    }
  })();
  return () => abort.abort();
}
