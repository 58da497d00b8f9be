import { cva, type VariantProps } from "class-variance-authority";
import type { ComponentProps } from "react";
import { cn } from "./cn";

export const badgeVariants = cva(
  "inline-flex items-center gap-1.5 whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-medium [&_svg]:size-3",
  {
    variants: {
      tone: {
        neutral: "border-border bg-muted text-muted-foreground",
        success: "border-success/30 bg-success/10 text-[oklch(0.42_0.12_150)]",
        warning: "border-warning/40 bg-warning/15 text-[oklch(0.47_0.11_65)]",
        info: "border-info/30 bg-info/10 text-[oklch(0.45_0.15_250)]",
        danger: "border-destructive/30 bg-destructive/10 text-destructive",
        primary: "border-primary/30 bg-primary/10 text-primary",
      },
    },
    defaultVariants: { tone: "neutral" },
  },
);

const dotColour = {
  neutral: "bg-muted-foreground/60",
  success: "bg-success",
  warning: "bg-warning",
  info: "bg-info",
  danger: "bg-destructive",
  primary: "bg-primary",
} as const;

export type BadgeTone = keyof typeof dotColour;

export interface BadgeProps extends ComponentProps<"span">, VariantProps<typeof badgeVariants> {
  /** Leading status dot; `pulse` animates it (for transitional states like "connecting"). */
  dot?: boolean | "pulse";
}

export function Badge({ className, tone, dot, children, ...props }: BadgeProps) {
  return (
    <span className={cn(badgeVariants({ tone }), className)} {...props}>
      {dot ? (
        <span aria-hidden className={cn("size-1.5 rounded-full", dotColour[tone ?? "neutral"], dot === "pulse" && "animate-pulse")} />
      ) : null}
      {children}
    </span>
  );
}
