"use client";

import { Copy } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { useT } from "@/i18n/provider";

/** Shows an endpoint's signing secret (after create, rotate or reveal) with a copy button. */
export function SecretDialog({ secret, onClose }: { secret: string | null; onClose: () => void }) {
  const t = useT();
  return (
    <Dialog open={secret !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent closeLabel={t("common.close")}>
        <DialogHeader>
          <DialogTitle>{t("webhooks.secretTitle")}</DialogTitle>
          <DialogDescription>{t("webhooks.secretBody")}</DialogDescription>
        </DialogHeader>
        <div className="flex items-center gap-2">
          <code data-testid="webhook-secret" className="min-w-0 flex-1 rounded-md border bg-muted px-3 py-2 font-mono text-sm break-all select-all">
            {secret}
          </code>
          <Button
            variant="outline"
            size="icon"
            aria-label={t("common.copy")}
            onClick={() => void navigator.clipboard?.writeText(secret ?? "").then(() => toast.success(t("common.copied")))}
          >
            <Copy aria-hidden />
          </Button>
        </div>
        <DialogFooter>
          <Button onClick={onClose}>{t("common.close")}</Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
