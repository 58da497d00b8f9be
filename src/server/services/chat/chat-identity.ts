import { chatDisplayNames, chatNameKey, type ChatName } from "./display-names";

/** The display name of one chat of a device (for a conversation opened by link, before the chat list knows it). */
export async function chatIdentity(input: { device: { id: number; ownerId: number }; chatJid: string }): Promise<ChatName> {
  const ref = { deviceId: input.device.id, ownerId: input.device.ownerId, chatJid: input.chatJid };
  const names = await chatDisplayNames([ref]);
  return names.get(chatNameKey(ref)) ?? { name: null, saved: false };
}
