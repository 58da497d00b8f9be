"use client";

import { Copy } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { useT } from "@/i18n/provider";

/** Shows a value the server returns once (a temporary password, a signing secret) with a copy button; closed when null. */
export function RevealOnceDialog({
  value,
  title,
  description,
  testId,
  copyLabel,
  doneLabel,
  onClose,
}: {
  value: string | null;
  title: string;
  description: string;
  testId: string;
  /** The copy button's and the closing button's labels, when "Copy" and "Close" say too little. */
  copyLabel?: string;
  doneLabel?: string;
  onClose: () => void;
}) {
  const t = useT();
  return (
    <Dialog open={value !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent closeLabel={t("common.close")}>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        <div className="flex min-w-0 items-center gap-2">
          <code data-testid={testId} className="min-w-0 flex-1 rounded-md border bg-muted px-3 py-2 font-mono text-sm break-all select-all">
            {value}
          </code>
          <Button
            variant="outline"
            size="icon"
            aria-label={copyLabel ?? t("common.copy")}
            onClick={() => void navigator.clipboard?.writeText(value ?? "").then(() => toast.success(t("common.copied")))}
          >
            <Copy aria-hidden />
          </Button>
        </div>
        <DialogFooter>
          <Button onClick={onClose}>{doneLabel ?? t("common.close")}</Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
