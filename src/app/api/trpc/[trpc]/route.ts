import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createContext } from "@/server/api/context";
import { appRouter } from "@/server/api/root";
import { getSessionUser } from "@/server/auth/session";
import { MAX_BATCH_SIZE } from "@/trpc/batch-limit";

const handler = async (req: Request) =>
  fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () => createContext({ headers: req.headers, session: await getSessionUser() }),
    maxBatchSize: MAX_BATCH_SIZE,
    // Answers carry one account's data: no shared or browser cache may keep them. (Internal errors are logged by
    // the error formatter, with the id the client sees.)
    responseMeta: () => ({ headers: { "cache-control": "no-store" } }),
  });

export { handler as GET, handler as POST };
