"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useLiveEvent } from "@/components/live/live-events-provider";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { useFormat, useT } from "@/i18n/provider";
import { useSandboxAccountDetail } from "./use-sandbox";

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
          <TabsList>
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
                    <p className="text-sm break-words">{m.text}</p>
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
                    <p className="text-sm break-words">{m.text}</p>
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
