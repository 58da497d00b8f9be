import { UserRound, Users } from "lucide-react";
import { cn } from "@/components/ui/cn";

const TONES = ["bg-primary/15 text-primary", "bg-info/15 text-info", "bg-warning/20 text-[oklch(0.47_0.11_65)]", "bg-success/15 text-[oklch(0.42_0.12_150)]"];

/**
 * Initials of the person's name on a colour picked from the jid, so a contact keeps its colour everywhere; a person
 * icon when only the number is known (digits are not initials).
 */
export function ChatAvatar({ jid, label, isGroup, className }: { jid: string; label: string | null; isGroup: boolean; className?: string }) {
  let hash = 0;
  for (const char of jid) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  const initials = (label ?? "")
    .split(/\s+/)
    .filter((word) => /^\p{L}/u.test(word))
    .slice(0, 2)
    .map((word) => word.charAt(0).toUpperCase())
    .join("");
  return (
    <span aria-hidden className={cn("flex size-10 shrink-0 items-center justify-center rounded-full text-sm font-semibold", TONES[hash % TONES.length], className)}>
      {isGroup ? <Users className="size-4" /> : initials ? initials : <UserRound className="size-4" />}
    </span>
  );
}
