"use client";

import { RevealOnceDialog } from "@/components/ui/reveal-once-dialog";
import { useT } from "@/i18n/provider";

/** The new key's token, shown this once: the server keeps only its hash. */
export function ApiKeyCreatedDialog({ token, onClose }: { token: string | null; onClose: () => void }) {
  const t = useT();
  return (
    <RevealOnceDialog
      value={token}
      title={t("developers.createdTitle")}
      description={t("developers.createdBody")}
      testId="api-key-token"
      copyLabel={t("developers.copyKey")}
      doneLabel={t("developers.done")}
      onClose={onClose}
    />
  );
}
