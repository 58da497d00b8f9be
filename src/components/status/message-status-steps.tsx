"use client";

import { Check, CircleAlert } from "lucide-react";
import type { MessageStatus } from "@/generated/prisma/enums";
import { cn } from "@/components/ui/cn";
import { useT } from "@/i18n/provider";

const steps = ["pending", "sent", "delivered", "read"] as const;

/** pending → sent → delivered → read as a progress track; "failed" replaces the track. */
export function MessageStatusSteps({ status }: { status: MessageStatus }) {
  const t = useT();
  if (status === "failed") {
    return (
      <p className="flex items-center gap-2 text-sm font-medium text-destructive">
        <CircleAlert className="size-4" aria-hidden />
        {t("messageStatus.failed")}
      </p>
    );
  }
  const reached = steps.indexOf(status);
  return (
    <ol className="flex items-center gap-1" aria-label={t(`messageStatus.${status}`)}>
      {steps.map((step, index) => {
        const done = index <= reached;
        return (
          // Each label sits under its circle: side by side, the Indonesian labels are wider than the status card.
          <li key={step} className="flex flex-1 items-start gap-1 last:flex-none">
            <span className="flex flex-col items-center gap-1">
              <span
                className={cn(
                  "flex size-6 items-center justify-center rounded-full border text-xs transition-colors",
                  done ? "border-primary bg-primary text-primary-foreground" : "bg-card text-muted-foreground",
                )}
                aria-hidden
              >
                {done ? <Check className="size-3.5" /> : index + 1}
              </span>
              <span className={cn("text-xs", done ? "font-medium text-foreground" : "text-muted-foreground")}>{t(`messageStatus.${step}`)}</span>
            </span>
            {index < steps.length - 1 ? <span className={cn("mx-1 mt-3 h-px flex-1", index < reached ? "bg-primary" : "bg-border")} aria-hidden /> : null}
          </li>
        );
      })}
    </ol>
  );
}
