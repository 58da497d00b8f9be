import { isLidUser, jidNormalizedUser, type GroupMetadata, type GroupParticipant } from "baileys";

export type GroupMemberRole = "member" | "admin" | "superadmin";

/** A group member in plain terms: the phone-number jid when WhatsApp gave one (else the LID), and the LID apart. */
export interface GroupMember {
  jid: string;
  lid: string | null;
  role: GroupMemberRole;
}

/** A group as WhatsApp described it, free of Baileys types. */
export interface GroupSnapshot {
  jid: string;
  subject: string;
  description: string | null;
  ownerJid: string | null;
  creation: Date | null;
  members: GroupMember[];
}

export type ParticipantsAction = "add" | "remove" | "promote" | "demote";

/** One change WhatsApp notified about a group, in the order it arrived. */
export type GroupChange =
  | { kind: "snapshot"; group: GroupSnapshot }
  | { kind: "details"; jid: string; subject?: string; description?: string | null }
  | { kind: "participants"; jid: string; action: ParticipantsAction; members: GroupMember[] };

function normalized(jid: string | undefined): string | null {
  return jid ? jidNormalizedUser(jid) : null;
}

/** In LID-addressed groups `id` is the LID and `phoneNumber` the phone-number jid (WA-PROTOCOL §8.3). */
export function memberOf(participant: GroupParticipant): GroupMember {
  const id = jidNormalizedUser(participant.id);
  const pn = normalized(participant.phoneNumber);
  const lid = isLidUser(id) ? id : normalized(participant.lid);
  return {
    jid: isLidUser(id) && pn ? pn : id,
    lid,
    role: participant.admin === "superadmin" ? "superadmin" : participant.admin === "admin" ? "admin" : "member",
  };
}

export function snapshotOf(metadata: GroupMetadata): GroupSnapshot {
  const owner = normalized(metadata.ownerPn) ?? normalized(metadata.owner);
  return {
    jid: metadata.id,
    subject: metadata.subject ?? "",
    description: metadata.desc ?? null,
    ownerJid: owner,
    creation: metadata.creation ? new Date(metadata.creation * 1000) : null,
    members: (metadata.participants ?? []).map(memberOf),
  };
}
