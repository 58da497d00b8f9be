import { z } from "zod";
import { getSettings } from "../../../services/settings/app-settings";
import { updateSettings } from "../../../services/settings/update-settings";
import { adminProcedure, createTRPCRouter } from "../../trpc";

const zCap = z
  .number({ error: "Enter a whole number of messages" })
  .int("Enter a whole number of messages")
  .min(1, "A cap must be at least 1 message")
  .max(1_000_000, "A cap can be at most 1,000,000 messages");

export const adminSettingsRouter = createTRPCRouter({
  get: adminProcedure.query(() => getSettings()),
  update: adminProcedure
    .input(
      z.object({
        signupOpen: z.boolean().optional(),
        jobHourlyCapDefault: zCap.optional(),
        jobHourlyCapMax: zCap.optional(),
        jobDailyCapDefault: zCap.optional(),
        jobDailyCapMax: zCap.optional(),
      }),
    )
    .mutation(({ ctx, input }) => updateSettings({ actor: ctx.actor, meta: ctx.meta, changes: input })),
});
