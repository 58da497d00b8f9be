import { activityRouter } from "./routers/activity/router";
import { adminRouter } from "./routers/admin/router";
import { authRouter } from "./routers/auth/router";
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
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  activity: activityRouter,
  admin: adminRouter,
  auth: authRouter,
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
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
