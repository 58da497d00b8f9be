import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createContext } from "@/server/api/context";
import { appRouter } from "@/server/api/root";
import { getSessionUser } from "@/server/auth/session";
import { logger } from "@/server/logger";

const handler = async (req: Request) =>
  fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () => createContext({ headers: req.headers, session: await getSessionUser() }),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") logger().error({ err: error, path }, "tRPC internal error");
    },
  });

export { handler as GET, handler as POST };
