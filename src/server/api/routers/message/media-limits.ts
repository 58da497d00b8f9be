import { mediaLimits } from "../../../services/media/media-limits";
import { protectedProcedure } from "../../trpc";
import { ZMediaLimitsResponseSchema } from "./media-limits.types";

/** Per-kind size limits, so the browser can refuse a too-large file before uploading it. */
export const mediaLimitsRoute = protectedProcedure.output(ZMediaLimitsResponseSchema).query(() => mediaLimits());
