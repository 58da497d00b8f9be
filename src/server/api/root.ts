import { adminRouter } from "./routers/admin/router";
import { authRouter } from "./routers/auth/router";
import { eventsRouter } from "./routers/events/router";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  admin: adminRouter,
  auth: authRouter,
  events: eventsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
