export interface MentionCandidate {
  jid: string;
  phone: string | null;
  name: string | null;
}

export interface ResolvedMentions {
  /** The text as sent: every mention written as `@<number>`, which WhatsApp shows as the member's name. */
  text: string;
  mentions: string[];
  /** `@<number>` tokens that are no member of the group. */
  unknownNumbers: string[];
}

const NUMBER_MENTION = /^@\+?(\d{6,15})\b/;

/**
 * Turns `@name` and `@number` (`@6281…`, `@+6281…`) in a text into WhatsApp mentions of group members. Names match
 * case-insensitively, the longest name first ("@Budi Santoso" before "@Budi"); an `@` that matches no member stays
 * as written.
 */
export function resolveMentions(text: string, members: MentionCandidate[]): ResolvedMentions {
  const byDigits = new Map(members.flatMap((m) => (m.phone ? [[m.phone.slice(1), m] as const] : [])));
  const named = members
    .filter((m): m is MentionCandidate & { name: string; phone: string } => Boolean(m.name?.trim() && m.phone))
    .sort((a, b) => b.name.length - a.name.length);
  const mentions = new Set<string>();
  const unknownNumbers: string[] = [];
  let out = "";
  let i = 0;
  while (i < text.length) {
    const at = text.indexOf("@", i);
    if (at < 0) {
      out += text.slice(i);
      break;
    }
    out += text.slice(i, at);
    const rest = text.slice(at);
    const number = NUMBER_MENTION.exec(rest);
    if (number?.[1]) {
      const member = byDigits.get(number[1]);
      if (member) mentions.add(member.jid);
      else unknownNumbers.push(number[1]);
      out += `@${number[1]}`;
      i = at + number[0].length;
      continue;
    }
    const lower = rest.slice(1).toLowerCase();
    const member = named.find((m) => lower.startsWith(m.name.toLowerCase()) && !/[\p{L}\p{N}]/u.test(lower.charAt(m.name.length)));
    if (member) {
      mentions.add(member.jid);
      out += `@${member.phone.slice(1)}`;
      i = at + 1 + member.name.length;
      continue;
    }
    out += "@";
    i = at + 1;
  }
  return { text: out, mentions: [...mentions], unknownNumbers };
}
