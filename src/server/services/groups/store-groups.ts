import type { GroupDevice, SelfIds } from "../../whatsapp/inbound-port";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "../../db";
import { eventBus } from "../../events/bus";
import type { GroupChange, GroupMember, GroupSnapshot } from "../../whatsapp/group-snapshot";

export type { GroupDevice, SelfIds };

function isSelf(member: Pick<GroupMember, "jid" | "lid">, self: SelfIds): boolean {
  return member.jid === self.pn || member.jid === self.lid || (member.lid !== null && member.lid === self.lid);
}

function publishChanged(device: GroupDevice, groupJid: string): void {
  eventBus().publish("group.changed", { deviceId: device.deviceId, groupJid }, { ownerId: null });
}

async function upsertGroup(tx: Prisma.TransactionClient, device: GroupDevice, group: GroupSnapshot): Promise<{ id: number; removed: boolean }> {
  const row = await tx.group.upsert({
    where: { deviceId_groupJid: { deviceId: device.id, groupJid: group.jid } },
    create: {
      deviceId: device.id,
      groupJid: group.jid,
      subject: group.subject,
      description: group.description,
      ownerJid: group.ownerJid,
      creation: group.creation,
      isMember: true,
    },
    update: { subject: group.subject, description: group.description, ownerJid: group.ownerJid, creation: group.creation, isMember: true },
    select: { id: true, participants: { select: { jid: true } } },
  });
  const current = new Set(group.members.map((m) => m.jid));
  const gone = row.participants.filter((p) => !current.has(p.jid)).map((p) => p.jid);
  if (gone.length) await tx.groupParticipant.deleteMany({ where: { groupId: row.id, jid: { in: gone } } });
  await upsertMembers(tx, row.id, group.members);
  return { id: row.id, removed: gone.length > 0 };
}

async function upsertMembers(tx: Prisma.TransactionClient, groupId: number, members: GroupMember[]): Promise<void> {
  for (const member of members) {
    await tx.groupParticipant.upsert({
      where: { groupId_jid: { groupId, jid: member.jid } },
      create: { groupId, jid: member.jid, lid: member.lid, role: member.role },
      update: { lid: member.lid ?? undefined, role: member.role },
    });
  }
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/**
 * Prisma's upsert is a read then a write: the create notification and the create request's own answer can race to
 * insert the same group (or member). The loser finds the row on its second try.
 */
async function onceMoreOnInsertRace<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return work();
  }
}

function storeSnapshot(device: GroupDevice, group: GroupSnapshot): Promise<{ id: number; removed: boolean }> {
  return onceMoreOnInsertRace(() => db().$transaction((tx) => upsertGroup(tx, device, group)));
}

/**
 * Replaces the device's groups with what WhatsApp listed on connect. Groups no longer listed are kept (their
 * history stays) but marked as left. Returns the groups that lost members while we were not listening: their
 * sender key must be replaced before the next send.
 */
export async function syncDeviceGroups(device: GroupDevice, groups: GroupSnapshot[]): Promise<string[]> {
  const lostMembers: string[] = [];
  for (const group of groups) {
    const { removed } = await storeSnapshot(device, group);
    if (removed) lostMembers.push(group.jid);
  }
  await db().group.updateMany({
    where: { deviceId: device.id, isMember: true, groupJid: { notIn: groups.map((g) => g.jid) } },
    data: { isMember: false },
  });
  eventBus().publish("group.changed", { deviceId: device.deviceId, groupJid: "" }, { ownerId: null });
  return lostMembers;
}

/** Applies one notified change. Unknown groups are fetched by the caller first (a `details` or `participants` change needs a row). */
export async function applyGroupChange(device: GroupDevice, change: GroupChange, self: SelfIds): Promise<void> {
  if (change.kind === "snapshot") {
    await storeSnapshot(device, change.group);
    publishChanged(device, change.group.jid);
    return;
  }
  const group = await db().group.findUnique({ where: { deviceId_groupJid: { deviceId: device.id, groupJid: change.jid } }, select: { id: true } });
  if (!group) return;
  if (change.kind === "details") {
    await db().group.update({
      where: { id: group.id },
      data: { ...(change.subject !== undefined ? { subject: change.subject } : {}), ...(change.description !== undefined ? { description: change.description } : {}) },
    });
  } else {
    const { action, members } = change;
    await onceMoreOnInsertRace(() => db().$transaction(async (tx) => {
      if (action === "remove") {
        await tx.groupParticipant.deleteMany({ where: { groupId: group.id, jid: { in: members.map((m) => m.jid) } } });
        if (members.some((m) => isSelf(m, self))) await tx.group.update({ where: { id: group.id }, data: { isMember: false } });
      } else if (action === "add") {
        await upsertMembers(tx, group.id, members);
        if (members.some((m) => isSelf(m, self))) await tx.group.update({ where: { id: group.id }, data: { isMember: true } });
      } else {
        const role = action === "promote" ? "admin" : "member";
        await tx.groupParticipant.updateMany({ where: { groupId: group.id, jid: { in: members.map((m) => m.jid) }, role: { not: "superadmin" } }, data: { role } });
      }
    }));
  }
  publishChanged(device, change.jid);
}

/** Whether the device already keeps this group (a change for an unknown group is read in full first). */
export async function isKnownGroup(device: GroupDevice, groupJid: string): Promise<boolean> {
  const row = await db().group.findUnique({ where: { deviceId_groupJid: { deviceId: device.id, groupJid } }, select: { id: true } });
  return row !== null;
}

/** The device left the group: it is kept (history) but no longer a member. */
export async function markGroupLeft(device: GroupDevice, groupJid: string): Promise<void> {
  await db().group.updateMany({ where: { deviceId: device.id, groupJid }, data: { isMember: false } });
  await db().groupParticipant.deleteMany({ where: { group: { deviceId: device.id, groupJid } } });
  publishChanged(device, groupJid);
}

/** Remembers a member's WhatsApp display name from one of their group messages. */
export async function rememberMemberName(deviceDbId: number, groupJid: string, memberJid: string, name: string): Promise<void> {
  await db().groupParticipant.updateMany({
    where: { group: { deviceId: deviceDbId, groupJid }, jid: memberJid, OR: [{ name: null }, { name: { not: name } }] },
    data: { name: name.slice(0, 191) },
  });
}
