import { createTRPCRouter } from "../../trpc";
import { listWebhookDeliveriesRoute, replayWebhookDeliveryRoute, sendWebhookTestRoute } from "./deliveries";
import {
  createWebhookRoute,
  deleteWebhookRoute,
  listWebhooksRoute,
  revealWebhookSecretRoute,
  rotateWebhookSecretRoute,
  updateWebhookRoute,
} from "./endpoints";

export const webhookRouter = createTRPCRouter({
  list: listWebhooksRoute,
  create: createWebhookRoute,
  update: updateWebhookRoute,
  delete: deleteWebhookRoute,
  rotateSecret: rotateWebhookSecretRoute,
  revealSecret: revealWebhookSecretRoute,
  deliveries: listWebhookDeliveriesRoute,
  replay: replayWebhookDeliveryRoute,
  sendTest: sendWebhookTestRoute,
});
