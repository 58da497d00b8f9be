"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { MessagesSquare, Smartphone, UserPlus } from "lucide-react";
import { useState } from "react";
import { errorMessage } from "@/components/errors/error-message";
import { useLiveEvent } from "@/components/live/live-events-provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useFormat, useT } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import { ContactDialog, type ContactDraft } from "./contact-dialog";
import { DeviceSelect } from "./device-select";
import { SyncFromDeviceButton } from "./sync-device-dialog";

/** A device's WhatsApp chats (its address book as far as the connection knows it), marked saved or not; live. */
export function WhatsAppChats() {
  const t = useT();
  const format = useFormat();
  const trpc = useTRPC();
  const devices = useQuery(trpc.device.list.queryOptions({ limit: 200 }));
  const [deviceId, setDeviceId] = useState("");
  const [draft, setDraft] = useState<{ key: number; value: ContactDraft } | null>(null);
  const items = devices.data?.items ?? [];
  const selected = items.some((d) => d.deviceId === deviceId) ? deviceId : (items[0]?.deviceId ?? "");
  const chats = useQuery(trpc.contact.fromWhatsApp.queryOptions({ deviceId: selected }, { enabled: Boolean(selected) }));
  const queryClient = useQueryClient();
  // A new chat shows up as soon as its first message arrives.
  useLiveEvent("message.received", () => void queryClient.invalidateQueries({ queryKey: trpc.contact.fromWhatsApp.queryKey() }));

  if (devices.isPending) {
    return (
      <Card>
        <ChatsSkeleton />
      </Card>
    );
  }
  if (devices.isError) {
    return <ErrorState title={t("common.loadError")} message={errorMessage(devices.error, t)} retryLabel={t("common.retry")} onRetry={() => void devices.refetch()} />;
  }
  if (items.length === 0) {
    return <EmptyState icon={Smartphone} title={t("devices.empty")} description={t("devices.emptyBody")} />;
  }

  return (
    <Card>
      <CardHeader className="flex flex-col gap-3 border-b pb-4 sm:flex-row sm:items-center">
        <DeviceSelect id="chats-device" aria-label={t("contacts.device")} devices={items} value={selected} onChange={setDeviceId} className="sm:w-80" />
        <p className="flex-1 text-sm text-muted-foreground">{t("contacts.chats.hint")}</p>
        <SyncFromDeviceButton key={selected} deviceId={selected} />
      </CardHeader>
      {chats.isPending ? (
        <ChatsSkeleton />
      ) : chats.isError ? (
        <div className="p-5">
          <ErrorState title={t("common.loadError")} message={errorMessage(chats.error, t)} retryLabel={t("common.retry")} onRetry={() => void chats.refetch()} />
        </div>
      ) : chats.data.items.length === 0 ? (
        <div className="p-5">
          <EmptyState icon={MessagesSquare} title={t("contacts.chats.empty")} description={t("contacts.chats.emptyBody")} className="border-none" />
        </div>
      ) : (
        <>
          <Table>
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead>{t("contacts.name")}</TableHead>
                <TableHead>{t("contacts.phone")}</TableHead>
                <TableHead className="hidden md:table-cell">{t("contacts.chats.lastMessage")}</TableHead>
                <TableHead className="hidden sm:table-cell">{t("contacts.chats.messages")}</TableHead>
                <TableHead className="text-right">{t("contacts.chats.contact")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {chats.data.items.map((chat) => (
                <TableRow key={chat.jid} data-testid="whatsapp-chat-row">
                  <TableCell className="font-medium">{chat.pushName ?? <span className="font-normal text-muted-foreground">{t("contacts.chats.noName")}</span>}</TableCell>
                  <TableCell className="font-mono text-xs">{chat.phone}</TableCell>
                  <TableCell className="hidden text-sm text-muted-foreground md:table-cell">
                    <time dateTime={new Date(chat.lastMessageAt).toISOString()} title={format.dateTime(chat.lastMessageAt)}>
                      {format.relative(chat.lastMessageAt)}
                    </time>
                  </TableCell>
                  <TableCell className="hidden tabular-nums sm:table-cell">{format.number(chat.messageCount)}</TableCell>
                  <TableCell className="text-right">
                    {chat.savedContact ? (
                      <Badge tone="success" dot>
                        {chat.savedContact.name}
                      </Badge>
                    ) : (
                      <Button variant="outline" size="sm" onClick={() => setDraft({ key: Date.now(), value: { name: chat.pushName ?? "", phone: chat.phone } })}>
                        <UserPlus aria-hidden />
                        {t("contacts.chats.save")}
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {chats.data.truncated ? <p className="border-t px-5 py-3 text-xs text-muted-foreground">{t("contacts.chats.truncated", { count: chats.data.items.length })}</p> : null}
        </>
      )}
      {draft ? <ContactDialog key={draft.key} draft={draft.value} open onOpenChange={(open) => !open && setDraft(null)} /> : null}
    </Card>
  );
}

function ChatsSkeleton() {
  return (
    <div className="grid gap-3 p-4" aria-busy>
      {[0, 1, 2].map((i) => (
        <div key={i} className="flex items-center gap-4">
          <Skeleton className="h-4 w-32" />
          <Skeleton className="h-4 w-28" />
          <Skeleton className="ml-auto h-8 w-20" />
        </div>
      ))}
    </div>
  );
}
