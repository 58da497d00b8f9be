import { phoneFromJid } from "@/lib/phone";

/** Group conversations are admin-only (SPEC §2): user-facing chat queries leave them out. */
export const GROUP_JID_SUFFIX = "@g.us";

export function isGroupJid(jid: string): boolean {
  return jid.endsWith(GROUP_JID_SUFFIX);
}

/** "+62812…" for a person's jid; null for groups and other jids. */
export function chatPhone(jid: string): string | null {
  return phoneFromJid(jid);
}
