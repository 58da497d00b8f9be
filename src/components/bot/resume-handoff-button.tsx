"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Bot } from "lucide-react";
import { toast } from "sonner";
import { errorMessage } from "@/components/errors/error-message";
import { Button, type ButtonProps } from "@/components/ui/button";
import { useT } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";

/** Ends a hand-off: the bot answers this contact again. */
export function ResumeHandoffButton({ handoffId, size = "sm", variant = "outline" }: { handoffId: number; size?: ButtonProps["size"]; variant?: ButtonProps["variant"] }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const resume = useMutation(
    trpc.bot.handoffs.resume.mutationOptions({
      onSuccess: () => {
        toast.success(t("bot.handoffs.resumed"));
        void queryClient.invalidateQueries({ queryKey: trpc.bot.handoffs.pathKey() });
      },
      onError: (error) => toast.error(errorMessage(error, t)),
    }),
  );
  return (
    <Button size={size} variant={variant} loading={resume.isPending} onClick={() => resume.mutate({ handoffId })} data-testid="resume-handoff">
      {resume.isPending ? null : <Bot aria-hidden />}
      {t("bot.handoffs.resume")}
    </Button>
  );
}
