import { placeholderPattern, templateProblems } from "@/lib/render-template";

/** Variables a bot reply may use. */
export const REPLY_VARIABLES = ["name", "pushName", "device", "time"] as const;
export type ReplyVariables = Record<(typeof REPLY_VARIABLES)[number], string>;

/** Why a reply text cannot be saved (malformed or unknown placeholders), or null. */
export function replyTextProblem(text: string): string | null {
  const malformed = templateProblems(text);
  if (malformed.length > 0) return `Malformed placeholder ${malformed[0]?.text ?? ""}; write {{name}}, {{pushName}}, {{device}} or {{time}}`;
  for (const match of text.matchAll(placeholderPattern())) {
    const name = match[1] ?? "";
    if (!(REPLY_VARIABLES as readonly string[]).includes(name)) {
      return `Unknown variable {{${name}}}; a bot reply can use ${REPLY_VARIABLES.map((v) => `{{${v}}}`).join(", ")}`;
    }
  }
  return null;
}

/** Fills the placeholders (an unknown one, impossible after validation, becomes empty). */
export function renderReply(text: string, variables: ReplyVariables): string {
  return text.replace(placeholderPattern(), (_whole, name: string) => (name in variables ? variables[name as keyof ReplyVariables] : ""));
}

/** "14:05" in the device's time zone. */
export function clockTime(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(at);
}
