import type { StartedSandbox } from "../../src/sandbox";
import { db } from "../../src/server/db";
import type { World } from "../integration/router/procedure-cases";
import { callerFor, createUser } from "./actors";
import { pausedJobWithFailure } from "./job-fixtures";
import { makePng } from "./media-files";
import { uploadedMediaId } from "./media-upload";
import { uniquePhone } from "./whatsapp";

export const CHAT_JID_OF_HANDOFF = "6281234567899@s.whatsapp.net";
const pngBase64 = makePng().toString("base64");

/**
 * A fresh set of users and the owner's resources, created through the API like a user would: the world every
 * procedure case runs in (the router-wide test and the REST test). The two phones exist on `sandbox`.
 */
export async function makeProcedureWorld(sandbox: StartedSandbox, label: string): Promise<World> {
  const nextMonth = `${new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10)}T09:00`;
  const [admin, owner, other, locked] = await Promise.all([createUser("admin"), createUser(), createUser(), createUser()]);
  await db().user.update({ where: { id: locked.id }, data: { isActive: false } });
  const [asAdmin, asOwner] = await Promise.all([callerFor(admin), callerFor(owner)]);
  const [{ deviceId }, tag, template, mediaId] = await Promise.all([
    asAdmin.device.create({ ownerId: owner.id, deviceName: label }),
    asOwner.contact.tags.create({ name: `vip-${owner.id}` }),
    asOwner.template.create({ name: "Sapa", body: "Halo {{nama}}" }),
    uploadedMediaId(owner, makePng(), "photo.png"),
  ]);
  const [contact, scheduled, jobId, optOut, apiKey] = await Promise.all([
    asOwner.contact.create({ name: "Budi", phone: `+62812${String(owner.id).padStart(8, "0")}`, tagIds: [tag.id] }),
    asOwner.message.schedule({ deviceId, to: "+6281234567890", text: "Nanti", scheduleTime: nextMonth, timezone: "Asia/Jakarta" }),
    pausedJobWithFailure(asOwner, deviceId),
    asOwner.optOut.add({ phone: `+62819${String(owner.id).padStart(8, "0")}` }),
    asOwner.apiKey.create({ name: label, scopes: ["read"] }),
  ]);
  const [rule, device] = await Promise.all([
    asOwner.bot.rules.create({ deviceId, name: "Harga", matchType: "keyword", patterns: ["harga"], response: "Mulai 10rb" }),
    db().device.findUniqueOrThrow({ where: { deviceId }, select: { id: true } }),
  ]);
  // A contact asked for a person (hand-offs start only from incoming messages).
  const handoff = await db().handoff.create({
    data: { deviceId: device.id, contactJid: CHAT_JID_OF_HANDOFF, activeJid: CHAT_JID_OF_HANDOFF, reason: "keyword", expiresAt: new Date(Date.now() + 3600_000) },
    select: { id: true },
  });
  const webhook = await asOwner.webhook.create({ url: "http://127.0.0.1:9/hook", events: ["message.received"] });
  const webhookDelivery = await asOwner.webhook.sendTest({ webhookId: webhook.endpoint.id });
  const [phoneA, phoneB] = [uniquePhone(), uniquePhone()];
  sandbox.createAccount({ phone: phoneA, name: "A" });
  sandbox.createAccount({ phone: phoneB, name: "B" });
  return {
    admin,
    owner,
    other,
    locked,
    deviceId,
    contactId: contact.id,
    tagId: tag.id,
    templateId: template.id,
    scheduledId: scheduled.id,
    mediaId,
    jobId,
    optOutId: optOut.id,
    botRuleId: rule.id,
    handoffId: handoff.id,
    webhookId: webhook.endpoint.id,
    webhookDeliveryId: webhookDelivery.id,
    apiKeyId: apiKey.key.id,
    phoneA,
    phoneB,
    pngBase64,
    nextMonth,
  };
}
