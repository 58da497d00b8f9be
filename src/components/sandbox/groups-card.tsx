"use client";

import { Lock, Send, UsersRound } from "lucide-react";
import { useState, type FormEvent } from "react";
import { errorMessage } from "@/components/errors/error-message";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { ErrorState } from "@/components/ui/error-state";
import { FormError } from "@/components/ui/form-field";
import { Skeleton } from "@/components/ui/skeleton";
import { Textarea } from "@/components/ui/textarea";
import { useFormat, usePlural, useT } from "@/i18n/provider";
import type { ControlGroup } from "@/sandbox/control-client";
import { GroupCreateForm } from "./group-create-form";
import { useSandboxGroupMessages, useSandboxGroups, useSandboxSendGroupText } from "./use-sandbox";

/** The group chat as the phone sees it, newest last, and a box to write in it. */
function GroupChat({ phone, group }: { phone: string; group: ControlGroup }) {
  const t = useT();
  const format = useFormat();
  const messages = useSandboxGroupMessages(phone, group.id);
  const send = useSandboxSendGroupText();
  const [text, setText] = useState("");
  const names = new Map(group.participants.map((p) => [p.phone, p.name]));

  const onSend = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!text.trim()) return;
    send.mutate({ phone, groupId: group.id, text }, { onSuccess: () => setText((now) => (now === text ? "" : now)) });
  };

  return (
    <div className="grid gap-3">
      <ul className="flex flex-wrap gap-1.5" aria-label={t("sandboxGroups.participants")}>
        {group.participants.map((p) => (
          <li key={p.phone}>
            <Badge tone={p.role === "member" ? "neutral" : "primary"}>
              +{p.phone}
              {p.role === "member" ? null : ` · ${t(`sandboxGroups.roles.${p.role}`)}`}
            </Badge>
          </li>
        ))}
      </ul>
      {messages.isPending ? (
        <Skeleton className="h-20" />
      ) : messages.isError ? (
        <ErrorState title={t("common.loadError")} message={errorMessage(messages.error, t)} retryLabel={t("common.retry")} onRetry={() => void messages.refetch()} />
      ) : messages.data.length === 0 ? (
        <p className="py-4 text-center text-sm text-muted-foreground">{t("sandboxGroups.noMessages")}</p>
      ) : (
        <ul className="max-h-80 divide-y overflow-y-auto rounded-md border px-3" aria-label={t("sandboxGroups.chat")} data-testid="sandbox-group-chat">
          {messages.data.map((m) => (
            <li key={`${m.from}-${m.id}`} className="py-2" data-decrypted={m.decrypted}>
              <p className="text-xs text-muted-foreground">
                {m.fromMe ? t("sandboxGroups.you") : `${names.get(m.from) ?? ""} +${m.from}`.trim()} · {format.dateTime(new Date(m.timestamp * 1000))}
              </p>
              {m.decrypted ? (
                <>
                  {m.text ? <p className="text-sm break-words">{m.text}</p> : null}
                  {m.media ? <p className="text-xs text-muted-foreground">{t(`media.kinds.${m.media.kind}`)}</p> : null}
                </>
              ) : (
                <p className="flex items-center gap-1.5 text-sm text-destructive">
                  <Lock aria-hidden className="size-3.5 shrink-0" />
                  {t("sandboxGroups.notDecrypted")}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={onSend} className="grid gap-2" noValidate>
        <FormError message={send.error ? errorMessage(send.error, t) : null} />
        <Textarea aria-label={t("sandboxGroups.message")} placeholder={t("sandboxGroups.message")} rows={2} value={text} onChange={(e) => setText(e.target.value)} />
        <Button type="submit" loading={send.isPending} disabled={!text.trim()}>
          {send.isPending ? null : <Send aria-hidden />}
          {t("sandboxGroups.send")}
        </Button>
      </form>
    </div>
  );
}

/** The selected phone's groups: pick one to read its chat and post in it, or create one. */
export function GroupsCard({ phone }: { phone: string }) {
  const t = useT();
  const plural = usePlural();
  const groups = useSandboxGroups(phone);
  const [picked, setPicked] = useState<string | null>(null);
  const list = groups.data ?? [];
  const current = list.find((g) => g.id === picked) ?? list[0];

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("sandboxGroups.title")}</CardTitle>
        <CardDescription>{t("sandboxGroups.description")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {groups.isPending ? (
          <Skeleton className="h-16" />
        ) : groups.isError ? (
          <ErrorState title={t("common.loadError")} message={errorMessage(groups.error, t)} retryLabel={t("common.retry")} onRetry={() => void groups.refetch()} />
        ) : list.length === 0 ? (
          <p className="py-2 text-center text-sm text-muted-foreground">{t("sandboxGroups.empty")}</p>
        ) : (
          <>
            <ul className="grid gap-1" aria-label={t("sandboxGroups.pick")}>
              {list.map((g) => (
                <li key={g.id}>
                  <button
                    type="button"
                    onClick={() => setPicked(g.id)}
                    aria-pressed={current?.id === g.id}
                    className={cn(
                      "flex w-full cursor-pointer items-center justify-between gap-2 rounded-md px-3 py-2 text-left transition-colors hover:bg-muted",
                      current?.id === g.id && "bg-accent text-accent-foreground",
                    )}
                  >
                    <span className="flex min-w-0 items-center gap-2">
                      <UsersRound aria-hidden className="size-4 shrink-0 text-muted-foreground" />
                      <span className="truncate text-sm font-medium">{g.subject}</span>
                    </span>
                    <span className="shrink-0 text-xs text-muted-foreground">{plural("sandboxGroups.memberCount", g.participants.length)}</span>
                  </button>
                </li>
              ))}
            </ul>
            {current ? <GroupChat key={current.id} phone={phone} group={current} /> : null}
          </>
        )}
        <GroupCreateForm phone={phone} onCreated={setPicked} />
      </CardContent>
    </Card>
  );
}
