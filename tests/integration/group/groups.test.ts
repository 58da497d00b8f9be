import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StartedSandbox } from "../../../src/sandbox";
import { db } from "../../../src/server/db";
import { eventBus } from "../../../src/server/events/bus";
import type { ConnectionManager } from "../../../src/server/whatsapp/manager";
import { callerFor, createUser, type Caller, type TestUser } from "../../helpers/actors";
import { resetDb } from "../../helpers/db";
import { makePng } from "../../helpers/media-files";
import { uploadedMediaId } from "../../helpers/media-upload";
import { waitUntil } from "../../helpers/wait-until";
import { pairByQr, startTestManager, startTestSandbox, stopTestManager, uniquePhone, waitForEvent } from "../../helpers/whatsapp";

let sandbox: StartedSandbox;
let manager: ConnectionManager | undefined;
let admin: TestUser;
let adminCaller: Caller;
let userCaller: Caller;
let deviceId: string;
let shop: string;
const people = { budi: "", citra: "", dewi: "", eka: "" };
const gid = (id: string) => (id.endsWith("@g.us") ? id : `${id}@g.us`);
const pn = (phone: string) => `${phone}@s.whatsapp.net`;

function storedGroup(groupJid: string) {
  return db().group.findFirst({ where: { groupJid, device: { deviceId } }, include: { participants: { orderBy: { jid: "asc" } } } });
}

/** Waits (on app events, never a clock) until the stored group satisfies `check`. */
function groupWhere(groupJid: string, check: (g: NonNullable<Awaited<ReturnType<typeof storedGroup>>>) => boolean) {
  return waitUntil(
    async () => {
      const group = await storedGroup(groupJid);
      return group && check(group) ? group : null;
    },
    { sandbox, explain: async () => JSON.stringify(await storedGroup(groupJid)) },
  );
}

beforeAll(async () => {
  sandbox = await startTestSandbox({ unknownNumbers: "absent" });
  await resetDb();
  manager = startTestManager(sandbox);
  admin = await createUser("admin");
  const owner = await createUser("user", { dailyMessageLimit: 1000 });
  adminCaller = await callerFor(admin);
  userCaller = await callerFor(owner);
  const created = await adminCaller.device.create({ ownerId: owner.id, deviceName: "Toko Grup" });
  deviceId = created.deviceId;
  shop = uniquePhone();
  for (const [key, name] of [["budi", "Budi"], ["citra", "Citra"], ["dewi", "Dewi"], ["eka", "Eka"]] as const) {
    people[key] = uniquePhone();
    sandbox.createAccount({ phone: people[key], name });
  }
  sandbox.createAccount({ phone: shop, name: "Toko" });
  // A group the shop's number was in before its device was linked: it comes with the list read on connect.
  sandbox.createGroup(people.budi, "Arisan RT", [shop, people.citra]);
  await pairByQr(sandbox, userCaller, deviceId, shop);
}, 120_000);

afterAll(async () => {
  await stopTestManager(manager);
  await sandbox?.close();
});

describe("[GROUP] groups kept in the database", () => {
  it("reads the device's groups on connect and follows WhatsApp's notifications (members, roles, subject, description)", async () => {
    const [arisan] = sandbox.groups(shop);
    if (!arisan) throw new Error("no group");
    const groupJid = gid(arisan.id);
    const stored = await groupWhere(groupJid, (g) => g.participants.length === 3);
    expect(stored).toMatchObject({ subject: "Arisan RT", isMember: true, ownerJid: pn(people.budi) });
    expect(stored.participants.map((p) => [p.jid, p.role])).toEqual(
      expect.arrayContaining([
        [pn(people.budi), "superadmin"],
        [pn(shop), "member"],
        [pn(people.citra), "member"],
      ]),
    );
    expect(await adminCaller.group.list({ deviceId })).toEqual([expect.objectContaining({ groupJid, subject: "Arisan RT", memberCount: 3, isMember: true })]);

    const since = eventBus().lastId;
    sandbox.updateGroupParticipants(people.budi, arisan.id, "add", [people.dewi]);
    sandbox.updateGroupParticipants(people.budi, arisan.id, "promote", [shop]);
    sandbox.setGroupSubject(people.budi, arisan.id, "Arisan RT 05");
    sandbox.setGroupDescription(people.budi, arisan.id, "Tiap Minggu pertama");
    await waitForEvent("group.changed", (d) => d.groupJid === groupJid, { since });
    const updated = await groupWhere(
      groupJid,
      (g) => g.subject === "Arisan RT 05" && g.description === "Tiap Minggu pertama" && g.participants.some((p) => p.jid === pn(shop) && p.role === "admin") && g.participants.length === 4,
    );
    expect(updated.participants.find((p) => p.jid === pn(people.dewi))).toMatchObject({ role: "member" });
    const info = await adminCaller.group.info({ deviceId, groupJid });
    expect(info).toMatchObject({ subject: "Arisan RT 05", description: "Tiap Minggu pertama", selfRole: "admin", isMember: true });
    expect(info.participants[0]).toMatchObject({ phone: `+${people.budi}`, role: "superadmin" });

    sandbox.updateGroupParticipants(people.budi, arisan.id, "demote", [shop]);
    sandbox.updateGroupParticipants(people.budi, arisan.id, "remove", [people.dewi]);
    await groupWhere(groupJid, (g) => g.participants.length === 3 && g.participants.every((p) => p.jid !== pn(shop) || p.role === "member"));
  });

  it("stores incoming group messages with the member who sent them and their name; the admin group history shows them", async () => {
    const [arisan] = sandbox.groups(shop);
    if (!arisan) throw new Error("no group");
    const groupJid = gid(arisan.id);
    const id = await sandbox.sendGroupText(people.citra, arisan.id, "Siapa yang bawa kue?");
    const row = await waitUntil(() => db().message.findFirst({ where: { waMessageId: id } }), { sandbox });
    expect(row).toMatchObject({ chatJid: groupJid, fromJid: pn(people.citra), direction: "incoming", content: "Siapa yang bawa kue?" });
    expect(row.metadata).toMatchObject({ pushName: "Citra" });
    await groupWhere(groupJid, (g) => g.participants.some((p) => p.jid === pn(people.citra) && p.name === "Citra"));

    const history = await adminCaller.chat.groupHistory({ deviceId, groupJid, limit: 10 });
    expect(history.items[0]).toMatchObject({ waMessageId: id, fromJid: pn(people.citra), senderName: "Citra", content: "Siapa yang bawa kue?" });
    await expect(userCaller.chat.groupHistory({ deviceId, groupJid, limit: 10 })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("turns WhatsApp's refusals into clear errors: the device is not an admin of the group", async () => {
    const [arisan] = sandbox.groups(shop);
    if (!arisan) throw new Error("no group");
    const groupJid = gid(arisan.id);
    const before = await db().auditLog.count();
    await expect(adminCaller.group.addParticipants({ deviceId, groupJid, participants: [`+${people.eka}`] })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("not an admin"),
    });
    await expect(adminCaller.group.inviteCode({ deviceId, groupJid })).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("not an admin") });
    expect(await db().auditLog.count()).toBe(before);
    expect(sandbox.group(arisan.id)?.participants.length).toBe(3);
    await expect(adminCaller.group.info({ deviceId, groupJid: "120363000000000000@g.us" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("[GROUP] procedures", () => {
  let groupJid = "";

  it("creates a group with the device as admin and sends a text, a mention and a photo through the send path", async () => {
    const created = await adminCaller.group.create({ deviceId, subject: "Pelanggan Setia", participants: [`+${people.budi}`, `0${people.citra.slice(2)}`] });
    groupJid = created.groupJid;
    expect(created).toMatchObject({ subject: "Pelanggan Setia", selfRole: "superadmin", isMember: true });
    expect(created.participants.map((p) => p.phone).sort()).toEqual([`+${people.budi}`, `+${people.citra}`, `+${shop}`].sort());
    expect(sandbox.group(groupJid)?.participants.length).toBe(3);
    await expect(db().auditLog.findFirst({ where: { action: "group.create", targetId: groupJid } })).resolves.toMatchObject({ actorId: admin.id });

    const text = await adminCaller.group.sendMessage({ deviceId, groupJid, text: "Selamat datang" });
    expect(text).toMatchObject({ chatJid: groupJid, toJid: groupJid, status: "sent", direction: "outgoing" });
    expect(await sandbox.waitForGroupMessage(people.budi, (m) => m.id === text.waMessageId)).toMatchObject({ decrypted: true, text: "Selamat datang", from: shop });
    // Member receipts move the stored message on.
    await waitUntil(async () => (await db().message.findUnique({ where: { id: text.id } }))?.status === "read", { sandbox });

    // Budi's name is known once he wrote in the group; Citra is mentioned by number.
    const hello = await sandbox.sendGroupText(people.budi, groupJid, "Halo juga");
    await waitUntil(() => db().message.findFirst({ where: { waMessageId: hello } }), { sandbox });
    const mention = await adminCaller.group.sendMention({ deviceId, groupJid, text: `@budi dan @+${people.citra}, pesanan siap` });
    expect(mention.content).toBe(`@${people.budi} dan @${people.citra}, pesanan siap`);
    const atCitra = await sandbox.waitForGroupMessage(people.citra, (m) => m.id === mention.waMessageId);
    expect(atCitra).toMatchObject({ decrypted: true, text: `@${people.budi} dan @${people.citra}, pesanan siap` });
    expect([...atCitra.mentions].sort()).toEqual([pn(people.budi), pn(people.citra)].sort());
    await expect(adminCaller.group.sendMention({ deviceId, groupJid, text: "tanpa sebutan" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(adminCaller.group.sendMention({ deviceId, groupJid, text: `@+${people.eka} halo` })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining(`+${people.eka}`),
    });

    const mediaId = await uploadedMediaId(admin, makePng(), "promo.png");
    const photo = await adminCaller.group.sendMedia({ deviceId, groupJid, mediaId, caption: "Promo @budi" });
    expect(photo).toMatchObject({ type: "image", content: `Promo @${people.budi}`, status: "sent" });
    const photoAtBudi = await sandbox.waitForGroupMessage(people.budi, (m) => m.id === photo.waMessageId);
    expect(photoAtBudi).toMatchObject({ decrypted: true, text: `Promo @${people.budi}`, mentions: [pn(people.budi)] });
    expect(photoAtBudi.media).toBeTruthy();
    for (const action of ["group.sendMessage", "group.sendMention", "group.sendMedia"]) {
      await expect(db().auditLog.findFirst({ where: { action, targetId: groupJid } })).resolves.toBeTruthy();
    }
  });

  it("adds members with one result per number, promotes, demotes, and reads and revokes the invite link", async () => {
    const restricted = people.eka;
    sandbox.setGroupAddRestricted(restricted, true);
    const absent = `+${uniquePhone()}`;
    const results = await adminCaller.group.addParticipants({ deviceId, groupJid, participants: [`+${people.dewi}`, absent, `+${restricted}`, `+${people.budi}`] });
    expect(results).toEqual([
      { phone: `+${people.dewi}`, result: "done" },
      { phone: absent, result: "not_on_whatsapp" },
      { phone: `+${restricted}`, result: "privacy_restricted" },
      { phone: `+${people.budi}`, result: "already_member" },
    ]);
    await groupWhere(groupJid, (g) => g.participants.length === 4);

    expect(await adminCaller.group.promote({ deviceId, groupJid, participants: [`+${people.dewi}`] })).toEqual([{ phone: `+${people.dewi}`, result: "done" }]);
    expect(sandbox.group(groupJid)?.participants.find((p) => p.phone === people.dewi)?.role).toBe("admin");
    expect((await adminCaller.group.info({ deviceId, groupJid })).participants.find((p) => p.phone === `+${people.dewi}`)?.role).toBe("admin");
    await adminCaller.group.demote({ deviceId, groupJid, participants: [`+${people.dewi}`] });
    expect((await adminCaller.group.info({ deviceId, groupJid })).participants.find((p) => p.phone === `+${people.dewi}`)?.role).toBe("member");

    const invite = await adminCaller.group.inviteCode({ deviceId, groupJid });
    expect(invite.code).toBe(sandbox.group(groupJid)?.inviteCode);
    expect(invite.link).toBe(`https://chat.whatsapp.com/${invite.code}`);
    const revoked = await adminCaller.group.revokeInvite({ deviceId, groupJid });
    expect(revoked.code).not.toBe(invite.code);
    expect(sandbox.group(groupJid)?.inviteCode).toBe(revoked.code);

    const renamed = await adminCaller.group.updateSubject({ deviceId, groupJid, subject: "Pelanggan VIP" });
    expect(renamed.subject).toBe("Pelanggan VIP");
    expect(sandbox.group(groupJid)?.subject).toBe("Pelanggan VIP");
    const described = await adminCaller.group.updateDescription({ deviceId, groupJid, description: "Info promo mingguan" });
    expect(described.description).toBe("Info promo mingguan");
    expect(sandbox.group(groupJid)?.description).toBe("Info promo mingguan");
    for (const action of ["group.addParticipants", "group.promoteParticipants", "group.demoteParticipants", "group.inviteCode", "group.revokeInvite", "group.updateSubject", "group.updateDescription"]) {
      await expect(db().auditLog.findFirst({ where: { action, targetId: groupJid } })).resolves.toBeTruthy();
    }
  });

  it("after removing a member, the next message goes out under a new sender key: the removed phone cannot read it, the others can", async () => {
    const before = await adminCaller.group.sendMessage({ deviceId, groupJid, text: "sebelum" });
    await sandbox.waitForGroupMessage(people.dewi, (m) => m.id === before.waMessageId && m.decrypted);

    sandbox.listenToGroup(people.dewi, groupJid, true);
    expect(await adminCaller.group.removeParticipants({ deviceId, groupJid, participants: [`+${people.dewi}`] })).toEqual([{ phone: `+${people.dewi}`, result: "done" }]);
    const after = await adminCaller.group.sendMessage({ deviceId, groupJid, text: "rahasia sesudah Dewi keluar" });
    expect(await sandbox.waitForGroupMessage(people.dewi, (m) => m.id === after.waMessageId)).toMatchObject({ member: false, decrypted: false, text: "" });
    for (const phone of [people.budi, people.citra]) {
      expect(await sandbox.waitForGroupMessage(phone, (m) => m.id === after.waMessageId)).toMatchObject({ decrypted: true, text: "rahasia sesudah Dewi keluar" });
    }
    await expect(db().auditLog.findFirst({ where: { action: "group.removeParticipants", targetId: groupJid } })).resolves.toBeTruthy();
  });

  it("rotates too when another admin removes a member (seen in WhatsApp's notification)", async () => {
    await adminCaller.group.promote({ deviceId, groupJid, participants: [`+${people.budi}`] });
    const before = await adminCaller.group.sendMessage({ deviceId, groupJid, text: "sebelum Citra keluar" });
    await sandbox.waitForGroupMessage(people.citra, (m) => m.id === before.waMessageId && m.decrypted);

    sandbox.listenToGroup(people.citra, groupJid, true);
    sandbox.updateGroupParticipants(people.budi, groupJid, "remove", [people.citra]);
    await groupWhere(groupJid, (g) => g.participants.every((p) => p.jid !== pn(people.citra)));
    const after = await adminCaller.group.sendMessage({ deviceId, groupJid, text: "sesudah Citra keluar" });
    expect(await sandbox.waitForGroupMessage(people.citra, (m) => m.id === after.waMessageId)).toMatchObject({ member: false, decrypted: false });
    expect(await sandbox.waitForGroupMessage(people.budi, (m) => m.id === after.waMessageId)).toMatchObject({ decrypted: true, text: "sesudah Citra keluar" });
  });

  it("leaves the group: kept as left, and nothing more is sent to it", async () => {
    expect(await adminCaller.group.leave({ deviceId, groupJid })).toEqual({ groupJid });
    expect(sandbox.group(groupJid)?.participants.some((p) => p.phone === shop)).toBe(false);
    expect((await adminCaller.group.list({ deviceId })).find((g) => g.groupJid === groupJid)).toMatchObject({ isMember: false, memberCount: 0 });
    const before = await db().message.count();
    await expect(adminCaller.group.sendMessage({ deviceId, groupJid, text: "masih ada?" })).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("no longer a member") });
    expect(await db().message.count()).toBe(before);
    await expect(db().auditLog.findFirst({ where: { action: "group.leave", targetId: groupJid } })).resolves.toBeTruthy();
  });

  it("is admin only: a user gets FORBIDDEN before anything is looked up", async () => {
    await expect(userCaller.group.list({ deviceId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(userCaller.group.sendMessage({ deviceId, groupJid, text: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
