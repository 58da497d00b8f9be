import { activityRouter } from "./routers/activity/router";
import { adminRouter } from "./routers/admin/router";
import { authRouter } from "./routers/auth/router";
import { chatRouter } from "./routers/chat/router";
import { contactRouter } from "./routers/contact/router";
import { deviceRouter } from "./routers/device/router";
import { eventsRouter } from "./routers/events/router";
import { messageRouter } from "./routers/message/router";
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
  message: messageRouter,
  sandbox: sandboxRouter,
  stats: statsRouter,
  template: templateRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
