import { reviewBlast, summarizeReview } from "../../../services/jobs/review-blast";
import { deviceProcedure } from "../../procedures";
import { ZBlastRequestSchema } from "./blast-schema";
import { ZReviewSchema } from "./job-schema";
import { rest } from "../../rest/rest-meta";

/** What a blast would do, before it starts: ready, invalid, duplicate, opted-out and incomplete rows, duration, limit use. */
export const reviewBlastRoute = deviceProcedure.meta(rest("POST", "/devices/{deviceId}/jobs/review", "Jobs", "Review a blast before starting it", "send"))
  .input(ZBlastRequestSchema)
  .output(ZReviewSchema)
  .mutation(async ({ ctx, input }) => {
    const blast = { actor: ctx.actor, device: ctx.device, ...input };
    return summarizeReview(blast, await reviewBlast(blast));
  });
