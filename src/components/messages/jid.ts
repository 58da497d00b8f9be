/** "6281234567890@s.whatsapp.net" → "+6281234567890"; groups and other jids are shown as they are. */
export function displayJid(jid: string): string {
  const match = /^(\d+)(?::\d+)?@s\.whatsapp\.net$/.exec(jid);
  return match?.[1] ? `+${match[1]}` : jid;
}
