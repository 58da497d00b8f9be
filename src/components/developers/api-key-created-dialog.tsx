"use client";

import { Copy } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { useT } from "@/i18n/provider";

/** The new key's token, shown this once: the server keeps only its hash. */
export function ApiKeyCreatedDialog({ token, onClose }: { token: string | null; onClose: () => void }) {
  const t = useT();
  return (
    <Dialog open={token !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent closeLabel={t("common.close")}>
        <DialogHeader>
          <DialogTitle>{t("developers.createdTitle")}</DialogTitle>
          <DialogDescription>{t("developers.createdBody")}</DialogDescription>
        </DialogHeader>
        <div className="flex min-w-0 items-center gap-2">
          <code data-testid="api-key-token" className="min-w-0 flex-1 rounded-md border bg-muted px-3 py-2 font-mono text-sm break-all select-all">
            {token}
          </code>
          <Button
            variant="outline"
            size="icon"
            aria-label={t("developers.copyKey")}
            onClick={() => void navigator.clipboard?.writeText(token ?? "").then(() => toast.success(t("common.copied")))}
          >
            <Copy aria-hidden />
          </Button>
        </div>
        <DialogFooter>
          <Button onClick={onClose}>{t("developers.done")}</Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
