import { z } from "zod";
import { zPhone } from "@/lib/phone";
import { addOptOut, getOptOutKeywords, listOptOuts, removeOptOut, setOptOutKeywords } from "../../../services/opt-outs/manage-opt-outs";
import { MAX_OPT_OUT_KEYWORD_LENGTH, MAX_OPT_OUT_KEYWORDS } from "../../../services/opt-outs/opt-out-keywords";
import { rest } from "../../rest/rest-meta";
import { createTRPCRouter, protectedProcedure } from "../../trpc";

const ZOptOut = z.object({
  id: z.number().int(),
  phone: z.string(),
  keyword: z.string().nullable(),
  createdAt: z.date(),
  device: z.object({ deviceId: z.string(), deviceName: z.string() }).nullable(),
});

const ZKeywords = z
  .array(
    z
      .string()
      .trim()
      .min(1, "A keyword cannot be empty")
      .max(MAX_OPT_OUT_KEYWORD_LENGTH, `A keyword can be at most ${MAX_OPT_OUT_KEYWORD_LENGTH} characters`),
  )
  .min(1, "Keep at least one keyword")
  .max(MAX_OPT_OUT_KEYWORDS, `At most ${MAX_OPT_OUT_KEYWORDS} keywords`);

/** The caller's own opt-out list and keywords (per owner; nobody reads or edits another owner's list). */
export const optOutRouter = createTRPCRouter({
  list: protectedProcedure.meta(rest("GET", "/opt-outs", "Opt-outs", "List opted-out numbers"))
    .input(
      z
        .object({
          search: z.string().trim().max(32, "Search text is too long").optional(),
          cursor: z.number().int().positive().optional(),
          limit: z.number().int().min(1).max(200, "Limit must be at most 200").default(50),
        })
        .default({ limit: 50 }),
    )
    .output(z.object({ items: z.array(ZOptOut), nextCursor: z.number().int().nullable() }))
    .query(({ ctx, input }) => listOptOuts({ ownerId: ctx.actor.id, search: input.search || undefined, cursor: input.cursor, limit: input.limit })),
  add: protectedProcedure.meta(rest("POST", "/opt-outs", "Opt-outs", "Add a number to the opt-out list", "send"))
    .input(z.object({ phone: zPhone }))
    .output(ZOptOut)
    .mutation(({ ctx, input }) => addOptOut({ actor: ctx.actor, meta: ctx.meta, phone: input.phone })),
  remove: protectedProcedure.meta(rest("DELETE", "/opt-outs/{id}", "Opt-outs", "Remove a number from the opt-out list", "send"))
    .input(z.object({ id: z.number({ error: "Choose an opt-out" }).int().positive("Choose an opt-out") }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await removeOptOut({ actor: ctx.actor, meta: ctx.meta, id: input.id });
      return { ok: true as const };
    }),
  keywords: protectedProcedure.meta(rest("GET", "/opt-outs/keywords", "Opt-outs", "Opt-out keywords")).output(z.array(z.string())).query(({ ctx }) => getOptOutKeywords(ctx.actor.id)),
  setKeywords: protectedProcedure.meta(rest("PUT", "/opt-outs/keywords", "Opt-outs", "Replace the opt-out keywords", "send"))
    .input(z.object({ keywords: ZKeywords }))
    .output(z.array(z.string()))
    .mutation(({ ctx, input }) => setOptOutKeywords({ actor: ctx.actor, meta: ctx.meta, keywords: [...new Set(input.keywords)] })),
});
