import { z } from "zod";
import { getBotConfig, updateBotConfig } from "../../../services/bot/bot-config";
import { botStats, listBotLogs } from "../../../services/bot/bot-logs";
import { activeHandoffCounts, activeHandoffForChat, listHandoffs, resumeHandoff } from "../../../services/bot/handoffs";
import { testBot } from "../../../services/bot/test-console";
import { deviceProcedure } from "../../procedures";
import { rest } from "../../rest/rest-meta";
import { createTRPCRouter, protectedProcedure } from "../../trpc";
import { MAX_BOT_MESSAGE_LENGTH, ZBotConfig, ZBotConfigFields, ZBotLog, ZBotReason, ZHandoff, zChatJid, zHandoffId, zOutcome } from "./bot-schema";
import { botRulesRouter } from "./rules-router";

/** The auto-reply bot of a device: its owner and admins only; anyone else gets NOT_FOUND (deviceProcedure). */
export const botRouter = createTRPCRouter({
  getConfig: deviceProcedure.meta(rest("GET", "/devices/{deviceId}/bot", "Bot", "The auto-reply bot's settings")).output(ZBotConfig).query(({ ctx }) => getBotConfig(ctx.device)),
  updateConfig: deviceProcedure
    .meta(rest("PATCH", "/devices/{deviceId}/bot", "Bot", "Change the auto-reply bot's settings", "send"))
    .input(ZBotConfigFields.partial())
    .output(ZBotConfig)
    .mutation(({ ctx, input }) => {
      const { deviceId: _deviceId, ...changes } = input;
      return updateBotConfig({ actor: ctx.actor, meta: ctx.meta, device: ctx.device, changes });
    }),
  rules: botRulesRouter,
  test: deviceProcedure
    .meta(rest("GET", "/devices/{deviceId}/bot/test", "Bot", "What the bot would answer to a message (nothing is sent)"))
    .input(
      z.object({
        text: z.string().max(MAX_BOT_MESSAGE_LENGTH, `A message can be at most ${MAX_BOT_MESSAGE_LENGTH} characters`),
        at: z.string().trim().max(40, "Enter the time as YYYY-MM-DDTHH:mm").optional(),
        contactName: z.string().trim().max(100, "The name can be at most 100 characters").optional(),
        firstTime: z.boolean().optional(),
        inHandoff: z.boolean().optional(),
      }),
    )
    .output(z.object({ outcome: z.string(), reason: z.string(), why: ZBotReason, botOff: z.boolean(), ruleId: z.number().int().nullable(), ruleName: z.string().nullable(), reply: z.string().nullable() }))
    .query(({ ctx, input }) => testBot({ device: ctx.device, ...input })),
  handoffs: createTRPCRouter({
    list: deviceProcedure
      .meta(rest("GET", "/devices/{deviceId}/bot/handoffs", "Bot", "Hand-offs to a person"))
      .input(z.object({ status: z.enum(["active", "ended"], { error: "Status is active or ended" }).optional() }))
      .output(z.array(ZHandoff))
      .query(({ ctx, input }) => listHandoffs(ctx.device.id, input.status)),
    forChat: deviceProcedure
      .meta(rest("GET", "/devices/{deviceId}/bot/handoffs/chat", "Bot", "The active hand-off of a chat, if any"))
      .input(z.object({ chatJid: zChatJid }))
      .output(ZHandoff.nullable())
      .query(({ ctx, input }) => activeHandoffForChat(ctx.device.id, input.chatJid)),
    /** Active hand-offs per device the caller may see (badges on the device list and dashboard). */
    activeCounts: protectedProcedure
      .meta(rest("GET", "/bot/handoffs/active-counts", "Bot", "Active hand-offs per device"))
      .output(z.array(z.object({ deviceId: z.string(), active: z.number().int() })))
      .query(({ ctx }) => activeHandoffCounts(ctx.actor)),
    resume: protectedProcedure
      .meta(rest("POST", "/bot/handoffs/{handoffId}/resume", "Bot", "End a hand-off: the bot answers the chat again", "send"))
      .input(z.object({ handoffId: zHandoffId }))
      .output(ZHandoff)
      .mutation(({ ctx, input }) => resumeHandoff({ actor: ctx.actor, meta: ctx.meta, handoffId: input.handoffId })),
  }),
  logs: deviceProcedure
    .meta(rest("GET", "/devices/{deviceId}/bot/logs", "Bot", "What the bot did with incoming messages"))
    .input(
      z.object({
        outcome: zOutcome.optional(),
        contactJid: zChatJid.optional(),
        cursor: z.number().int().positive().optional(),
        limit: z.number().int().min(1, "Limit must be at least 1").max(200, "Limit must be at most 200").default(50),
      }),
    )
    .output(z.object({ items: z.array(ZBotLog), nextCursor: z.number().int().nullable() }))
    .query(({ ctx, input }) => listBotLogs({ devicePk: ctx.device.id, outcome: input.outcome, contactJid: input.contactJid, cursor: input.cursor, limit: input.limit })),
  stats: deviceProcedure
    .meta(rest("GET", "/devices/{deviceId}/bot/stats", "Bot", "Bot activity per day and per rule"))
    .input(z.object({ days: z.number().int().min(1, "At least 1 day").max(90, "At most 90 days").default(7) }))
    .output(
      z.object({
        days: z.array(z.object({ date: z.string(), replies: z.number().int(), handoffs: z.number().int(), outOfHours: z.number().int(), welcomes: z.number().int() })),
        byRule: z.array(z.object({ ruleId: z.number().int(), ruleName: z.string(), replies: z.number().int() })),
      }),
    )
    .query(async ({ ctx, input }) => {
      const config = await getBotConfig(ctx.device);
      return botStats({ devicePk: ctx.device.id, timeZone: config.timezone, days: input.days });
    }),
});
