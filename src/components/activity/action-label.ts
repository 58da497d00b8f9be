import type { LucideIcon } from "lucide-react";
import { Bot, CalendarClock, FileText, KeyRound, Megaphone, MessageSquare, Smartphone, Tag, UserRound, Users } from "lucide-react";
import type { PlainMessageKey, Translate } from "@/i18n/types";

/** Filter categories, in the order the filter lists them. */
export const ACTIVITY_CATEGORIES = ["auth", "profile", "device", "contact", "tag", "template", "scheduled", "job", "message", "bot"] as const;
export type ActivityCategory = (typeof ACTIVITY_CATEGORIES)[number];

export const CATEGORY_ICON: Record<ActivityCategory, LucideIcon> = {
  auth: KeyRound,
  profile: UserRound,
  device: Smartphone,
  contact: Users,
  tag: Tag,
  template: FileText,
  scheduled: CalendarClock,
  job: Megaphone,
  message: MessageSquare,
  bot: Bot,
};

const LABELS: Record<string, PlainMessageKey> = {
  "auth.register": "activity.actions.auth.register",
  "auth.login": "activity.actions.auth.login",
  "auth.changePassword": "activity.actions.auth.changePassword",
  "profile.update": "activity.actions.profile.update",
  "device.connect": "activity.actions.device.connect",
  "device.disconnect": "activity.actions.device.disconnect",
  "device.pairingCode": "activity.actions.device.pairingCode",
  "device.create": "activity.actions.device.create",
  "device.delete": "activity.actions.device.delete",
  "device.wipe": "activity.actions.device.wipe",
  "device.cancelAndWipe": "activity.actions.device.cancelAndWipe",
  "device.assign": "activity.actions.device.assign",
  "device.setSendCaps": "activity.actions.device.setSendCaps",
  "contact.create": "activity.actions.contact.create",
  "contact.update": "activity.actions.contact.update",
  "contact.delete": "activity.actions.contact.delete",
  "contact.setTags": "activity.actions.contact.setTags",
  "contact.importCsv": "activity.actions.contact.importCsv",
  "contact.export": "activity.actions.contact.export",
  "contact.syncFromDevice": "activity.actions.contact.syncFromDevice",
  "tag.create": "activity.actions.tag.create",
  "tag.rename": "activity.actions.tag.rename",
  "tag.delete": "activity.actions.tag.delete",
  "template.create": "activity.actions.template.create",
  "template.update": "activity.actions.template.update",
  "template.delete": "activity.actions.template.delete",
  "template.use": "activity.actions.template.use",
  "scheduled.create": "activity.actions.scheduled.create",
  "scheduled.cancel": "activity.actions.scheduled.cancel",
  "job.create": "activity.actions.job.create",
  "job.pause": "activity.actions.job.pause",
  "job.resume": "activity.actions.job.resume",
  "job.cancel": "activity.actions.job.cancel",
  "job.retry": "activity.actions.job.retry",
  "optOut.add": "activity.actions.optOut.add",
  "optOut.remove": "activity.actions.optOut.remove",
  "optOut.keywords": "activity.actions.optOut.keywords",
  "message.sendText": "activity.actions.message.sendText",
  "user.updateLimits": "activity.actions.user.updateLimits",
  "webhook.create": "activity.actions.webhook.create",
  "webhook.update": "activity.actions.webhook.update",
  "webhook.delete": "activity.actions.webhook.delete",
  "webhook.rotateSecret": "activity.actions.webhook.rotateSecret",
  "webhook.revealSecret": "activity.actions.webhook.revealSecret",
  "webhook.replay": "activity.actions.webhook.replay",
  "webhook.test": "activity.actions.webhook.test",
  "apiKey.create": "activity.actions.apiKey.create",
  "apiKey.revoke": "activity.actions.apiKey.revoke",
  "bot.config.update": "activity.actions.bot.configUpdate",
  "bot.rule.create": "activity.actions.bot.ruleCreate",
  "bot.rule.update": "activity.actions.bot.ruleUpdate",
  "bot.rule.delete": "activity.actions.bot.ruleDelete",
  "bot.rule.reorder": "activity.actions.bot.ruleReorder",
  "bot.handoff.resume": "activity.actions.bot.handoffResume",
};

/** A sentence for a recorded action; an action added later without a label reads "Another action", never its raw key. */
export function actionLabel(action: string, t: Translate): string {
  const key = LABELS[action];
  return key ? t(key) : t("activity.actions.other");
}

export function actionCategory(action: string): ActivityCategory | null {
  const head = action.split(".")[0];
  return (ACTIVITY_CATEGORIES as readonly string[]).includes(head ?? "") ? (head as ActivityCategory) : null;
}
