import { createTRPCRouter } from "../../trpc";
import { listMessagesRoute } from "./list-messages";
import { recentMessagesRoute } from "./recent-messages";
import { scheduleMessageRoute } from "./scheduled/schedule-message";
import { scheduledRouter } from "./scheduled/router";
import { sendTextRoute } from "./send-text";

export const messageRouter = createTRPCRouter({
  sendText: sendTextRoute,
  list: listMessagesRoute,
  recent: recentMessagesRoute,
  schedule: scheduleMessageRoute,
  scheduled: scheduledRouter,
});
