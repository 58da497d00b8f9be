import { jidNormalizedUser, type WASocket } from "baileys";
import { GroupRequestRefusedError } from "./errors";
import { forgetOwnSenderKey } from "./group-sender-key";
import { snapshotOf, type GroupSnapshot, type ParticipantsAction } from "./group-snapshot";

/** WhatsApp's answer for one number of an add/remove/promote/demote: `status` is its code ("200" = done). */
export interface ParticipantOutcome {
  jid: string;
  status: string;
}

/** The group requests of one connected device, in plain types. */
export interface WaGroupClient {
  fetchAll(): Promise<GroupSnapshot[]>;
  metadata(groupJid: string): Promise<GroupSnapshot>;
  create(subject: string, participantJids: string[]): Promise<GroupSnapshot>;
  updateParticipants(groupJid: string, jids: string[], action: ParticipantsAction): Promise<ParticipantOutcome[]>;
  inviteCode(groupJid: string): Promise<string | null>;
  revokeInvite(groupJid: string): Promise<string | null>;
  updateSubject(groupJid: string, subject: string): Promise<void>;
  updateDescription(groupJid: string, description: string | null): Promise<void>;
  leave(groupJid: string): Promise<void>;
  /** The next send to the group distributes a new sender key (see forgetOwnSenderKey). */
  rotateSenderKey(groupJid: string): Promise<void>;
}

/** An `<iq type=error>` answer: Baileys throws a Boom whose `data` is the numeric code (assertNodeErrorFree). */
function refusal(error: unknown): GroupRequestRefusedError | null {
  const boom = error as { isBoom?: unknown; data?: unknown; message?: unknown } | null;
  if (!boom || boom.isBoom !== true || typeof boom.data !== "number" || !Number.isFinite(boom.data)) return null;
  return new GroupRequestRefusedError(boom.data, typeof boom.message === "string" ? boom.message : "");
}

async function refusalsTyped<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw refusal(error) ?? error;
  }
}

export function groupClient(sock: WASocket): WaGroupClient {
  return {
    fetchAll: () => refusalsTyped(async () => Object.values(await sock.groupFetchAllParticipating()).map(snapshotOf)),
    metadata: (groupJid) => refusalsTyped(async () => snapshotOf(await sock.groupMetadata(groupJid))),
    create: (subject, jids) => refusalsTyped(async () => snapshotOf(await sock.groupCreate(subject, jids))),
    updateParticipants: (groupJid, jids, action) =>
      refusalsTyped(async () => {
        const results = await sock.groupParticipantsUpdate(groupJid, jids, action);
        return results.map((result, index) => ({ jid: result.jid ? jidNormalizedUser(result.jid) : (jids[index] ?? ""), status: result.status }));
      }),
    inviteCode: (groupJid) => refusalsTyped(async () => (await sock.groupInviteCode(groupJid)) ?? null),
    revokeInvite: (groupJid) => refusalsTyped(async () => (await sock.groupRevokeInvite(groupJid)) ?? null),
    updateSubject: (groupJid, subject) => refusalsTyped(() => sock.groupUpdateSubject(groupJid, subject)),
    updateDescription: (groupJid, description) => refusalsTyped(() => sock.groupUpdateDescription(groupJid, description ?? undefined)),
    leave: (groupJid) => refusalsTyped(() => sock.groupLeave(groupJid)),
    rotateSenderKey: (groupJid) => forgetOwnSenderKey(sock, groupJid),
  };
}
