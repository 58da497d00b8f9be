import { Users } from "lucide-react";
import { cn } from "@/components/ui/cn";

const TONES = ["bg-primary/15 text-primary", "bg-info/15 text-info", "bg-warning/20 text-[oklch(0.47_0.11_65)]", "bg-success/15 text-[oklch(0.42_0.12_150)]"];

/** Initials on a colour picked from the jid, so a contact keeps its colour everywhere. */
export function ChatAvatar({ jid, label, isGroup, className }: { jid: string; label: string; isGroup: boolean; className?: string }) {
  let hash = 0;
  for (const char of jid) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  const initials = label.replace(/^\+/, "").trim().slice(0, 2).toUpperCase();
  return (
    <span aria-hidden className={cn("flex size-10 shrink-0 items-center justify-center rounded-full text-sm font-semibold", TONES[hash % TONES.length], className)}>
      {isGroup ? <Users className="size-4" /> : initials}
    </span>
  );
}
