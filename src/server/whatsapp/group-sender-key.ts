import { jidDecode, type WASocket } from "baileys";

/**
 * Baileys' name for a sender key record, `<group>::<signal user>::<device>` (SenderKeyName.serialize with
 * jidToSignalProtocolAddress): a LID user carries its domain type, `123_1` for `123:1@lid`.
 */
export function ownSenderKeyName(groupJid: string, meJid: string): string | null {
  const decoded = jidDecode(meJid);
  if (!decoded?.user) return null;
  const user = decoded.domainType ? `${decoded.user}_${decoded.domainType}` : decoded.user;
  return `${groupJid}::${user}::${decoded.device ?? 0}`;
}

/**
 * Makes the next send to the group start a new sender key and hand it to every current member.
 *
 * Baileys 7.0.0-rc14 never rotates its own sender key when a member leaves (WA-PROTOCOL G2): it keeps encrypting
 * with the chain the removed member already holds, and `sender-key-memory` says every remaining device has it, so
 * nothing new is distributed. Deleting both records makes `encryptGroupMessage` create a fresh record and the send
 * path distribute its SKDM to every device again. Both own identities are cleared: LID groups key on `me.lid`,
 * phone-number groups on `me.id`.
 *
 * `dropSessionsWith` also deletes our pairwise sessions with those devices, so the new SKDM reaches them over fresh
 * sessions (see GroupSendGuard for when a stored session may be behind the member's phone).
 *
 * The deletion runs in the key transaction Baileys' relayMessage takes (keyed by `me.id`): a send that is half-way
 * through the records finishes and commits first, and cannot write the old key back afterwards.
 */
export async function forgetOwnSenderKey(sock: WASocket, groupJid: string, dropSessionsWith: string[] = []): Promise<void> {
  const me = sock.authState.creds.me;
  const names = [me?.id, me?.lid].flatMap((jid) => {
    const name = jid ? ownSenderKeyName(groupJid, jid) : null;
    return name ? [name] : [];
  });
  const keys = sock.authState.keys;
  await keys.transaction(async () => {
    if (dropSessionsWith.length) await sock.signalRepository.deleteSession(dropSessionsWith);
    await keys.set({
      "sender-key": Object.fromEntries(names.map((name) => [name, null])),
      "sender-key-memory": { [groupJid]: null },
    });
  }, me?.id ?? groupJid);
}

/** The device jids our current sender key for the group was handed to (Baileys' `sender-key-memory`). */
export async function senderKeyHolders(sock: WASocket, groupJid: string): Promise<string[]> {
  const { [groupJid]: memory } = await sock.authState.keys.get("sender-key-memory", [groupJid]);
  return memory ? Object.keys(memory).filter((jid) => memory[jid]) : [];
}
