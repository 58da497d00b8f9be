import { gettingStarted } from "../../../services/devices/getting-started";
import { protectedProcedure } from "../../trpc";
import { ZGettingStartedResponseSchema } from "./getting-started.types";

export const gettingStartedRoute = protectedProcedure.output(ZGettingStartedResponseSchema).query(({ ctx }) => gettingStarted(ctx.actor));
