import { createTRPCRouter } from "../../trpc";
import { listMessagesRoute } from "./list-messages";
import { scheduleMessageRoute } from "./scheduled/schedule-message";
import { scheduledRouter } from "./scheduled/router";
import { sendTextRoute } from "./send-text";

export const messageRouter = createTRPCRouter({
  sendText: sendTextRoute,
  list: listMessagesRoute,
  schedule: scheduleMessageRoute,
  scheduled: scheduledRouter,
});
