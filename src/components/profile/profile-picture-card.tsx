"use client";

import { ImageUp, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { toast } from "sonner";
import { useViewer } from "@/components/shell/viewer-context";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormError } from "@/components/ui/form-field";
import { useT } from "@/i18n/provider";
import { UserAvatar } from "./user-avatar";

/** The server's refusal text (`{ error }` of the avatar route), or null when the body says nothing usable. */
async function refusal(response: Response): Promise<string | null> {
  const body = (await response.json().catch(() => null)) as { error?: unknown } | null;
  return typeof body?.error === "string" ? body.error : null;
}

/** Upload or remove the profile picture; the header and menu show it after the page data refreshes. */
export function ProfilePictureCard() {
  const t = useT();
  const viewer = useViewer();
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<"upload" | "remove" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const display = viewer.fullName ?? viewer.username;

  const send = async (kind: "upload" | "remove", file?: File) => {
    setBusy(kind);
    setError(null);
    try {
      const response =
        kind === "upload" && file
          ? await fetch("/api/profile/avatar", { method: "POST", body: file, headers: { "x-file-name": encodeURIComponent(file.name) } })
          : await fetch("/api/profile/avatar", { method: "DELETE" });
      if (!response.ok) {
        setError((await refusal(response)) ?? t("common.unknownError"));
        return;
      }
      toast.success(t(kind === "upload" ? "profilePicture.updated" : "profilePicture.removed"));
      router.refresh();
    } catch {
      setError(t("common.unknownError"));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card className="lg:col-span-2" data-testid="profile-picture">
      <CardHeader>
        <CardTitle>{t("profilePicture.title")}</CardTitle>
        <CardDescription>{t("profilePicture.description")}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4 sm:flex-row sm:items-center">
        <UserAvatar name={display} url={viewer.avatar} className="size-20 text-xl" />
        <div className="grid gap-2">
          <FormError message={error} />
          <div className="flex flex-wrap gap-2">
            <Button onClick={() => input.current?.click()} loading={busy === "upload"} disabled={busy !== null}>
              {busy === "upload" ? null : <ImageUp aria-hidden />}
              {viewer.avatar ? t("profilePicture.change") : t("profilePicture.upload")}
            </Button>
            {viewer.avatar ? (
              <Button variant="outline" onClick={() => void send("remove")} loading={busy === "remove"} disabled={busy !== null}>
                {busy === "remove" ? null : <Trash2 aria-hidden />}
                {t("profilePicture.remove")}
              </Button>
            ) : null}
          </div>
          <p className="text-xs text-muted-foreground">{t("profilePicture.hint")}</p>
          <input
            ref={input}
            type="file"
            accept="image/jpeg,image/png,image/webp,image/gif"
            className="sr-only"
            tabIndex={-1}
            aria-label={t("profilePicture.upload")}
            data-testid="avatar-file-input"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = "";
              if (file) void send("upload", file);
            }}
          />
        </div>
      </CardContent>
    </Card>
  );
}
