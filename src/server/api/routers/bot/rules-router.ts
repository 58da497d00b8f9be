import { z } from "zod";
import { createBotRule, deleteBotRule, listBotRules, reorderBotRules, updateBotRule } from "../../../services/bot/bot-rules";
import { deviceProcedure } from "../../procedures";
import { rest } from "../../rest/rest-meta";
import { createTRPCRouter, protectedProcedure } from "../../trpc";
import { ZBotRule, ZRuleFields, zRuleId } from "./bot-schema";
import { MAX_RULES_PER_DEVICE } from "../../../services/bot/bot-rules";

export const botRulesRouter = createTRPCRouter({
  list: deviceProcedure.meta(rest("GET", "/devices/{deviceId}/bot/rules", "Bot", "The bot's reply rules, in priority order")).output(z.array(ZBotRule)).query(({ ctx }) => listBotRules(ctx.device.id)),
  create: deviceProcedure
    .meta(rest("POST", "/devices/{deviceId}/bot/rules", "Bot", "Add a reply rule (lowest priority)", "send"))
    .input(ZRuleFields.extend({ mediaId: ZRuleFields.shape.mediaId.optional(), enabled: z.boolean().default(true), appliesWhen: ZRuleFields.shape.appliesWhen.default("always") }))
    .output(ZBotRule)
    .mutation(({ ctx, input }) => {
      const { deviceId: _deviceId, ...fields } = input;
      return createBotRule({ actor: ctx.actor, meta: ctx.meta, device: ctx.device, fields: { ...fields, mediaId: fields.mediaId ?? null } });
    }),
  update: protectedProcedure
    .meta(rest("PATCH", "/bot/rules/{ruleId}", "Bot", "Change a reply rule", "send"))
    .input(ZRuleFields.partial().extend({ ruleId: zRuleId }))
    .output(ZBotRule)
    .mutation(({ ctx, input }) => {
      const { ruleId, ...changes } = input;
      return updateBotRule({ actor: ctx.actor, meta: ctx.meta, ruleId, changes });
    }),
  delete: protectedProcedure
    .meta(rest("DELETE", "/bot/rules/{ruleId}", "Bot", "Delete a reply rule", "send"))
    .input(z.object({ ruleId: zRuleId }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await deleteBotRule({ actor: ctx.actor, meta: ctx.meta, ruleId: input.ruleId });
      return { ok: true as const };
    }),
  reorder: deviceProcedure
    .meta(rest("PUT", "/devices/{deviceId}/bot/rules/order", "Bot", "Set the rules' priority order", "send"))
    .input(z.object({ ruleIds: z.array(zRuleId).max(MAX_RULES_PER_DEVICE, `At most ${MAX_RULES_PER_DEVICE} rules`) }))
    .output(z.array(ZBotRule))
    .mutation(({ ctx, input }) => reorderBotRules({ actor: ctx.actor, meta: ctx.meta, device: ctx.device, ruleIds: input.ruleIds })),
});
