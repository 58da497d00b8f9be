"use client";

import { ArrowDownLeft, ArrowUpRight, MessageSquareText } from "lucide-react";
import Link from "next/link";
import { isMediaType, mediaCaption } from "@/components/media/media-kind";
import { MediaTag } from "@/components/media/media-tag";
import { MessageStatusBadge } from "@/components/status/message-status-badge";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useFormat, useT } from "@/i18n/provider";
import { chatDisplayName } from "@/components/messages/display-name";
import { messageOriginLabel } from "@/components/messages/message-origin";
import { formatPhone, phoneFromJid } from "@/lib/phone";
import type { FoundMessageItem } from "./chat-types";

/** Search results: when, which device, with whom, what, and a way into that conversation. */
export function HistoryResults({ items }: { items: FoundMessageItem[] }) {
  const t = useT();
  const format = useFormat();
  return (
    <Table>
      {/* Phones: no header; each row stacks into a small card (time · device, contact, message, status · open). */}
      <TableHeader className="max-sm:hidden">
        <TableRow className="hover:bg-transparent">
          <TableHead>{t("chatHistory.time")}</TableHead>
          <TableHead>{t("chatHistory.device")}</TableHead>
          <TableHead>{t("chatHistory.contact")}</TableHead>
          <TableHead className="w-full">{t("chatHistory.message")}</TableHead>
          <TableHead>{t("chatHistory.status")}</TableHead>
          <TableHead>
            <span className="sr-only">{t("chatHistory.openChat")}</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((m) => {
          const phone = phoneFromJid(m.chatJid);
          const who = chatDisplayName({ name: m.chatName, chatJid: m.chatJid }, t("chat.unnamed"));
          const origin = messageOriginLabel(m, t);
          const outgoing = m.direction === "outgoing";
          const Icon = outgoing ? ArrowUpRight : ArrowDownLeft;
          const text = isMediaType(m.type) ? mediaCaption(m) : m.content;
          return (
            <TableRow key={m.id} data-testid="history-row" data-message-id={m.id} className="max-sm:flex max-sm:flex-wrap max-sm:items-center max-sm:px-2 max-sm:py-2">
              <TableCell className="text-xs whitespace-nowrap text-muted-foreground max-sm:py-0.5">
                <time dateTime={m.timestamp.toISOString()}>{format.dateTime(m.timestamp)}</time>
              </TableCell>
              <TableCell className="max-w-40 truncate text-sm max-sm:py-0.5" title={m.device.deviceId}>
                {m.device.deviceName}
              </TableCell>
              <TableCell className="whitespace-nowrap max-sm:basis-full max-sm:py-0.5">
                <span className="block text-sm font-medium">{who}</span>
                {m.chatName && phone ? <span className="block text-xs text-muted-foreground">{formatPhone(phone)}</span> : null}
              </TableCell>
              <TableCell className="max-sm:basis-full max-sm:py-1 sm:min-w-64">
                <span className="flex items-start gap-2">
                  <Icon className={outgoing ? "mt-0.5 size-3.5 shrink-0 text-primary" : "mt-0.5 size-3.5 shrink-0 text-info"} aria-label={t(`direction.${m.direction}`)} />
                  <span className="min-w-0">
                    {text ? <span className="line-clamp-2 text-sm break-words">{text}</span> : null}
                    {isMediaType(m.type) ? (
                      <MediaTag type={m.type} media={m.media} />
                    ) : text ? null : (
                      <span className="text-sm text-muted-foreground italic">{t(`chat.types.${m.type}`)}</span>
                    )}
                    {origin ? (
                      <span className="block text-xs text-muted-foreground" data-testid="message-origin">
                        {origin}
                      </span>
                    ) : null}
                  </span>
                </span>
              </TableCell>
              <TableCell className="max-sm:py-0.5">{outgoing ? <MessageStatusBadge status={m.status} /> : <Badge tone="info">{t("direction.incoming")}</Badge>}</TableCell>
              <TableCell className="max-sm:ml-auto max-sm:py-0.5">
                <Link
                  href={`/devices/${encodeURIComponent(m.device.deviceId)}/chat?chat=${encodeURIComponent(m.chatJid)}`}
                  className="inline-flex items-center gap-1 text-sm font-medium whitespace-nowrap text-primary hover:underline"
                  aria-label={t("chatHistory.openChatWith", { name: who })}
                >
                  <MessageSquareText className="size-4" aria-hidden />
                  {t("chatHistory.openChat")}
                </Link>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
