"use client";

import { useRef, useState } from "react";
import type { MessageStatus } from "@/generated/prisma/enums";
import { useLiveEvent } from "@/components/live/live-events-provider";
import { laterStatus } from "./status-order";

interface Tracked {
  id: number;
  status: MessageStatus;
  error: string | null;
}

/**
 * Follows one sent message's status from live events. Receipts can beat the send's HTTP response, so statuses seen
 * before the id is known are kept (briefly) and applied when tracking starts.
 */
export function useMessageStatus() {
  const [tracked, setTracked] = useState<Tracked | null>(null);
  const early = useRef(new Map<number, { status: MessageStatus; error: string | null }>());

  useLiveEvent("message.status", (event) => {
    const { messageId, status, error } = event.data;
    const seen = early.current.get(messageId);
    early.current.set(messageId, { status: seen ? laterStatus(seen.status, status) : status, error: error ?? seen?.error ?? null });
    if (early.current.size > 200) early.current.delete(early.current.keys().next().value as number);
    setTracked((current) => (current && current.id === messageId ? { ...current, status: laterStatus(current.status, status), error: error ?? current.error } : current));
  });

  const track = (message: Tracked) => {
    const seen = early.current.get(message.id);
    setTracked(seen ? { id: message.id, status: laterStatus(message.status, seen.status), error: seen.error ?? message.error } : message);
  };

  return { tracked, track, reset: () => setTracked(null) };
}
