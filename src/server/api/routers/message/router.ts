import { createTRPCRouter } from "../../trpc";
import { listMessagesRoute } from "./list-messages";
import { mediaLimitsRoute } from "./media-limits";
import { recentMessagesRoute } from "./recent-messages";
import { scheduleMessageRoute } from "./scheduled/schedule-message";
import { scheduledRouter } from "./scheduled/router";
import { sendMediaRoute } from "./send-media";
import { sendTextRoute } from "./send-text";

export const messageRouter = createTRPCRouter({
  sendText: sendTextRoute,
  sendMedia: sendMediaRoute,
  mediaLimits: mediaLimitsRoute,
  list: listMessagesRoute,
  recent: recentMessagesRoute,
  schedule: scheduleMessageRoute,
  scheduled: scheduledRouter,
});
