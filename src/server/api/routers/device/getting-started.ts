import { gettingStarted } from "../../../services/devices/getting-started";
import { protectedProcedure } from "../../trpc";
import { ZGettingStartedResponseSchema } from "./getting-started.types";
import { rest } from "../../rest/rest-meta";

export const gettingStartedRoute = protectedProcedure.meta(rest("GET", "/getting-started", "Devices", "Setup progress")).output(ZGettingStartedResponseSchema).query(({ ctx }) => gettingStarted(ctx.actor));
