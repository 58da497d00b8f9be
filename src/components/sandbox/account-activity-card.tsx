"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useLiveEvent } from "@/components/live/live-events-provider";
import { useFormatBytes } from "@/components/media/format-bytes";
import { MediaKindIcon } from "@/components/media/media-kind";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { useFormat, useT } from "@/i18n/provider";
import type { ControlMediaInfo } from "@/sandbox/control-client";
import { useSandboxAccountDetail } from "./use-sandbox";

/** A media message as the phone sees it: kind, name, size, and why it could not be downloaded if so. */
function SandboxMedia({ media }: { media: ControlMediaInfo }) {
  const t = useT();
  const bytes = useFormatBytes();
  return (
    <p className="mt-0.5 flex flex-wrap items-center gap-x-1.5 text-xs text-muted-foreground" data-testid="sandbox-media" data-kind={media.kind}>
      <MediaKindIcon kind={media.kind} className="size-3.5 shrink-0 text-primary" />
      <span className="font-medium text-foreground">{media.ptt ? t("media.voiceNoteKind") : t(`media.kinds.${media.kind}`)}</span>
      {media.fileName ? <span className="max-w-48 truncate" title={media.fileName}>{media.fileName}</span> : null}
      <span>· {bytes(media.size)}</span>
      {media.error ? <span className="basis-full text-destructive">{t("sandbox.mediaFailed", { error: media.error })}</span> : null}
    </p>
  );
}

/** What the account's phone sees: its linked devices, what it received and what it sent (with receipts). */
export function AccountActivityCard({ phone }: { phone: string }) {
  const t = useT();
  const format = useFormat();
  const queryClient = useQueryClient();
  const { devices, inbox, outbox } = useSandboxAccountDetail(phone);
  // Sandbox traffic is not evented itself; the app's message and device events say when to look again.
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ["sandbox"] });
  useLiveEvent("message.status", refresh);
  useLiveEvent("message.received", refresh);
  useLiveEvent("device.status", refresh);

  const loading = <Skeleton className="h-16" />;
  const empty = <p className="py-4 text-center text-sm text-muted-foreground">{t("sandbox.inboxEmpty")}</p>;

  return (
    <Card>
      <CardHeader>
        <CardTitle>+{phone}</CardTitle>
      </CardHeader>
      <CardContent>
        <Tabs defaultValue="devices">
          <TabsList className="h-auto max-w-full flex-wrap">
            <TabsTrigger value="devices">{t("sandbox.linkedDevices")}</TabsTrigger>
            <TabsTrigger value="inbox">{t("sandbox.inbox")}</TabsTrigger>
            <TabsTrigger value="outbox">{t("sandbox.outbox")}</TabsTrigger>
          </TabsList>
          <TabsContent value="devices">
            {devices.isPending ? loading : (devices.data ?? []).length === 0 ? (
              <p className="py-4 text-center text-sm text-muted-foreground">{t("sandbox.noLinkedDevices")}</p>
            ) : (
              <ul className="divide-y">
                {(devices.data ?? []).map((d) => (
                  <li key={d.jid} className="flex items-center justify-between gap-2 py-2">
                    <span className="truncate font-mono text-xs">{d.jid}</span>
                    <Badge tone={d.connected ? "success" : "neutral"} dot>
                      {d.connected ? t("sandbox.online") : t("sandbox.offlineState")}
                    </Badge>
                  </li>
                ))}
              </ul>
            )}
          </TabsContent>
          <TabsContent value="inbox">
            {inbox.isPending ? loading : (inbox.data ?? []).length === 0 ? empty : (
              <ul className="divide-y">
                {(inbox.data ?? []).map((m) => (
                  <li key={m.id} className="py-2">
                    <p className="text-xs text-muted-foreground">
                      +{m.from} · {format.dateTime(new Date(m.timestamp * 1000))}
                    </p>
                    {m.text ? <p className="text-sm break-words">{m.text}</p> : null}
                    {m.media ? <SandboxMedia media={m.media} /> : null}
                  </li>
                ))}
              </ul>
            )}
          </TabsContent>
          <TabsContent value="outbox">
            {outbox.isPending ? loading : (outbox.data ?? []).length === 0 ? empty : (
              <ul className="divide-y">
                {(outbox.data ?? []).map((m) => (
                  <li key={m.id} className="py-2">
                    <p className="text-xs text-muted-foreground">
                      +{m.to} · {format.dateTime(new Date(m.timestamp * 1000))}
                    </p>
                    {m.text ? <p className="text-sm break-words">{m.text}</p> : null}
                    {m.media ? <SandboxMedia media={m.media} /> : null}
                    {m.receipts.length > 0 ? <p className="text-xs text-muted-foreground">{t("sandbox.receipts", { receipts: m.receipts.join(", ") })}</p> : null}
                  </li>
                ))}
              </ul>
            )}
          </TabsContent>
        </Tabs>
      </CardContent>
    </Card>
  );
}
