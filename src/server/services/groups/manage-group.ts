import type { Prisma } from "@/generated/prisma/client";
import { toJid } from "@/lib/phone";
import { recordAudit } from "../audit/record-audit";
import type { DeviceRow, ServiceCall } from "../devices/types";
import type { ParticipantsAction } from "../../whatsapp/group-snapshot";
import { findMemberGroup, groupRequests, requestGroup } from "./group-access";
import { applyGroupChange, markGroupLeft } from "./store-groups";
import { groupInfo, type GroupDetails } from "./read-groups";

interface DeviceCall extends ServiceCall {
  device: DeviceRow;
}

interface GroupCall extends DeviceCall {
  groupJid: string;
}

async function audit(call: DeviceCall, action: string, groupJid: string, details: Prisma.InputJsonValue): Promise<void> {
  await recordAudit({ actorId: call.actor.id, action, targetType: "group", targetId: groupJid, details, ip: call.meta.ip });
}

function selfIds(device: DeviceRow) {
  return { pn: device.phoneNumber ? toJid(device.phoneNumber) : null, lid: null };
}

/** Creates the group on WhatsApp with the device as its admin and stores it at once (the notification may come later or never). */
export async function createGroup(call: DeviceCall & { subject: string; participants: string[] }): Promise<GroupDetails> {
  const client = groupRequests(call.device);
  const group = await requestGroup(() => client.create(call.subject, call.participants.map(toJid)));
  await applyGroupChange(call.device, { kind: "snapshot", group }, selfIds(call.device));
  await audit(call, "group.create", group.jid, { deviceId: call.device.deviceId, subject: call.subject, participants: call.participants.length });
  return groupInfo(call.device, group.jid);
}

/** What happened to one number of an add/remove/promote/demote, in words the page can show. */
export type ParticipantResult =
  | "done"
  | "already_member"
  | "not_on_whatsapp"
  | "not_member"
  | "privacy_restricted"
  | "recently_left"
  | "not_allowed"
  | "group_full"
  | "failed";

/** WhatsApp's per-number codes (the real server's 403 for privacy is documented by client libraries, not verified here: WA-PROTOCOL G9). */
function resultOf(status: string, action: ParticipantsAction): ParticipantResult {
  switch (status) {
    case "200":
      return "done";
    case "409":
      return action === "add" ? "already_member" : "failed";
    case "404":
      return action === "add" ? "not_on_whatsapp" : "not_member";
    case "403":
      return action === "add" ? "privacy_restricted" : "not_allowed";
    case "408":
      return "recently_left";
    case "401":
      return "not_allowed";
    case "500":
      return "group_full";
    default:
      return "failed";
  }
}

export interface ParticipantOutcomeView {
  phone: string;
  result: ParticipantResult;
}

/**
 * Adds, removes, promotes or demotes members, one result per number. The stored member list follows at once for the
 * numbers WhatsApp accepted. After a removal the group's sender key is replaced before anything else is sent, so the
 * removed member cannot read later messages (see forgetOwnSenderKey).
 */
export async function updateParticipants(call: GroupCall & { phones: string[]; action: ParticipantsAction }): Promise<ParticipantOutcomeView[]> {
  await findMemberGroup(call.device, call.groupJid);
  const client = groupRequests(call.device);
  const jids = call.phones.map(toJid);
  const outcomes = await requestGroup(() => client.updateParticipants(call.groupJid, jids, call.action));
  const byJid = new Map(outcomes.map((o) => [o.jid, o.status]));
  const results = call.phones.map((phone, index) => ({ phone, result: resultOf(byJid.get(jids[index] ?? "") ?? outcomes[index]?.status ?? "", call.action) }));
  const accepted = results.filter((r) => r.result === "done").map((r) => toJid(r.phone));
  if (call.action === "remove" && accepted.length) await client.rotateSenderKey(call.groupJid);
  if (accepted.length) {
    // LIDs and roles come with WhatsApp's notification; until then the accepted numbers are stored as written.
    const members = accepted.map((jid) => ({ jid, lid: null, role: "member" as const }));
    await applyGroupChange(call.device, { kind: "participants", jid: call.groupJid, action: call.action, members }, selfIds(call.device));
  }
  await audit(call, `group.${call.action}Participants`, call.groupJid, {
    deviceId: call.device.deviceId,
    results: results.map((r) => ({ phone: r.phone, result: r.result })),
  });
  return results;
}

export async function getInviteLink(call: GroupCall & { revoke: boolean }): Promise<{ code: string; link: string }> {
  await findMemberGroup(call.device, call.groupJid);
  const client = groupRequests(call.device);
  const code = await requestGroup(() => (call.revoke ? client.revokeInvite(call.groupJid) : client.inviteCode(call.groupJid)));
  if (!code) throw new Error("WhatsApp answered without an invite code");
  await audit(call, call.revoke ? "group.revokeInvite" : "group.inviteCode", call.groupJid, { deviceId: call.device.deviceId });
  return { code, link: `https://chat.whatsapp.com/${code}` };
}

export async function updateSubject(call: GroupCall & { subject: string }): Promise<GroupDetails> {
  await findMemberGroup(call.device, call.groupJid);
  const client = groupRequests(call.device);
  await requestGroup(() => client.updateSubject(call.groupJid, call.subject));
  await applyGroupChange(call.device, { kind: "details", jid: call.groupJid, subject: call.subject }, selfIds(call.device));
  await audit(call, "group.updateSubject", call.groupJid, { deviceId: call.device.deviceId, subject: call.subject });
  return groupInfo(call.device, call.groupJid);
}

export async function updateDescription(call: GroupCall & { description: string | null }): Promise<GroupDetails> {
  await findMemberGroup(call.device, call.groupJid);
  const client = groupRequests(call.device);
  await requestGroup(() => client.updateDescription(call.groupJid, call.description));
  await applyGroupChange(call.device, { kind: "details", jid: call.groupJid, description: call.description }, selfIds(call.device));
  await audit(call, "group.updateDescription", call.groupJid, { deviceId: call.device.deviceId, length: call.description?.length ?? 0 });
  return groupInfo(call.device, call.groupJid);
}

/** Leaves the group; it stays listed (with its history) as left. */
export async function leaveGroup(call: GroupCall): Promise<{ groupJid: string }> {
  await findMemberGroup(call.device, call.groupJid);
  const client = groupRequests(call.device);
  await requestGroup(() => client.leave(call.groupJid));
  await markGroupLeft(call.device, call.groupJid);
  await audit(call, "group.leave", call.groupJid, { deviceId: call.device.deviceId });
  return { groupJid: call.groupJid };
}
