"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { ClipboardCheck, Megaphone, Send } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { PacingStartFields, usePacingStart } from "@/components/blast/pacing-start-fields";
import { errorMessage } from "@/components/errors/error-message";
import { formatDuration } from "@/components/jobs/job-types";
import { AttachButton, AttachmentRow } from "@/components/media/attachment-picker";
import { useMediaAttachment } from "@/components/media/use-media-upload";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-field";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { Textarea } from "@/components/ui/textarea";
import { useT } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";

/**
 * "Send to several groups": pick groups of the device, a file (the chat composer's picker) with a caption or a text,
 * pacing and start; review the groups, members and estimated duration; create one group job and open its page.
 */
export function GroupJobDialog({ deviceId, disabled }: { deviceId: string; disabled: boolean }) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [step, setStep] = useState<"compose" | "review">("compose");
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const attachment = useMediaAttachment();
  const timing = usePacingStart();
  const groups = useQuery({ ...trpc.group.list.queryOptions({ deviceId }), enabled: open });
  const sendable = (groups.data ?? []).filter((g) => g.isMember);
  const picked = sendable.filter((g) => chosen.has(g.groupJid));
  const members = picked.reduce((n, g) => n + g.memberCount, 0);
  const create = useMutation(
    trpc.group.createMediaJob.mutationOptions({
      onSuccess: (job) => {
        toast.success(t("adminGroups.bulkCreated"));
        setOpen(false);
        router.push(`/jobs/${job.id}`);
      },
    }),
  );

  const toggle = (groupJid: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(groupJid);
    else next.delete(groupJid);
    setChosen(next);
  };
  const review = () => {
    if (picked.length === 0) return setProblem(t("adminGroups.bulkChooseGroup"));
    if (!attachment.state && !text.trim()) return setProblem(t("adminGroups.bulkNeedMessage"));
    setProblem(null);
    setStep("review");
  };
  const submit = async () => {
    const media = attachment.state ? await attachment.ready().catch(() => null) : null;
    if (attachment.state && !media) return setStep("compose");
    create.mutate({
      deviceId,
      groupJids: picked.map((g) => g.groupJid),
      message: media ? { kind: "media", mediaId: media.id, caption: text, sendAs: "auto" } : { kind: "text", text },
      pacing: timing.pacing,
      start: timing.later ? { startAt: timing.when, timezone: timing.timezone } : {},
    });
  };
  const etaSeconds = Math.ceil((Math.max(0, picked.length - 1) * timing.averageMs) / 1000);

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        setStep("compose");
      }}
    >
      <DialogTrigger asChild>
        <Button size="sm" variant="outline" disabled={disabled} data-testid="group-job-open">
          <Megaphone aria-hidden />
          {t("adminGroups.bulkOpen")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={t("common.close")} className="max-h-[90dvh] overflow-y-auto sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>{t("adminGroups.bulkTitle")}</DialogTitle>
          <DialogDescription>{t("adminGroups.bulkDescription")}</DialogDescription>
        </DialogHeader>
        {step === "compose" ? (
          <div className="grid gap-4 [&_[role=combobox]]:min-w-0">
            <fieldset className="grid gap-2">
              <div className="flex items-center justify-between gap-2">
                <legend className="text-sm font-medium">{t("adminGroups.bulkGroups")}</legend>
                {sendable.length > 1 ? (
                  <label className="inline-flex items-center gap-2 text-sm">
                    <input type="checkbox" className="accent-primary" checked={picked.length === sendable.length} onChange={(e) => setChosen(new Set(e.target.checked ? sendable.map((g) => g.groupJid) : []))} />
                    {t("adminGroups.bulkSelectAll")}
                  </label>
                ) : null}
              </div>
              {groups.isPending ? (
                <Skeleton className="h-24" />
              ) : groups.isError ? (
                <FormError message={errorMessage(groups.error, t)} />
              ) : sendable.length === 0 ? (
                <p className="text-sm text-muted-foreground">{t("adminGroups.bulkNoGroups")}</p>
              ) : (
                <ul className="grid max-h-56 gap-1 overflow-y-auto rounded-md border p-2" data-testid="group-job-groups">
                  {sendable.map((g) => (
                    <li key={g.groupJid}>
                      <label className="flex items-center gap-3 rounded px-2 py-1.5 hover:bg-muted/60">
                        <input type="checkbox" className="accent-primary" checked={chosen.has(g.groupJid)} onChange={(e) => toggle(g.groupJid, e.target.checked)} />
                        <span className="min-w-0 flex-1 truncate text-sm">{g.subject}</span>
                        <span className="shrink-0 text-xs text-muted-foreground">{t("adminGroups.members", { count: g.memberCount })}</span>
                      </label>
                    </li>
                  ))}
                </ul>
              )}
            </fieldset>
            <div className="grid gap-2">
              <Label htmlFor="group-job-text">{t("adminGroups.bulkText")}</Label>
              <AttachmentRow attachment={attachment} removeLabel={t("chat.removeAttachment")} busy={create.isPending} testId="group-job-attachment" />
              <div className="flex items-end gap-2">
                <AttachButton attachment={attachment} label={t("adminGroups.attach")} disabled={create.isPending} testId="group-job-file-input" />
                <Textarea id="group-job-text" rows={3} className="flex-1" value={text} onChange={(e) => setText(e.target.value)} />
              </div>
              <p className="text-xs text-muted-foreground">{t("adminGroups.bulkTextHint")}</p>
            </div>
            <PacingStartFields value={timing} idPrefix="group-job" />
            <FormError message={problem} />
            <DialogFooter>
              <Button type="button" variant="outline" onClick={review} data-testid="group-job-review">
                <ClipboardCheck aria-hidden />
                {t("adminGroups.bulkReview")}
              </Button>
            </DialogFooter>
          </div>
        ) : (
          <div className="grid gap-4" data-testid="group-job-summary">
            <div className="grid gap-1 rounded-md border bg-muted/40 p-3 text-sm">
              <p className="font-medium">{t("adminGroups.bulkGroupsCount", { count: picked.length, members })}</p>
              <p className="break-words text-muted-foreground">{picked.map((g) => g.subject).join(", ")}</p>
              <p>{attachment.state ? t("adminGroups.bulkMessageFile", { name: attachment.state.file.name }) : t("adminGroups.bulkMessageText")}</p>
              {text.trim() ? <p className="whitespace-pre-wrap text-muted-foreground">{text}</p> : null}
              <p data-testid="group-job-eta">{t("adminGroups.bulkEta", { time: formatDuration(etaSeconds) })}</p>
              <p>{timing.later ? t("adminGroups.bulkStartsAt", { time: timing.when.replace("T", " "), zone: timing.timezone }) : t("adminGroups.bulkStartsNow")}</p>
            </div>
            <FormError message={create.error ? errorMessage(create.error, t) : null} />
            <DialogFooter className="gap-2">
              <Button type="button" variant="outline" onClick={() => setStep("compose")} disabled={create.isPending}>
                {t("adminGroups.bulkEdit")}
              </Button>
              <Button type="button" loading={create.isPending} onClick={() => void submit()} data-testid="group-job-create">
                {create.isPending ? null : <Send aria-hidden />}
                {timing.later ? t("adminGroups.bulkSchedule") : t("adminGroups.bulkCreate")}
              </Button>
            </DialogFooter>
          </div>
        )}
      </DialogContent>
    </Dialog>
  );
}
