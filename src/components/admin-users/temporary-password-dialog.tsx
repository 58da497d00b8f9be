"use client";

import { RevealOnceDialog } from "@/components/ui/reveal-once-dialog";
import { useT } from "@/i18n/provider";

/** Shows a generated password once, so the admin can hand it over. */
export function TemporaryPasswordDialog({ name, password, onClose }: { name: string; password: string | null; onClose: () => void }) {
  const t = useT();
  return (
    <RevealOnceDialog
      value={password}
      title={t("adminUsers.tempPasswordTitle", { name })}
      description={t("adminUsers.tempPasswordBody")}
      testId="temporary-password"
      onClose={onClose}
    />
  );
}
