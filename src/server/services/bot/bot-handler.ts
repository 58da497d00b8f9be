import type { Prisma } from "@/generated/prisma/client";
import { db } from "../../db";
import { logger } from "../../logger";
import type { IncomingMessage } from "../messages/store-incoming-message";
import { settingsOf } from "./bot-config";
import { listBotRules } from "./bot-rules";
import { loadContactState } from "./contact-state";
import { decide, type Decision } from "./decide";
import { endHandoff, extendHandoff, startHandoff } from "./handoffs";
import { renderReply } from "./reply-text";
import { replyVariables } from "./reply-variables";
import { sendBotReply } from "./send-bot-reply";

/**
 * The bot's step in the incoming pipeline. Runs in the device's inbound queue, so the decisions for one device are
 * made one at a time, in order (the out-of-hours "once per period" and the loop guard rely on that). Every decision
 * is logged; a device whose bot is off (or never configured) logs nothing.
 */
export async function runBot(message: IncomingMessage, messageId: number, now = new Date()): Promise<Decision | null> {
  const device = await db().device.findUnique({
    where: { id: message.device.id },
    select: { id: true, deviceId: true, deviceName: true, ownerId: true, phoneNumber: true, botConfig: true },
  });
  if (!device?.botConfig?.enabled) return null;
  const settings = settingsOf(device.botConfig);
  const [rules, contact] = await Promise.all([listBotRules(device.id), loadContactState(device.id, message.chatJid, messageId, now)]);
  const decision = decide({
    settings,
    rules,
    message: { chatJid: message.chatJid, fromMe: false, text: message.content, timestamp: message.timestamp },
    contact,
    now,
  });

  if (decision.expiredHandoffId !== null) await endHandoff(device, decision.expiredHandoffId, "timeout", now);
  if (decision.outcome === "handoff_started") {
    await startHandoff({ device, contactJid: message.chatJid, contactName: message.pushName, reason: decision.reason, timeoutMin: settings.handoffTimeoutMin, now });
  } else if (decision.outcome === "handoff_ended" && contact.activeHandoff) {
    await endHandoff(device, contact.activeHandoff.id, "keyword", now);
  } else if (decision.outcome === "in_handoff" && contact.activeHandoff) {
    await extendHandoff(contact.activeHandoff.id, settings.handoffTimeoutMin, now);
  }

  const details: Prisma.InputJsonObject = { why: decision.why, ...(decision.periodKey ? { periodKey: decision.periodKey } : {}) };
  const log = await db().botLog.create({
    data: {
      deviceId: device.id,
      contactJid: message.chatJid,
      messageId,
      decision: decision.outcome,
      reason: decision.reason.slice(0, 500),
      ruleId: decision.rule?.id ?? null,
      ruleName: decision.rule?.name.slice(0, 191) ?? null,
      details,
    },
    select: { id: true },
  });

  if (decision.reply) {
    const variables = await replyVariables({ ownerId: device.ownerId, deviceName: device.deviceName, chatJid: message.chatJid, pushName: message.pushName, now, timeZone: settings.timezone });
    // Sent beside the device's inbound queue: neither the "typing…" pause nor a slow acknowledgement holds up the
    // next incoming message. Its row is stored pending first, so a crash mid-send leaves it to the reconnect resend.
    void sendBotReply({
      device,
      chatJid: message.chatJid,
      text: renderReply(decision.reply.text, variables),
      mediaId: decision.reply.mediaId,
      delaySec: settings.replyDelaySec,
      logId: log.id,
    }).catch((error: unknown) => logger().warn({ err: error, deviceId: device.deviceId, logId: log.id }, "bot reply not sent"));
  }
  return decision;
}
