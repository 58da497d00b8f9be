import type { Prisma } from "@/generated/prisma/client";
import { AppError } from "../../errors";
import { db } from "../../db";
import type { ServiceCall } from "../devices/types";
import { mediaForSend } from "../media/media-for-send";
import type { BotMatchKind, BotRuleSpec, BotRuleWindowKind } from "./bot-types";
import { definedOnly, type BotDevice } from "./bot-config";
import { recordBotChange } from "./record-bot-change";
import { replyTextProblem } from "./reply-text";
import { compileSafeRegex } from "./safe-regex";

export const MAX_RULES_PER_DEVICE = 200;

const ruleSelect = {
  id: true,
  name: true,
  matchType: true,
  patterns: true,
  response: true,
  mediaId: true,
  priority: true,
  enabled: true,
  appliesWhen: true,
} as const satisfies Prisma.BotRuleSelect;

export interface BotRuleView extends BotRuleSpec {
  priority: number;
}

function toView(row: Prisma.BotRuleGetPayload<{ select: typeof ruleSelect }>): BotRuleView {
  const patterns = Array.isArray(row.patterns) ? row.patterns.filter((p): p is string => typeof p === "string") : [];
  return { ...row, patterns };
}

/** The device's rules in priority order (first = highest). */
export async function listBotRules(devicePk: number): Promise<BotRuleView[]> {
  const rows = await db().botRule.findMany({ where: { deviceId: devicePk }, select: ruleSelect, orderBy: [{ priority: "asc" }, { id: "asc" }] });
  return rows.map(toView);
}

export interface RuleFields {
  name: string;
  matchType: BotMatchKind;
  patterns: string[];
  response: string;
  mediaId: number | null;
  enabled: boolean;
  appliesWhen: BotRuleWindowKind;
}

/** Refuses what would never work as intended: an invalid regex (with the parser's reason) or a bad placeholder. */
function checkRule(fields: Pick<RuleFields, "matchType" | "patterns" | "response" | "mediaId">): void {
  if (!fields.response.trim() && fields.mediaId === null) throw new AppError("INVALID_INPUT", "Write a reply or attach a file");
  if (fields.matchType === "regex") {
    for (const pattern of fields.patterns) {
      const check = compileSafeRegex(pattern);
      if (!check.ok) throw new AppError("INVALID_INPUT", check.error);
    }
  }
  const problem = replyTextProblem(fields.response);
  if (problem) throw new AppError("INVALID_INPUT", problem);
}

/** The file the rule sends, owned by the device's owner (an admin's own upload is copied for them). */
async function ruleMediaId(call: ServiceCall, device: BotDevice, mediaId: number | null): Promise<number | null> {
  if (mediaId === null) return null;
  const { media } = await mediaForSend(call.actor, mediaId, device.ownerId, { sendAs: "auto", voiceNote: false });
  return media.id;
}

export async function createBotRule(call: ServiceCall & { device: BotDevice; fields: RuleFields }): Promise<BotRuleView> {
  checkRule(call.fields);
  const mediaId = await ruleMediaId(call, call.device, call.fields.mediaId);
  const count = await db().botRule.count({ where: { deviceId: call.device.id } });
  if (count >= MAX_RULES_PER_DEVICE) throw new AppError("LIMIT_EXCEEDED", `A device can have at most ${MAX_RULES_PER_DEVICE} rules`);
  const last = await db().botRule.findFirst({ where: { deviceId: call.device.id }, orderBy: { priority: "desc" }, select: { priority: true } });
  const row = await db().botRule.create({
    data: { deviceId: call.device.id, ...call.fields, mediaId, priority: (last?.priority ?? -1) + 1 },
    select: ruleSelect,
  });
  await recordBotChange({ ...call, action: "bot.rule.create", details: { ruleId: row.id, name: row.name } });
  return toView(row);
}

/** A rule of a device the actor may manage, with that device; another user's rule is NOT_FOUND. */
export async function findOwnedRule(call: ServiceCall, ruleId: number): Promise<{ rule: BotRuleView; device: BotDevice }> {
  const row = await db().botRule.findFirst({
    where: { id: ruleId, ...(call.actor.role === "admin" ? {} : { device: { ownerId: call.actor.id } }) },
    select: { ...ruleSelect, device: { select: { id: true, deviceId: true, ownerId: true } } },
  });
  if (!row) throw new AppError("NOT_FOUND", "Rule not found");
  const { device, ...rule } = row;
  return { rule: toView(rule), device };
}

export async function updateBotRule(call: ServiceCall & { ruleId: number; changes: Partial<RuleFields> }): Promise<BotRuleView> {
  const { rule, device } = await findOwnedRule(call, call.ruleId);
  const changes = definedOnly(call.changes);
  const next = { ...rule, ...changes };
  checkRule(next);
  const mediaId = changes.mediaId === undefined || changes.mediaId === rule.mediaId ? rule.mediaId : await ruleMediaId(call, device, changes.mediaId);
  const row = await db().botRule.update({
    where: { id: rule.id },
    data: { name: next.name, matchType: next.matchType, patterns: next.patterns, response: next.response, mediaId, enabled: next.enabled, appliesWhen: next.appliesWhen },
    select: ruleSelect,
  });
  await recordBotChange({ ...call, device, action: "bot.rule.update", details: { ruleId: row.id, name: row.name, fields: Object.keys(changes) } });
  return toView(row);
}

export async function deleteBotRule(call: ServiceCall & { ruleId: number }): Promise<void> {
  const { rule, device } = await findOwnedRule(call, call.ruleId);
  await db().botRule.delete({ where: { id: rule.id } });
  await recordBotChange({ ...call, device, action: "bot.rule.delete", details: { ruleId: rule.id, name: rule.name } });
}

/** Sets the order: `ruleIds` must name every rule of the device exactly once (first = highest priority). */
export async function reorderBotRules(call: ServiceCall & { device: BotDevice; ruleIds: number[] }): Promise<BotRuleView[]> {
  await db().$transaction(async (tx) => {
    const rows = await tx.botRule.findMany({ where: { deviceId: call.device.id }, select: { id: true } });
    const existing = new Set(rows.map((r) => r.id));
    const given = new Set(call.ruleIds);
    if (given.size !== call.ruleIds.length || given.size !== existing.size || call.ruleIds.some((id) => !existing.has(id))) {
      throw new AppError("INVALID_INPUT", "The new order must list every rule of this device exactly once; reload and try again");
    }
    for (const [priority, id] of call.ruleIds.entries()) {
      await tx.botRule.update({ where: { id }, data: { priority } });
    }
  });
  await recordBotChange({ ...call, action: "bot.rule.reorder", details: { ruleIds: call.ruleIds } });
  return listBotRules(call.device.id);
}
