import { MessagesSquare } from "lucide-react";
import { cn } from "@/components/ui/cn";

export function BrandMark({ className }: { className?: string }) {
  return (
    <span className={cn("flex size-8 items-center justify-center rounded-lg bg-primary text-primary-foreground", className)}>
      <MessagesSquare className="size-4.5" aria-hidden />
    </span>
  );
}

export function Brand({ name, className }: { name: string; className?: string }) {
  return (
    <span className={cn("flex items-center gap-2.5 font-semibold tracking-tight", className)}>
      <BrandMark />
      <span className="text-base">{name}</span>
    </span>
  );
}
