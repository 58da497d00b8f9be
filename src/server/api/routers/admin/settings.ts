import { z } from "zod";
import { getSettings } from "../../../services/settings/app-settings";
import { updateSettings } from "../../../services/settings/update-settings";
import { adminProcedure, createTRPCRouter } from "../../trpc";

export const adminSettingsRouter = createTRPCRouter({
  get: adminProcedure.query(() => getSettings()),
  update: adminProcedure
    .input(z.object({ signupOpen: z.boolean().optional() }))
    .mutation(({ ctx, input }) => updateSettings({ actor: ctx.actor, meta: ctx.meta, changes: input })),
});
