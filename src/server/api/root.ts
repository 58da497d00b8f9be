import { activityRouter } from "./routers/activity/router";
import { adminRouter } from "./routers/admin/router";
import { apiKeyRouter } from "./routers/api-key/router";
import { authRouter } from "./routers/auth/router";
import { botRouter } from "./routers/bot/router";
import { chatRouter } from "./routers/chat/router";
import { contactRouter } from "./routers/contact/router";
import { deviceRouter } from "./routers/device/router";
import { eventsRouter } from "./routers/events/router";
import { groupRouter } from "./routers/group/router";
import { jobRouter } from "./routers/job/router";
import { messageRouter } from "./routers/message/router";
import { optOutRouter } from "./routers/opt-out/router";
import { sandboxRouter } from "./routers/sandbox/router";
import { statsRouter } from "./routers/stats/router";
import { templateRouter } from "./routers/template/router";
import { webhookRouter } from "./routers/webhook/router";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  activity: activityRouter,
  admin: adminRouter,
  apiKey: apiKeyRouter,
  auth: authRouter,
  bot: botRouter,
  chat: chatRouter,
  contact: contactRouter,
  device: deviceRouter,
  events: eventsRouter,
  group: groupRouter,
  job: jobRouter,
  message: messageRouter,
  optOut: optOutRouter,
  sandbox: sandboxRouter,
  stats: statsRouter,
  template: templateRouter,
  webhook: webhookRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
