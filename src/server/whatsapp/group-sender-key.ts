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
 * nothing new is distributed. Deleting both records (under the group's key transaction, so no send of that group
 * is half-way through them) makes `encryptGroupMessage` create a fresh record and the send path distribute its SKDM
 * to every device again. Both own identities are cleared: LID groups key on `me.lid`, phone-number groups on `me.id`.
 */
export async function forgetOwnSenderKey(sock: WASocket, groupJid: string): Promise<void> {
  const me = sock.authState.creds.me;
  const names = [me?.id, me?.lid].flatMap((jid) => {
    const name = jid ? ownSenderKeyName(groupJid, jid) : null;
    return name ? [name] : [];
  });
  const keys = sock.authState.keys;
  await keys.transaction(
    async () =>
      await keys.set({
        "sender-key": Object.fromEntries(names.map((name) => [name, null])),
        "sender-key-memory": { [groupJid]: null },
      }),
    groupJid,
  );
}
