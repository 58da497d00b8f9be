import type { ComponentProps } from "react";
import { inputClass } from "./input";
import { cn } from "./cn";

export function Textarea({ className, ...props }: ComponentProps<"textarea">) {
  return <textarea className={cn(inputClass, "h-auto min-h-24 resize-y py-2", className)} {...props} />;
}
