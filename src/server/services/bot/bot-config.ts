import type { Prisma } from "@/generated/prisma/client";
import { DEFAULT_BUSINESS_HOURS, normalizeBusinessHours, zBusinessHours, type BusinessHours } from "@/lib/bot/business-hours";
import { db } from "../../db";
import type { ServiceCall } from "../devices/types";
import { DEFAULT_HANDOFF_KEYWORDS, DEFAULT_RESUME_KEYWORDS, type BotSettings } from "./bot-types";
import { recordBotChange } from "./record-bot-change";

export interface BotDevice {
  id: number;
  deviceId: string;
  ownerId: number;
}

export interface BotConfigView extends BotSettings {
  deviceId: string;
  updatedAt: Date | null;
}

export const DEFAULT_BOT_SETTINGS: BotSettings = {
  enabled: false,
  timezone: "Asia/Jakarta",
  businessHours: DEFAULT_BUSINESS_HOURS,
  welcomeMessage: null,
  outOfHoursMessage: null,
  handoffKeywords: DEFAULT_HANDOFF_KEYWORDS,
  resumeKeywords: DEFAULT_RESUME_KEYWORDS,
  handoffTimeoutMin: 60,
  replyDelaySec: 0,
  allowGroups: false,
};

type ConfigRow = Prisma.BotConfigGetPayload<object>;

function stringList(value: Prisma.JsonValue, fallback: string[]): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : fallback;
}

function readHours(value: Prisma.JsonValue): BusinessHours {
  const parsed = zBusinessHours.safeParse(value);
  return parsed.success ? normalizeBusinessHours(parsed.data) : DEFAULT_BUSINESS_HOURS;
}

export function settingsOf(row: ConfigRow | null): BotSettings {
  if (!row) return DEFAULT_BOT_SETTINGS;
  return {
    enabled: row.enabled,
    timezone: row.timezone,
    businessHours: readHours(row.businessHours),
    welcomeMessage: row.welcomeMessage,
    outOfHoursMessage: row.outOfHoursMessage,
    handoffKeywords: stringList(row.handoffKeywords, DEFAULT_HANDOFF_KEYWORDS),
    resumeKeywords: stringList(row.resumeKeywords, DEFAULT_RESUME_KEYWORDS),
    handoffTimeoutMin: row.handoffTimeoutMin,
    replyDelaySec: row.replyDelaySec,
    allowGroups: row.allowGroups,
  };
}

/** The fields actually given: a key present with `undefined` keeps the current value. */
export function definedOnly<T extends object>(changes: Partial<T>): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<T>;
}

export async function getBotConfig(device: BotDevice): Promise<BotConfigView> {
  const row = await db().botConfig.findUnique({ where: { deviceId: device.id } });
  return { deviceId: device.deviceId, ...settingsOf(row), updatedAt: row?.updatedAt ?? null };
}

/** Saves the fields given (the rest keep their value, or the defaults when the device had no config yet). */
export async function updateBotConfig(call: ServiceCall & { device: BotDevice; changes: Partial<BotSettings> }): Promise<BotConfigView> {
  const current = await getBotConfig(call.device);
  const changes = definedOnly(call.changes);
  const next: BotSettings = { ...current, ...changes };
  const data = {
    enabled: next.enabled,
    timezone: next.timezone,
    businessHours: normalizeBusinessHours(next.businessHours) as unknown as Prisma.InputJsonObject,
    welcomeMessage: next.welcomeMessage,
    outOfHoursMessage: next.outOfHoursMessage,
    handoffKeywords: next.handoffKeywords,
    resumeKeywords: next.resumeKeywords,
    handoffTimeoutMin: next.handoffTimeoutMin,
    replyDelaySec: next.replyDelaySec,
    allowGroups: next.allowGroups,
  };
  await db().botConfig.upsert({ where: { deviceId: call.device.id }, create: { deviceId: call.device.id, ...data }, update: data });
  await recordBotChange({ ...call, action: "bot.config.update", details: { fields: Object.keys(changes) } });
  return getBotConfig(call.device);
}
