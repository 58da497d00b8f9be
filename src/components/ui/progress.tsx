import type { ComponentProps } from "react";
import { cn } from "./cn";

/** A determinate progress bar (0–100). Give it an accessible name with `aria-label` or `aria-labelledby`. */
export function Progress({ value, className, ...props }: ComponentProps<"div"> & { value: number }) {
  const clamped = Math.min(100, Math.max(0, Math.round(value)));
  return (
    <div
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={clamped}
      className={cn("h-1.5 w-full overflow-hidden rounded-full bg-muted", className)}
      {...props}
    >
      <div className="h-full rounded-full bg-primary transition-[width] duration-150" style={{ width: `${clamped}%` }} />
    </div>
  );
}
