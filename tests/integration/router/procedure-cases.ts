/**
 * One entry per tRPC procedure of appRouter, used by router-wide.test.ts. That test FAILS when a procedure has no
 * entry here (or an entry names a procedure that no longer exists), so every new procedure gets the same checks.
 *
 * HOW TO ADD A PROCEDURE (e.g. when merging a new router such as job.*, bot.* or admin.*):
 *   "<router>.<procedure>": {
 *     access: "public" | "user" | "admin",         // who may call it at all
 *     input: (w) => ({ ... }),                     // a VALID input; w holds a fresh world (users, device, contact…)
 *     missing: (w) => ({ ... }),                   // only if the input names the owner's resources: the same input
 *                                                  // with ids that do not exist. Another user calling `input` must
 *                                                  // get exactly the NOT_FOUND that the owner gets for `missing`.
 *     domainErrors: ["PRECONDITION_FAILED"],       // codes a permitted caller may get for a domain reason
 *     limits: { text: 65_536 },                    // documented max length (UTF-16 units) of string fields, probed
 *                                                  // with 4-byte characters at and past the limit
 *     settle: (w) => …,                            // only if a success leaves work running that keeps writing (a
 *                                                  // connecting socket): stop it, so later checks see only their own writes
 *     ownOnly: true,                               // only if even an admin acts on their own resources alone (the
 *                                                  // caller's opt-out list): the admin naming the owner's ids gets
 *                                                  // the NOT_FOUND of a missing id, like another user
 *     setup: (w) => …,                             // only if the procedure needs a state the world lacks (sign-up
 *                                                  // opened by an admin): runs on each world before any check
 *   }
 * If the new procedure needs a resource the world lacks (a job, a bot rule…), create it in makeWorld()
 * (router-wide.test.ts) through the owner's caller, like the template and the scheduled message.
 */
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import { callerFor, type TestUser } from "../../helpers/actors";

export interface World {
  admin: TestUser;
  owner: TestUser;
  other: TestUser;
  locked: TestUser;
  deviceId: string;
  contactId: number;
  tagId: number;
  templateId: number;
  scheduledId: number;
  mediaId: number;
  /** The owner's blast: paused, one recipient failed (pause, resume, cancel and retry are all valid on it). */
  jobId: number;
  optOutId: number;
  /** The owner's bot rule on the device, and an active hand-off of that device. */
  botRuleId: number;
  handoffId: number;
  /** The owner's webhook endpoint (loopback URL, never delivered: no runner runs here) and one test delivery of it. */
  webhookId: number;
  webhookDeliveryId: number;
  /** The owner's API key (read scope). */
  apiKeyId: number;
  /** Two sandbox phones of their own (ban/logout on one world's phones cannot disturb another's). */
  phoneA: string;
  phoneB: string;
  pngBase64: string;
  nextMonth: string;
}

export interface ProcedureCase {
  access: "public" | "user" | "admin";
  input: (w: World) => unknown;
  missing?: (w: World) => unknown;
  domainErrors?: TRPC_ERROR_CODE_KEY[];
  limits?: Record<string, number>;
  settle?: (w: World) => Promise<void>;
  setup?: (w: World) => Promise<void>;
  ownOnly?: true;
}

const MISSING_DEVICE = "rw-no-such-device";
const MISSING_ID = 2_000_000_000;
const TO = "+6281234567890";
const uniqueName = () => `rw${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
/** Ends the socket a connect or pairing-code request started: it writes the device's status and keys as it goes. */
const disconnectDevice = async (w: World): Promise<void> => {
  await (await callerFor(w.admin)).device.disconnect({ deviceId: w.deviceId });
};
/** The device is never paired in these checks: sending from it is refused for that domain reason. */
const NOT_CONNECTED: TRPC_ERROR_CODE_KEY[] = ["PRECONDITION_FAILED"];
/** Sign-up is closed on a new install: an admin opens it, as on the settings page. */
const openSignup = async (w: World): Promise<void> => {
  await (await callerFor(w.admin)).admin.settings.update({ signupOpen: true });
};
const CHAT_JID = "6281234567890@s.whatsapp.net";
const GROUP_JID = "120363000000000001@g.us";
const GROUP_ERRORS: TRPC_ERROR_CODE_KEY[] = [...NOT_CONNECTED, "NOT_FOUND"];
const randomPhone = () => `+62813${Math.floor(1e7 + Math.random() * 8e7)}`;
const blastInput = (deviceId: string) => ({
  deviceId,
  message: { kind: "text", text: "Halo {{name}}" },
  recipients: { source: "paste", text: "0812-3456-7890,Budi\n0812-3456-7891,Sari" },
  pacing: { preset: "careful" },
});

export const PROCEDURE_CASES: Record<string, ProcedureCase> = {
  "activity.list": { access: "user", input: () => ({ action: "device" }), limits: { action: 64 } },

  "apiKey.list": { access: "user", input: () => undefined },
  "apiKey.create": {
    access: "user",
    input: () => ({ name: "CRM", scopes: ["read", "send"], expiresAt: null, rateLimitPerMinute: 60 }),
    // LIMIT_EXCEEDED (FORBIDDEN) once a user holds the most active keys allowed.
    domainErrors: ["FORBIDDEN"],
    limits: { name: 100 },
  },
  "apiKey.revoke": { access: "user", input: (w) => ({ apiKeyId: w.apiKeyId }), missing: () => ({ apiKeyId: MISSING_ID }), ownOnly: true },

  "admin.users.list": { access: "admin", input: () => ({ search: "user" }) },
  "admin.users.insights": { access: "admin", input: (w) => ({ userId: w.owner.id }) },
  "admin.users.create": {
    access: "admin",
    input: () => {
      const name = uniqueName();
      return { username: name, email: `${name}@example.test`, fullName: "Rina", role: "user", password: "long-enough-pass", maxDevices: 2 };
    },
    limits: { username: 32, email: 191, fullName: 120, password: 128 },
  },
  "admin.users.update": {
    access: "admin",
    input: (w) => ({ userId: w.other.id, email: `${uniqueName()}@example.test`, fullName: "Rina Wati", role: "user", dailyMessageLimit: 500 }),
    limits: { email: 191, fullName: 120 },
  },
  "admin.users.resetPassword": { access: "admin", input: (w) => ({ userId: w.other.id }) },
  "admin.users.delete": { access: "admin", input: (w) => ({ userId: w.other.id }) },
  "admin.users.setActive": { access: "admin", input: (w) => ({ userId: w.other.id, isActive: true }), domainErrors: ["NOT_FOUND"] },
  "admin.users.updateLimits": { access: "admin", input: (w) => ({ userId: w.other.id, maxDevices: 3 }), domainErrors: ["NOT_FOUND"] },

  "admin.settings.get": { access: "admin", input: () => undefined },
  "admin.settings.update": { access: "admin", input: () => ({ signupOpen: true }) },
  "admin.overview": { access: "admin", input: () => undefined },
  "admin.messages": {
    access: "admin",
    input: (w) => ({ deviceId: w.deviceId, userId: w.owner.id, status: "sent", direction: "outgoing", text: "Halo", from: "2026-01-01", to: "2026-12-31", limit: 20 }),
    limits: { text: 100 },
  },
  "admin.contacts": { access: "admin", input: (w) => ({ ownerId: w.owner.id, tag: "vip", search: "Budi", limit: 20 }), limits: { tag: 64, search: 100 } },
  "admin.contactFilters": { access: "admin", input: () => undefined },
  "admin.auditLogs": {
    access: "admin",
    input: (w) => ({ actorId: w.admin.id, action: "device.create", targetType: "device", text: "Router", from: "2026-01-01", to: "2026-12-31", limit: 20 }),
    limits: { action: 64, targetType: 32, text: 100 },
  },
  "admin.auditFilters": { access: "admin", input: () => undefined },
  "admin.jobs": { access: "admin", input: (w) => ({ ownerId: w.owner.id, deviceId: w.deviceId, status: "paused", limit: 20 }), limits: { deviceId: 100 } },

  "auth.signupOpen": { access: "public", input: () => undefined },
  "auth.register": {
    access: "public",
    setup: openSignup,
    input: () => {
      const name = uniqueName();
      return { username: name, email: `${name}@example.test`, password: "long-enough-pass", fullName: "Budi" };
    },
    domainErrors: ["CONFLICT"],
    limits: { username: 32, fullName: 120, password: 128 },
  },
  "auth.me": { access: "user", input: () => undefined },
  "auth.updateProfile": { access: "user", input: () => ({ fullName: "Budi Santoso" }), limits: { fullName: 120 } },
  "auth.changePassword": {
    access: "user",
    input: (w) => ({ currentPassword: w.owner.password, newPassword: "another-long-pass" }),
    domainErrors: ["BAD_REQUEST"],
    limits: { currentPassword: 128, newPassword: 128 },
  },

  "bot.getConfig": { access: "user", input: (w) => ({ deviceId: w.deviceId }), missing: () => ({ deviceId: MISSING_DEVICE }) },
  "bot.updateConfig": {
    access: "user",
    input: (w) => ({
      deviceId: w.deviceId,
      enabled: true,
      timezone: "Asia/Jakarta",
      businessHours: { weekly: [{ day: 0, intervals: [{ start: "08:00", end: "17:00" }] }], closedDates: ["2026-12-25"] },
      welcomeMessage: "Halo {{name}}",
      outOfHoursMessage: "Kami tutup",
      handoffKeywords: ["agent"],
      resumeKeywords: ["bot"],
      handoffTimeoutMin: 30,
      replyDelaySec: 2,
      allowGroups: false,
    }),
    missing: () => ({ deviceId: MISSING_DEVICE, enabled: true }),
    limits: { timezone: 64, welcomeMessage: 4096, outOfHoursMessage: 4096 },
  },
  "bot.rules.list": { access: "user", input: (w) => ({ deviceId: w.deviceId }), missing: () => ({ deviceId: MISSING_DEVICE }) },
  "bot.rules.create": {
    access: "user",
    input: (w) => ({ deviceId: w.deviceId, name: "Harga", matchType: "regex", patterns: ["^harga\\b"], response: "Mulai 10rb, {{name}}", enabled: true, appliesWhen: "in_hours" }),
    missing: () => ({ deviceId: MISSING_DEVICE, name: "Harga", matchType: "keyword", patterns: ["harga"], response: "x" }),
    limits: { name: 100, response: 4096 },
  },
  "bot.rules.update": {
    access: "user",
    input: (w) => ({ ruleId: w.botRuleId, name: "Harga baru", patterns: ["harga", "price"], response: "Mulai 12rb" }),
    missing: () => ({ ruleId: MISSING_ID, name: "x" }),
    limits: { name: 100, response: 4096 },
  },
  "bot.rules.delete": { access: "user", input: (w) => ({ ruleId: w.botRuleId }), missing: () => ({ ruleId: MISSING_ID }) },
  "bot.rules.reorder": {
    access: "user",
    input: (w) => ({ deviceId: w.deviceId, ruleIds: [w.botRuleId] }),
    missing: (w) => ({ deviceId: MISSING_DEVICE, ruleIds: [w.botRuleId] }),
  },
  "bot.test": {
    access: "user",
    input: (w) => ({ deviceId: w.deviceId, text: "harga?", at: "2026-12-07T10:00", contactName: "Budi", firstTime: true, inHandoff: false }),
    missing: () => ({ deviceId: MISSING_DEVICE, text: "harga?" }),
    limits: { text: 4096, at: 40, contactName: 100 },
  },
  "bot.handoffs.list": { access: "user", input: (w) => ({ deviceId: w.deviceId, status: "active" }), missing: () => ({ deviceId: MISSING_DEVICE }) },
  "bot.handoffs.forChat": {
    access: "user",
    input: (w) => ({ deviceId: w.deviceId, chatJid: CHAT_JID }),
    missing: () => ({ deviceId: MISSING_DEVICE, chatJid: CHAT_JID }),
    limits: { chatJid: 128 },
  },
  "bot.handoffs.activeCounts": { access: "user", input: () => undefined },
  "bot.handoffs.resume": { access: "user", input: (w) => ({ handoffId: w.handoffId }), missing: () => ({ handoffId: MISSING_ID }) },
  "bot.logs": {
    access: "user",
    input: (w) => ({ deviceId: w.deviceId, outcome: "rule", contactJid: CHAT_JID, limit: 20 }),
    missing: () => ({ deviceId: MISSING_DEVICE }),
    limits: { contactJid: 128 },
  },
  "bot.stats": { access: "user", input: (w) => ({ deviceId: w.deviceId, days: 7 }), missing: () => ({ deviceId: MISSING_DEVICE }) },

  "chat.history": { access: "user", input: (w) => ({ deviceId: w.deviceId, phone: TO }), missing: () => ({ deviceId: MISSING_DEVICE, phone: TO }) },
  "chat.list": { access: "user", input: (w) => ({ deviceId: w.deviceId }), missing: () => ({ deviceId: MISSING_DEVICE }) },
  "chat.dailyChatList": { access: "user", input: (w) => ({ deviceId: w.deviceId }), missing: () => ({ deviceId: MISSING_DEVICE }) },
  "chat.search": {
    access: "user",
    input: (w) => ({ deviceId: w.deviceId, text: "halo", contact: "Budi" }),
    missing: () => ({ deviceId: MISSING_DEVICE, text: "halo", contact: "Budi" }),
    limits: { text: 200, contact: 100 },
  },
  "chat.identity": {
    access: "user",
    input: (w) => ({ deviceId: w.deviceId, chatJid: CHAT_JID }),
    missing: () => ({ deviceId: MISSING_DEVICE, chatJid: CHAT_JID }),
    limits: { chatJid: 128 },
  },
  "chat.markRead": {
    access: "user",
    input: (w) => ({ deviceId: w.deviceId, chatJid: CHAT_JID }),
    missing: () => ({ deviceId: MISSING_DEVICE, chatJid: CHAT_JID }),
    limits: { chatJid: 128 },
  },
  "chat.groupHistory": { access: "admin", input: (w) => ({ deviceId: w.deviceId, groupJid: "120363000000000001@g.us" }) },

  "contact.list": { access: "user", input: () => ({ search: "Budi" }), limits: { search: 100 } },
  "contact.get": { access: "user", input: (w) => ({ contactId: w.contactId }), missing: () => ({ contactId: MISSING_ID }) },
  "contact.create": {
    access: "user",
    input: () => ({ name: "Siti", phone: `+62812${Math.floor(1e7 + Math.random() * 8e7)}`, notes: "Pelanggan" }),
    domainErrors: ["CONFLICT"],
    limits: { name: 100, notes: 2_000 },
  },
  "contact.update": {
    access: "user",
    input: (w) => ({ contactId: w.contactId, name: "Budi S", notes: "Catatan" }),
    missing: () => ({ contactId: MISSING_ID, name: "Budi S", notes: "Catatan" }),
    limits: { name: 100, notes: 2_000 },
  },
  "contact.delete": { access: "user", input: (w) => ({ contactId: w.contactId }), missing: () => ({ contactId: MISSING_ID }) },
  "contact.setTags": {
    access: "user",
    input: (w) => ({ contactId: w.contactId, tagIds: [w.tagId] }),
    missing: (w) => ({ contactId: MISSING_ID, tagIds: [w.tagId] }),
  },
  "contact.tags.list": { access: "user", input: () => ({}) },
  "contact.tags.create": { access: "user", input: () => ({ name: uniqueName(), color: "#22c55e" }), domainErrors: ["CONFLICT"], limits: { name: 64 } },
  "contact.tags.rename": {
    access: "user",
    input: (w) => ({ tagId: w.tagId, name: uniqueName() }),
    missing: () => ({ tagId: MISSING_ID, name: "x" }),
    domainErrors: ["CONFLICT"],
    limits: { name: 64 },
  },
  "contact.tags.delete": { access: "user", input: (w) => ({ tagId: w.tagId }), missing: () => ({ tagId: MISSING_ID }) },
  "contact.fromWhatsApp": { access: "user", input: (w) => ({ deviceId: w.deviceId }), missing: () => ({ deviceId: MISSING_DEVICE }) },
  "contact.syncFromDevice": {
    access: "user",
    input: (w) => ({ deviceId: w.deviceId }),
    missing: () => ({ deviceId: MISSING_DEVICE }),
    domainErrors: NOT_CONNECTED,
  },
  "contact.importCsv": { access: "user", input: () => ({ csv: "name,phone\nAni,+6281233334444\n" }) },

  "device.create": { access: "admin", input: (w) => ({ ownerId: w.other.id, deviceName: "Kasir" }), domainErrors: ["NOT_FOUND", "FORBIDDEN"], limits: { deviceName: 100 } },
  "device.assign": { access: "admin", input: (w) => ({ deviceId: w.deviceId, ownerId: w.other.id }), domainErrors: ["NOT_FOUND", "FORBIDDEN"] },
  "device.gettingStarted": { access: "user", input: () => undefined },
  "device.list": { access: "user", input: () => ({ search: "Router" }), limits: { search: 100 } },
  "device.get": { access: "user", input: (w) => ({ deviceId: w.deviceId }), missing: () => ({ deviceId: MISSING_DEVICE }) },
  "device.status": { access: "user", input: (w) => ({ deviceId: w.deviceId }), missing: () => ({ deviceId: MISSING_DEVICE }) },
  "device.connect": {
    access: "user",
    input: (w) => ({ deviceId: w.deviceId }),
    missing: () => ({ deviceId: MISSING_DEVICE }),
    domainErrors: ["CONFLICT"],
    settle: disconnectDevice,
  },
  "device.disconnect": { access: "user", input: (w) => ({ deviceId: w.deviceId }), missing: () => ({ deviceId: MISSING_DEVICE }) },
  "device.delete": { access: "admin", input: (w) => ({ deviceId: w.deviceId }) },
  "device.cancelAndWipe": { access: "admin", input: (w) => ({ deviceId: w.deviceId }) },
  "device.qr": { access: "user", input: (w) => ({ deviceId: w.deviceId }), missing: () => ({ deviceId: MISSING_DEVICE }) },
  "device.sendCaps": { access: "user", input: (w) => ({ deviceId: w.deviceId }), missing: () => ({ deviceId: MISSING_DEVICE }) },
  "device.setSendCaps": {
    access: "user",
    input: (w) => ({ deviceId: w.deviceId, hourlyCap: 10, dailyCap: null }),
    missing: () => ({ deviceId: MISSING_DEVICE, hourlyCap: 10, dailyCap: null }),
  },
  "device.qrImage": { access: "user", input: (w) => ({ deviceId: w.deviceId }), missing: () => ({ deviceId: MISSING_DEVICE }) },
  "device.pairingCode": {
    access: "user",
    input: (w) => ({ deviceId: w.deviceId, phoneNumber: `+${w.phoneA}` }),
    missing: (w) => ({ deviceId: MISSING_DEVICE, phoneNumber: `+${w.phoneA}` }),
    domainErrors: ["CONFLICT", "PRECONDITION_FAILED", "TIMEOUT", "SERVICE_UNAVAILABLE"],
    settle: disconnectDevice,
  },

  "events.stream": { access: "user", input: () => ({ lastEventId: 0 }) },

  // Groups are admin-only; the world's device is never paired, so acting on WhatsApp is refused (PRECONDITION_FAILED)
  // and a group the device does not keep is NOT_FOUND.
  "group.list": { access: "admin", input: (w) => ({ deviceId: w.deviceId }), domainErrors: ["NOT_FOUND"] },
  "group.info": { access: "admin", input: (w) => ({ deviceId: w.deviceId, groupJid: GROUP_JID }), domainErrors: ["NOT_FOUND"] },
  "group.create": {
    access: "admin",
    input: (w) => ({ deviceId: w.deviceId, subject: "Pelanggan", participants: [TO] }),
    domainErrors: [...NOT_CONNECTED, "NOT_FOUND"],
    limits: { subject: 100 },
  },
  "group.sendMessage": {
    access: "admin",
    input: (w) => ({ deviceId: w.deviceId, groupJid: GROUP_JID, text: "Halo" }),
    domainErrors: GROUP_ERRORS,
    limits: { text: 65_536 },
  },
  "group.sendMention": {
    access: "admin",
    input: (w) => ({ deviceId: w.deviceId, groupJid: GROUP_JID, text: `@${TO} halo` }),
    domainErrors: GROUP_ERRORS,
    limits: { text: 65_536 },
  },
  "group.sendMedia": {
    access: "admin",
    input: (w) => ({ deviceId: w.deviceId, groupJid: GROUP_JID, mediaId: w.mediaId, caption: "Foto" }),
    domainErrors: GROUP_ERRORS,
    limits: { caption: 1_024 },
  },
  "group.createMediaJob": {
    access: "admin",
    input: (w) => ({ deviceId: w.deviceId, groupJids: [GROUP_JID], message: { kind: "media", mediaId: w.mediaId, caption: "Promo" }, pacing: { preset: "careful" } }),
    domainErrors: GROUP_ERRORS,
    limits: { caption: 1_024 },
  },
  "group.addParticipants": { access: "admin", input: (w) => ({ deviceId: w.deviceId, groupJid: GROUP_JID, participants: [TO] }), domainErrors: GROUP_ERRORS },
  "group.removeParticipants": { access: "admin", input: (w) => ({ deviceId: w.deviceId, groupJid: GROUP_JID, participants: [TO] }), domainErrors: GROUP_ERRORS },
  "group.promote": { access: "admin", input: (w) => ({ deviceId: w.deviceId, groupJid: GROUP_JID, participants: [TO] }), domainErrors: GROUP_ERRORS },
  "group.demote": { access: "admin", input: (w) => ({ deviceId: w.deviceId, groupJid: GROUP_JID, participants: [TO] }), domainErrors: GROUP_ERRORS },
  "group.inviteCode": { access: "admin", input: (w) => ({ deviceId: w.deviceId, groupJid: GROUP_JID }), domainErrors: GROUP_ERRORS },
  "group.revokeInvite": { access: "admin", input: (w) => ({ deviceId: w.deviceId, groupJid: GROUP_JID }), domainErrors: GROUP_ERRORS },
  "group.updateSubject": {
    access: "admin",
    input: (w) => ({ deviceId: w.deviceId, groupJid: GROUP_JID, subject: "Baru" }),
    domainErrors: GROUP_ERRORS,
    limits: { subject: 100 },
  },
  "group.updateDescription": {
    access: "admin",
    input: (w) => ({ deviceId: w.deviceId, groupJid: GROUP_JID, description: "Keterangan" }),
    domainErrors: GROUP_ERRORS,
    limits: { description: 2_048 },
  },
  "group.leave": { access: "admin", input: (w) => ({ deviceId: w.deviceId, groupJid: GROUP_JID }), domainErrors: GROUP_ERRORS },

  "message.sendText": {
    access: "user",
    input: (w) => ({ deviceId: w.deviceId, to: TO, text: "Halo" }),
    missing: () => ({ deviceId: MISSING_DEVICE, to: TO, text: "Halo" }),
    domainErrors: NOT_CONNECTED,
    limits: { text: 65_536 },
  },
  "message.sendMedia": {
    access: "user",
    input: (w) => ({ deviceId: w.deviceId, to: TO, mediaId: w.mediaId, caption: "Foto" }),
    missing: (w) => ({ deviceId: MISSING_DEVICE, to: TO, mediaId: w.mediaId, caption: "Foto" }),
    domainErrors: NOT_CONNECTED,
    limits: { caption: 1_024 },
  },
  "message.mediaLimits": { access: "user", input: () => undefined },
  "message.list": { access: "user", input: (w) => ({ deviceId: w.deviceId }), missing: () => ({ deviceId: MISSING_DEVICE }) },
  "message.recent": { access: "user", input: () => ({ limit: 5 }) },
  "message.schedule": {
    access: "user",
    input: (w) => ({ deviceId: w.deviceId, to: TO, text: "Nanti", scheduleTime: w.nextMonth, timezone: "Asia/Jakarta" }),
    missing: (w) => ({ deviceId: MISSING_DEVICE, to: TO, text: "Nanti", scheduleTime: w.nextMonth, timezone: "Asia/Jakarta" }),
    limits: { text: 65_536, timezone: 64, scheduleTime: 40 },
  },
  "message.scheduled.list": { access: "user", input: () => ({}) },
  "message.scheduled.cancel": { access: "user", input: (w) => ({ id: w.scheduledId }), missing: () => ({ id: MISSING_ID }) },

  "job.review": { access: "user", input: (w) => blastInput(w.deviceId), missing: () => blastInput(MISSING_DEVICE) },
  "job.create": { access: "user", input: (w) => blastInput(w.deviceId), missing: () => blastInput(MISSING_DEVICE) },
  "job.list": { access: "user", input: () => ({ status: "paused", limit: 20 }) },
  "job.get": { access: "user", input: (w) => ({ id: w.jobId }), missing: () => ({ id: MISSING_ID }) },
  "job.items": {
    access: "user",
    input: (w) => ({ id: w.jobId, status: "failed", search: "0812", page: 1, pageSize: 50 }),
    missing: () => ({ id: MISSING_ID, status: "failed", search: "0812", page: 1, pageSize: 50 }),
    limits: { search: 64 },
  },
  "job.pause": { access: "user", input: (w) => ({ id: w.jobId }), missing: () => ({ id: MISSING_ID }) },
  "job.resume": { access: "user", input: (w) => ({ id: w.jobId }), missing: () => ({ id: MISSING_ID }) },
  "job.cancel": { access: "user", input: (w) => ({ id: w.jobId }), missing: () => ({ id: MISSING_ID }) },
  "job.retry": { access: "admin", input: (w) => ({ id: w.jobId }) },

  "optOut.list": { access: "user", input: () => ({ search: "0812", limit: 50 }), limits: { search: 32 } },
  "optOut.add": { access: "user", input: () => ({ phone: randomPhone() }), limits: { phone: 32 } },
  "optOut.remove": { access: "user", input: (w) => ({ id: w.optOutId }), missing: () => ({ id: MISSING_ID }), ownOnly: true },
  "optOut.keywords": { access: "user", input: () => undefined },
  "optOut.setKeywords": { access: "user", input: () => ({ keywords: ["STOP", "BERHENTI"] }) },

  "stats.mine": {
    access: "user",
    input: (w) => ({ from: "2026-11-01", to: "2026-11-30", deviceId: w.deviceId }),
    missing: () => ({ from: "2026-11-01", to: "2026-11-30", deviceId: MISSING_DEVICE }),
    ownOnly: true,
  },
  "stats.global": { access: "admin", input: (w) => ({ from: "2026-11-01", to: "2026-11-30", deviceId: w.deviceId, userId: w.owner.id }) },

  "sandbox.enabled": { access: "user", input: () => undefined },
  "sandbox.accounts": { access: "admin", input: () => undefined },
  "sandbox.createAccount": { access: "admin", input: () => ({ name: "Rina" }), limits: { name: 100 } },
  "sandbox.scanDevice": { access: "admin", input: (w) => ({ deviceId: w.deviceId, phone: w.phoneA }), domainErrors: NOT_CONNECTED },
  "sandbox.enterPairingCode": { access: "admin", input: (w) => ({ phone: w.phoneA, code: "ABCD-EFGH" }), domainErrors: ["NOT_FOUND", "BAD_REQUEST", "CONFLICT"] },
  "sandbox.sendText": { access: "admin", input: (w) => ({ from: w.phoneA, to: w.phoneB, text: "Halo" }), domainErrors: ["CONFLICT"], limits: { text: 4_096 } },
  "sandbox.sendMedia": {
    access: "admin",
    input: (w) => ({ from: w.phoneA, to: w.phoneB, kind: "image", mimetype: "image/png", data: w.pngBase64, caption: "Foto" }),
    domainErrors: ["CONFLICT"],
    limits: { caption: 1_024, fileName: 255, mimetype: 127 },
  },
  "sandbox.inbox": { access: "admin", input: (w) => ({ phone: w.phoneA }) },
  "sandbox.outbox": { access: "admin", input: (w) => ({ phone: w.phoneA }) },
  "sandbox.linkedDevices": { access: "admin", input: (w) => ({ phone: w.phoneA }) },
  "sandbox.setReceipts": { access: "admin", input: (w) => ({ phone: w.phoneA, mode: "read", delayMs: 10 }) },
  "sandbox.dropConnection": { access: "admin", input: (w) => ({ phone: w.phoneA }) },
  "sandbox.logout": { access: "admin", input: (w) => ({ phone: w.phoneA }) },
  "sandbox.ban": { access: "admin", input: (w) => ({ phone: w.phoneA }) },
  "sandbox.unban": { access: "admin", input: (w) => ({ phone: w.phoneA }) },
  "sandbox.setOnline": { access: "admin", input: (w) => ({ phone: w.phoneA, online: false }) },
  "sandbox.notOnWhatsApp": { access: "admin", input: () => undefined },
  "sandbox.markNotOnWhatsApp": { access: "admin", input: () => ({ phone: randomPhone() }), limits: { phone: 32 } },
  "sandbox.clearNotOnWhatsApp": { access: "admin", input: (w) => ({ phone: w.phoneB }) },
  "sandbox.groups": { access: "admin", input: (w) => ({ phone: w.phoneA }) },
  "sandbox.groupMessages": { access: "admin", input: (w) => ({ phone: w.phoneA, groupId: "120363000000000001@g.us" }), limits: { groupId: 36 } },
  "sandbox.createGroup": {
    access: "admin",
    input: (w) => ({ phone: w.phoneA, subject: "Arisan", participants: [`+${w.phoneB}`] }),
    domainErrors: ["CONFLICT"],
    limits: { subject: 100 },
  },
  // No group of the phone's: the sandbox refuses, as WhatsApp refuses a non-member.
  "sandbox.sendGroupText": {
    access: "admin",
    input: (w) => ({ phone: w.phoneA, groupId: "120363000000000001@g.us", text: "Halo" }),
    domainErrors: ["CONFLICT"],
    limits: { text: 4_096, groupId: 36 },
  },

  "webhook.list": { access: "user", input: () => ({}) },
  "webhook.create": {
    access: "user",
    input: () => ({ url: "http://127.0.0.1:9/hook", description: "CRM", events: ["message.received", "job.finished"] }),
    limits: { description: 200 },
  },
  "webhook.update": {
    access: "user",
    input: (w) => ({ webhookId: w.webhookId, description: "Shop", events: ["device.status"], deviceIds: [w.deviceId], enabled: false }),
    missing: (w) => ({ webhookId: MISSING_ID, description: "Shop", events: ["device.status"], deviceIds: [w.deviceId], enabled: false }),
    limits: { description: 200 },
  },
  "webhook.delete": { access: "user", input: (w) => ({ webhookId: w.webhookId }), missing: () => ({ webhookId: MISSING_ID }) },
  "webhook.rotateSecret": { access: "user", input: (w) => ({ webhookId: w.webhookId }), missing: () => ({ webhookId: MISSING_ID }) },
  "webhook.revealSecret": { access: "user", input: (w) => ({ webhookId: w.webhookId }), missing: () => ({ webhookId: MISSING_ID }), ownOnly: true },
  "webhook.deliveries": {
    access: "user",
    input: (w) => ({ webhookId: w.webhookId, status: "pending", eventType: "webhook.test", limit: 10 }),
    missing: () => ({ webhookId: MISSING_ID, status: "pending", eventType: "webhook.test", limit: 10 }),
    limits: { eventType: 40 },
  },
  "webhook.replay": {
    access: "user",
    input: (w) => ({ webhookId: w.webhookId, deliveryId: w.webhookDeliveryId }),
    missing: (w) => ({ webhookId: MISSING_ID, deliveryId: w.webhookDeliveryId }),
  },
  "webhook.sendTest": { access: "user", input: (w) => ({ webhookId: w.webhookId }), missing: () => ({ webhookId: MISSING_ID }) },

  "template.list": { access: "user", input: () => ({}) },
  "template.get": { access: "user", input: (w) => ({ templateId: w.templateId }), missing: () => ({ templateId: MISSING_ID }) },
  "template.versions": { access: "user", input: (w) => ({ templateId: w.templateId }), missing: () => ({ templateId: MISSING_ID }) },
  "template.create": { access: "user", input: () => ({ name: "Salam", body: "Halo {{nama}}" }), limits: { name: 100, body: 16_000 } },
  "template.update": {
    access: "user",
    input: (w) => ({ templateId: w.templateId, body: "Hai {{nama}}" }),
    missing: () => ({ templateId: MISSING_ID, body: "Hai {{nama}}" }),
    limits: { name: 100, body: 16_000 },
  },
  "template.delete": { access: "user", input: (w) => ({ templateId: w.templateId }), missing: () => ({ templateId: MISSING_ID }) },
  "template.preview": {
    access: "user",
    input: (w) => ({ templateId: w.templateId, variables: { nama: "Budi" } }),
    missing: () => ({ templateId: MISSING_ID, variables: { nama: "Budi" } }),
  },
  "template.use": {
    access: "user",
    input: (w) => ({ deviceId: w.deviceId, templateId: w.templateId, to: TO, variables: { nama: "Budi" } }),
    missing: (w) => ({ deviceId: MISSING_DEVICE, templateId: w.templateId, to: TO, variables: { nama: "Budi" } }),
    domainErrors: NOT_CONNECTED,
  },
};
