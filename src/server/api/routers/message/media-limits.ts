import { mediaLimits } from "../../../services/media/media-limits";
import { protectedProcedure } from "../../trpc";
import { ZMediaLimitsResponseSchema } from "./media-limits.types";
import { rest } from "../../rest/rest-meta";

/** Per-kind size limits, so the browser can refuse a too-large file before uploading it. */
export const mediaLimitsRoute = protectedProcedure.meta(rest("GET", "/media/limits", "Messages", "Upload size limits")).output(ZMediaLimitsResponseSchema).query(() => mediaLimits());
