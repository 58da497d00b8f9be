"use client";

import { RevealOnceDialog } from "@/components/ui/reveal-once-dialog";
import { useT } from "@/i18n/provider";

/** Shows an endpoint's signing secret (after create, rotate or reveal) with a copy button. */
export function SecretDialog({ secret, onClose }: { secret: string | null; onClose: () => void }) {
  const t = useT();
  return <RevealOnceDialog value={secret} title={t("webhooks.secretTitle")} description={t("webhooks.secretBody")} testId="webhook-secret" onClose={onClose} />;
}
