import { findMemberGroup } from "../groups/group-access";

/**
 * Before a group item's first send: the device must still be in the group (its stored row follows WhatsApp's
 * left/removed notifications). Throws the reason the item fails with; opt-outs and the "not on WhatsApp" check are
 * about numbers and do not apply to groups.
 */
export async function groupItemCheck(device: { id: number }, groupJid: string): Promise<void> {
  await findMemberGroup(device, groupJid);
}
