import { createTRPCRouter } from "../../trpc";
import { cancelJobRoute, pauseJobRoute, resumeJobRoute, retryJobRoute } from "./control-job";
import { createJobRoute } from "./create-job";
import { getJobRoute, listJobItemsRoute, listJobsRoute } from "./read-jobs";
import { reviewBlastRoute } from "./review-blast";

export const jobRouter = createTRPCRouter({
  review: reviewBlastRoute,
  create: createJobRoute,
  list: listJobsRoute,
  get: getJobRoute,
  items: listJobItemsRoute,
  pause: pauseJobRoute,
  resume: resumeJobRoute,
  cancel: cancelJobRoute,
  retry: retryJobRoute,
});
