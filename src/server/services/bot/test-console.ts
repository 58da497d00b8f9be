import { parseScheduleTime } from "../scheduled/zoned-time";
import { AppError } from "../../errors";
import { settingsOf } from "./bot-config";
import { db } from "../../db";
import { listBotRules } from "./bot-rules";
import { createTranslator } from "@/i18n/translate";
import type { BotReasonDetail } from "@/lib/bot/bot-reason";
import { decide } from "./decide";
import { clockTime, renderReply } from "./reply-text";

export interface BotTestInput {
  device: { id: number; deviceName: string };
  text: string;
  /** An ISO date-time; without an offset it is read in the bot's time zone. Default: now. */
  at?: string;
  contactName?: string;
  firstTime?: boolean;
  inHandoff?: boolean;
}

export interface BotTestResult {
  outcome: string;
  reason: string;
  why: BotReasonDetail;
  /** The bot is switched off: the decision is what it would do once on. */
  botOff: boolean;
  ruleId: number | null;
  ruleName: string | null;
  reply: string | null;
}

const TEST_CHAT = "6280000000000@s.whatsapp.net";

/** The decision the bot would make for this message at that time, with the reply it would send: nothing sent or written. */
export async function testBot(input: BotTestInput): Promise<BotTestResult> {
  const settings = settingsOf(await db().botConfig.findUnique({ where: { deviceId: input.device.id } }));
  let now = new Date();
  if (input.at) {
    const parsed = parseScheduleTime(input.at, settings.timezone);
    if (!parsed.ok) throw new AppError("INVALID_INPUT", parsed.error);
    now = parsed.at;
  }
  const rules = await listBotRules(input.device.id);
  const decision = decide({
    // The console shows what the rules do even while the bot is off.
    settings: { ...settings, enabled: true },
    rules,
    message: { chatJid: TEST_CHAT, fromMe: false, text: input.text, timestamp: now },
    contact: {
      firstTime: input.firstTime ?? false,
      activeHandoff: input.inHandoff ? { id: 0, expiresAt: new Date(now.getTime() + 60_000) } : null,
      lastOutOfHoursPeriod: null,
      recentReplies: 0,
    },
    now,
  });
  const name = input.contactName?.trim() || "Contact";
  const reply = decision.reply
    ? renderReply(decision.reply.text, { name, pushName: name, device: input.device.deviceName, time: clockTime(now, settings.timezone) })
    : null;
  const botOff = !settings.enabled;
  const reason = botOff ? createTranslator("en")("bot.reasons.botOffNote", { reason: decision.reason }) : decision.reason;
  return { outcome: decision.outcome, reason, why: decision.why, botOff, ruleId: decision.rule?.id ?? null, ruleName: decision.rule?.name ?? null, reply };
}
