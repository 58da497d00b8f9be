"use client";

import { Copy } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { useT } from "@/i18n/provider";

/** Shows a generated password once, so the admin can hand it over. */
export function TemporaryPasswordDialog({ name, password, onClose }: { name: string; password: string | null; onClose: () => void }) {
  const t = useT();
  return (
    <Dialog open={password !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent closeLabel={t("common.close")}>
        <DialogHeader>
          <DialogTitle>{t("adminUsers.tempPasswordTitle", { name })}</DialogTitle>
          <DialogDescription>{t("adminUsers.tempPasswordBody")}</DialogDescription>
        </DialogHeader>
        <div className="flex items-center gap-2">
          <code data-testid="temporary-password" className="flex-1 rounded-md border bg-muted px-3 py-2 font-mono text-base select-all">
            {password}
          </code>
          <Button
            variant="outline"
            size="icon"
            aria-label={t("common.copy")}
            onClick={() => void navigator.clipboard?.writeText(password ?? "").then(() => toast.success(t("common.copied")))}
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
