import type { GroupRole } from "@/generated/prisma/enums";
import { phoneFromJid, toJid } from "@/lib/phone";
import { db } from "../../db";
import type { DeviceRow } from "../devices/types";
import { findGroup } from "./group-access";

export interface GroupSummary {
  groupJid: string;
  subject: string;
  memberCount: number;
  isMember: boolean;
  updatedAt: Date;
}

/** The device's groups, the ones it is still in first, by subject. */
export async function listGroups(device: Pick<DeviceRow, "id">): Promise<GroupSummary[]> {
  const rows = await db().group.findMany({
    where: { deviceId: device.id },
    select: { groupJid: true, subject: true, isMember: true, updatedAt: true, _count: { select: { participants: true } } },
    orderBy: [{ isMember: "desc" }, { subject: "asc" }, { id: "asc" }],
  });
  return rows.map(({ _count, ...row }) => ({ ...row, memberCount: _count.participants }));
}

export interface GroupMemberView {
  jid: string;
  phone: string | null;
  /** The owner's saved contact name, else the WhatsApp name seen on their messages. */
  name: string | null;
  role: GroupRole;
  isSelf: boolean;
}

export interface GroupDetails {
  groupJid: string;
  subject: string;
  description: string | null;
  ownerJid: string | null;
  creation: Date | null;
  isMember: boolean;
  /** The device's own role; null when it is not a member. */
  selfRole: GroupRole | null;
  participants: GroupMemberView[];
}

const ROLE_ORDER: Record<GroupRole, number> = { superadmin: 0, admin: 1, member: 2 };

export async function groupInfo(device: Pick<DeviceRow, "id" | "ownerId" | "phoneNumber">, groupJid: string): Promise<GroupDetails> {
  const found = await findGroup(device, groupJid);
  const group = await db().group.findUniqueOrThrow({
    where: { id: found.id },
    select: {
      groupJid: true,
      subject: true,
      description: true,
      ownerJid: true,
      creation: true,
      isMember: true,
      participants: { select: { jid: true, name: true, role: true } },
    },
  });
  const phones = group.participants.flatMap((p) => phoneFromJid(p.jid) ?? []);
  const contacts = await db().contact.findMany({ where: { ownerId: device.ownerId, phone: { in: phones } }, select: { phone: true, name: true } });
  const saved = new Map(contacts.map((c) => [c.phone, c.name]));
  const selfJid = device.phoneNumber ? toJid(device.phoneNumber) : null;
  const participants = group.participants
    .map((p) => {
      const phone = phoneFromJid(p.jid);
      return { jid: p.jid, phone, name: (phone && saved.get(phone)) || p.name, role: p.role, isSelf: p.jid === selfJid };
    })
    .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || (a.name ?? a.jid).localeCompare(b.name ?? b.jid));
  const self = participants.find((p) => p.isSelf);
  const { participants: _rows, ...rest } = group;
  return { ...rest, selfRole: group.isMember ? (self?.role ?? "member") : null, participants };
}
