import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

export type AdminUser = inferRouterOutputs<AppRouter>["admin"]["users"]["list"]["items"][number];
