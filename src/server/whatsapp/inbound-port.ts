import type { Prisma } from "@/generated/prisma/client";
import type { MediaKind, MessageStatus, MessageType } from "@/generated/prisma/enums";
import { globalSingleton } from "../global-singleton";
import type { GroupChange, GroupSnapshot } from "./group-snapshot";

/** A message received from a contact or group, as the inbound pipeline stores and handles it. */
export interface IncomingMessage {
  device: { id: number; deviceId: string; ownerId: number };
  waMessageId: string;
  chatJid: string;
  fromJid: string;
  toJid: string;
  type: MessageType;
  content: string | null;
  timestamp: Date;
  pushName: string | null;
  /** The downloaded file of a media message (null when it could not be downloaded, or for texts). */
  mediaId?: number | null;
  metadata?: Prisma.InputJsonValue;
}

/** A received file, offered to the media store before its message is stored. */
export interface IncomingMediaFile {
  ownerId: number;
  kind: MediaKind;
  declaredMimeType: string | null;
  declaredSize: number | null;
  fileName: string | null;
  sha256: string | null;
  /** Opens the decrypted bytes; only called when the file is within the limit. */
  open: () => Promise<AsyncIterable<Uint8Array>>;
}

export type IncomingMediaOutcome = { mediaId: number } | { mediaId: null; error: string };

export interface OutgoingStatusUpdate {
  device: { id: number; deviceId: string; ownerId: number };
  waMessageId: string;
  /** The row id when the caller knows it (the send path): saves reading the row first. */
  messageId?: number;
  status: Exclude<MessageStatus, "pending">;
  error?: string | null;
  /** The row's new updatedAt (now when absent): the send path answers with the row it wrote, without reading it. */
  at?: Date;
}

export interface GroupDevice {
  id: number;
  deviceId: string;
}

/** The device's own identities, to tell "we were removed" from "someone else was". */
export interface SelfIds {
  pn: string | null;
  lid: string | null;
}

/**
 * Where inbound WhatsApp traffic goes: one set of domain handlers (storing, opt-outs, the bot, statistics,
 * webhooks…), installed once per process by its entry point (services/inbound/install-inbound.ts), so whatsapp/
 * hands traffic over without calling services itself.
 */
export interface InboundHandlers {
  /** A redelivered message is stored already: checked before downloading its media again. */
  incomingExists(deviceDbId: number, waMessageId: string): Promise<boolean>;
  storeMedia(file: IncomingMediaFile): Promise<IncomingMediaOutcome>;
  incomingMessage(message: IncomingMessage): Promise<unknown>;
  /** A receipt or ack for one of our messages; true when the status moved. */
  outgoingStatus(update: OutgoingStatusUpdate): Promise<boolean>;
  groupChange(device: GroupDevice, change: GroupChange, self: SelfIds, fetch: (groupJid: string) => Promise<GroupSnapshot>): Promise<void>;
  /** Every group the device is in, fetched after a connect; returns the groups it was removed from meanwhile. */
  groupsFetched(device: GroupDevice, groups: GroupSnapshot[]): Promise<string[]>;
}

// On globalThis (globalSingleton): Next's bundle and the custom server each load their own copy of this module.
const slot = () => globalSingleton("inboundHandlers", () => ({ handlers: null as InboundHandlers | null }));

export function installInboundHandlers(handlers: InboundHandlers): void {
  slot().handlers = handlers;
}

export function inboundHandlers(): InboundHandlers {
  const { handlers } = slot();
  if (!handlers) throw new Error("No inbound handlers are installed: the process entry point must call installInbound()");
  return handlers;
}
