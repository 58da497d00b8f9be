import { isJidBroadcast, isJidNewsletter, isJidStatusBroadcast, isLidUser, jidNormalizedUser, proto, type BaileysEventMap, type WAMessage, type WASocket } from "baileys";
import { Semaphore } from "async-mutex";
import type { Logger } from "pino";
import type { MediaKind, MessageStatus, MessageType } from "@/generated/prisma/enums";
import { downloadIncomingMedia, incomingMediaInfo, type MediaRequestOptions } from "./media-download";
import { messageContent } from "./message-content";
import type { SerialQueue } from "./serial-queue";
import { inboundHandlers, type IncomingMediaOutcome } from "./inbound-port";
import type { DeviceRef } from "./types";

const { Status } = proto.WebMessageInfo;

/** Baileys' ack levels → our outgoing statuses; PENDING and SERVER_ACK add nothing (sent is set by the send). */
function statusFromAck(ack: number | null | undefined): Exclude<MessageStatus, "pending" | "sent"> | null {
  switch (ack) {
    case Status.ERROR:
      return "failed";
    case Status.DELIVERY_ACK:
      return "delivered";
    case Status.READ:
    case Status.PLAYED:
      return "read";
    default:
      return null;
  }
}

/** Prefers the phone-number jid: v7 may address a chat by LID and carry the PN in the `…Alt` field. */
function preferPn(jid: string, alt: string | undefined): string {
  return isLidUser(jid) && alt && !isLidUser(alt) ? jidNormalizedUser(alt) : jidNormalizedUser(jid);
}

function isIgnoredChat(jid: string): boolean {
  return isJidStatusBroadcast(jid) || isJidBroadcast(jid) === true || isJidNewsletter(jid) === true;
}

/** Per device: enough to overlap a burst of photos without one device's media starving the rest of the server. */
const PARALLEL_DOWNLOADS = 3;

const MEDIA_TYPES: ReadonlySet<MessageType> = new Set<MessageType>(["image", "video", "audio", "document", "sticker"]);

function isMediaKind(type: MessageType): type is MediaKind {
  return MEDIA_TYPES.has(type);
}

function timestampOf(message: WAMessage): Date {
  const raw = message.messageTimestamp;
  const seconds = typeof raw === "number" ? raw : raw ? Number(raw.toString()) : NaN;
  return Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000) : new Date();
}

/**
 * Feeds a socket's message events to the inbound handlers (inbound-port.ts). Work runs through the connection's queue so a
 * device's receipts apply in the order WhatsApp sent them; nothing is kept in memory beyond that queue.
 */
export function attachInbound(
  sock: WASocket,
  ctx: { device: DeviceRef; queue: SerialQueue; log: Logger; mediaRequestOptions?: MediaRequestOptions },
): void {
  const { device, queue, log } = ctx;
  const handlers = inboundHandlers();
  const downloads = new Semaphore(PARALLEL_DOWNLOADS);
  /**
   * Downloads before the row is stored: the message then appears complete. A redelivery (already stored) is not
   * downloaded again.
   */
  const fetchMedia = async (message: WAMessage, kind: MediaKind, waMessageId: string): Promise<IncomingMediaOutcome | "stored"> => {
    if (await handlers.incomingExists(device.id, waMessageId)) return "stored";
    const info = incomingMediaInfo(message);
    if (!info) return { mediaId: null, error: "The message carries no downloadable file" };
    const outcome = await handlers.storeMedia({
      ownerId: device.ownerId,
      kind,
      ...info,
      open: () => downloadIncomingMedia(message, sock, { requestOptions: ctx.mediaRequestOptions, log }),
    });
    if (outcome.mediaId === null) log.warn({ deviceId: device.deviceId, waMessageId, reason: outcome.error }, "incoming media not stored");
    return outcome;
  };
  const run = (what: string, work: () => Promise<void>) => {
    queue.run(work).catch((error: unknown) => log.error({ err: error, deviceId: device.deviceId }, `inbound ${what} failed`));
  };

  const onUpsert = ({ messages, type }: BaileysEventMap["messages.upsert"]) => {
    for (const message of messages) {
      const key = message.key;
      const remoteJid = key.remoteJid;
      if (!remoteJid || !key.id || isIgnoredChat(remoteJid)) continue;
      if (key.fromMe) {
        // A receipt that lands within ~100 ms of the send is merged into the upsert of our own message (WA-PROTOCOL P3).
        const status = statusFromAck(message.status);
        const id = key.id;
        if (status) run("own-message status", async () => void (await handlers.outgoingStatus({ device, waMessageId: id, status })));
        continue;
      }
      // Messages that waited on the server while the device was offline arrive as "append" (offline=1), not "notify".
      if (type !== "notify" && type !== "append") continue;
      const content = messageContent(message.message);
      if (!content) continue;
      const chatJid = preferPn(remoteJid, key.remoteJidAlt);
      const fromJid = key.participant ? preferPn(key.participant, key.participantAlt) : chatJid;
      const ownJid = sock.user?.id ? jidNormalizedUser(sock.user.id) : "";
      const waMessageId = key.id;
      const mediaKind = isMediaKind(content.type) ? content.type : null;
      // Downloads start at once and overlap (a few at a time); the rows are still stored in the queue, in order.
      const media = mediaKind ? downloads.runExclusive(() => fetchMedia(message, mediaKind, waMessageId)) : null;
      // Awaited only when the queue reaches this message: until then a failure must not count as unhandled.
      media?.catch(() => undefined);
      run("message", async () => {
        const downloaded = media ? await media : null;
        if (downloaded === "stored") return;
        await handlers.incomingMessage({
          device,
          waMessageId,
          chatJid,
          fromJid,
          toJid: ownJid,
          type: content.type,
          content: content.content,
          timestamp: timestampOf(message),
          pushName: message.pushName ?? null,
          mediaId: downloaded?.mediaId ?? null,
          ...(downloaded && downloaded.mediaId === null ? { metadata: { mediaError: downloaded.error } } : {}),
        });
      });
    }
  };

  const onUpdate = (updates: BaileysEventMap["messages.update"]) => {
    for (const { key, update } of updates) {
      if (!key.fromMe || !key.id || !key.remoteJid || isIgnoredChat(key.remoteJid)) continue;
      const status = statusFromAck(update.status);
      if (!status) continue;
      const id = key.id;
      const error = status === "failed" ? (update.messageStubParameters?.[0] ?? "WhatsApp reported an error") : null;
      run("receipt", async () => void (await handlers.outgoingStatus({ device, waMessageId: id, status, error })));
    }
  };

  // Group receipts arrive only as per-member receipts (WA-PROTOCOL §8.1): the first member's counts for the message.
  const onMemberReceipt = (updates: BaileysEventMap["message-receipt.update"]) => {
    for (const { key, receipt } of updates) {
      if (!key.fromMe || !key.id || !key.remoteJid?.endsWith("@g.us")) continue;
      const status = receipt.readTimestamp ? "read" : receipt.receiptTimestamp ? "delivered" : null;
      if (!status) continue;
      const id = key.id;
      run("group receipt", async () => void (await handlers.outgoingStatus({ device, waMessageId: id, status })));
    }
  };

  sock.ev.on("messages.upsert", onUpsert);
  sock.ev.on("message-receipt.update", onMemberReceipt);
  sock.ev.on("messages.update", onUpdate);
}
