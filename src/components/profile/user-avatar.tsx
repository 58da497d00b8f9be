import { cn } from "@/components/ui/cn";

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "") + (parts[1]?.[0] ?? "")).toUpperCase() || "?";
}

/** A person's round picture, or their initials when they have none. */
export function UserAvatar({ name, url, className }: { name: string; url: string | null; className?: string }) {
  if (url) {
    // A small, already-scaled, private image: next/image's optimiser would only add a copy of it.
    return <img src={url} alt="" className={cn("size-7 shrink-0 rounded-full object-cover", className)} data-testid="user-avatar-image" />;
  }
  return (
    <span className={cn("flex size-7 shrink-0 items-center justify-center rounded-full bg-primary/15 text-xs font-semibold text-primary", className)}>
      {initials(name)}
    </span>
  );
}
