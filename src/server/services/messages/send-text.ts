import { Mutex } from "async-mutex";
import type { Prisma } from "@/generated/prisma/client";
import type { MessageOrigin, MessageStatus, MessageType } from "@/generated/prisma/enums";
import { toJid } from "@/lib/phone";
import { NOT_ON_WHATSAPP_REASON } from "@/lib/send-failures";
import { AppError } from "../../errors";
import { db } from "../../db";
import { driverAutocommit, inDriverTransaction, type DriverTx } from "../../db/driver-pool";
import { eventBus } from "../../events/bus";
import { globalSingleton } from "../../global-singleton";
import { isWaError } from "../../whatsapp/errors";
import type { OutgoingContent } from "../../whatsapp/outgoing-content";
import { connectionManager } from "../../whatsapp/registry";
import { mapWaError } from "../devices/map-wa-error";
import { mediaSummarySelect } from "../media/media-select";
import { mediaPath } from "../media/media-store";
import { readDailyUsage } from "./daily-usage";
import { messageSelect } from "./message-select";
import { readOutgoingStatus, readSentMessage } from "./read-sent-message";
import { rememberOutgoingId, updateOutgoingStatus } from "./update-outgoing-status";

export type SentMessage = Prisma.MessageGetPayload<{ select: typeof messageSelect }>;

export interface SendTextInput {
  /** `deviceName` when the caller has it (a device-scoped call): the answer is then built without reading it back. */
  device: { id: number; deviceId: string; ownerId: number; phoneNumber: string | null; deviceName?: string };
  /** E.164, already validated (zPhone). */
  to: string;
  text: string;
  jobItemId?: number;
  /** Recorded on the row so chats can say "sent by <name>", "scheduled", "chat blast" or "bot". */
  origin: MessageOrigin;
  /** The signed-in person sending; absent for automation. */
  sentById?: number;
  /** The sending person's names, when the caller has them (the answer shows them without reading them back). */
  sender?: SenderNames;
  /**
   * Runs in the transaction that stores the pending row, before anything is sent. Durable work (scheduled
   * messages, job items) links its item to the row here, so no crash can leave a message its item does not know.
   * Throwing rolls the row back and nothing is sent.
   */
  onStored?: (tx: DriverTx, row: StoredOutgoing) => Promise<void>;
}

export interface SenderNames {
  username: string;
  fullName: string | null;
}

export interface StoredOutgoing {
  id: number;
  waMessageId: string;
}

function isGroupJid(to: string): boolean {
  return /^[0-9-]+@g\.us$/.test(to);
}

const DONE_STATUSES: readonly MessageStatus[] = ["sent", "delivered", "read"];

/** One in-flight limit check per owner, so concurrent sends cannot all squeeze under the daily limit. */
function ownerLock(ownerId: number): Mutex {
  const locks = globalSingleton("sendTextOwnerLocks", () => new Map<number, Mutex>());
  let lock = locks.get(ownerId);
  if (!lock) {
    lock = new Mutex();
    locks.set(ownerId, lock);
  }
  return lock;
}

/**
 * Sends a text from a device. Order matters: the device must be online and the owner under their daily limit
 * before anything is written; then the row is stored `pending` with the WhatsApp id we will send it with (so
 * a receipt can never arrive for a row we cannot find), then it moves to `sent` — or `failed` with the reason.
 */
export function sendText(input: SendTextInput): Promise<SentMessage> {
  return sendOutgoing({
    device: input.device,
    to: input.to,
    jobItemId: input.jobItemId,
    origin: input.origin,
    sentById: input.sentById,
    sender: input.sender,
    onStored: input.onStored,
    row: { type: "text", content: input.text, mediaId: null },
    content: { kind: "text", text: input.text },
  });
}

export interface OutgoingInput {
  device: SendTextInput["device"];
  /** E.164, or a group's jid (`…@g.us`). */
  to: string;
  /** Sends to this chat instead of `to`'s phone jid (the bot answering a group or a hidden-number chat). */
  chatJid?: string;
  jobItemId?: number;
  origin: SendTextInput["origin"];
  sentById?: number;
  sender?: SenderNames;
  onStored?: SendTextInput["onStored"];
  /** What the stored row says. */
  row: { type: MessageType; content: string | null; mediaId: number | null; metadata?: Prisma.InputJsonValue };
  /** What goes to WhatsApp. */
  content: OutgoingContent;
}

/** What a send left: the stored row and where it stands (automation needs no more than this). */
export interface OutgoingOutcome {
  id: number;
  waMessageId: string;
  status: MessageStatus;
  error: string | null;
  /** The row's updatedAt as this send last wrote it; null when a receipt's write overtook it. */
  updatedAt: Date | null;
}

/** The columns of the pending row a send wrote, besides its id. */
interface StoredRow {
  chatJid: string;
  fromJid: string;
  timestamp: Date;
  createdAt: Date;
}

/**
 * Sends and returns the message as the API shows it. A text sent by a device-scoped call is answered from what the
 * send wrote (every interactive send saved a read this way); anything else is read back once the send is over.
 */
export async function sendOutgoing(input: OutgoingInput): Promise<SentMessage> {
  const { outcome, stored } = await storeAndTransmit(input);
  const { deviceName } = input.device;
  const senderKnown = input.sentById === undefined || input.sender !== undefined;
  if (deviceName === undefined || !senderKnown || input.row.mediaId !== null || outcome.updatedAt === null) return readSentMessage(outcome.id);
  return {
    id: outcome.id,
    waMessageId: outcome.waMessageId,
    chatJid: stored.chatJid,
    fromJid: stored.fromJid,
    toJid: stored.chatJid,
    type: input.row.type,
    content: input.row.content,
    direction: "outgoing",
    status: outcome.status,
    error: outcome.error,
    timestamp: stored.timestamp,
    createdAt: stored.createdAt,
    updatedAt: outcome.updatedAt,
    device: { deviceId: input.device.deviceId, deviceName },
    media: null,
    deviceId: input.device.id,
    ownerId: input.device.ownerId,
    origin: input.origin,
    sentBy: input.sentById === undefined || !input.sender ? null : { id: input.sentById, ...input.sender },
  };
}

/** The one send pipeline for texts and media: limit check and pending row under the owner's lock, then transmit. */
export async function deliverOutgoing(input: OutgoingInput): Promise<OutgoingOutcome> {
  return (await storeAndTransmit(input)).outcome;
}

async function storeAndTransmit(input: OutgoingInput): Promise<{ outcome: OutgoingOutcome; stored: StoredRow }> {
  const manager = connectionManager();
  const { device } = input;
  const jid = input.chatJid ?? (isGroupJid(input.to) ? input.to : toJid(input.to));

  const row = await ownerLock(device.ownerId).runExclusive(async () => {
    if (!manager.isConnected(device.deviceId)) {
      throw new AppError("DEVICE_NOT_CONNECTED", "The device is not connected to WhatsApp; connect it first");
    }
    const usage = await readDailyUsage(device.ownerId);
    if (!usage) throw new AppError("NOT_FOUND", "The device's owner no longer exists");
    if (usage.sentToday >= usage.dailyMessageLimit) {
      throw new AppError("LIMIT_EXCEEDED", `The daily limit of ${usage.dailyMessageLimit} messages is reached; try again tomorrow`);
    }
    const waMessageId = (() => {
      try {
        return manager.newMessageId(device.deviceId);
      } catch (error) {
        return mapWaError(error);
      }
    })();
    const now = new Date();
    // WhatsApp timestamps have second precision; ours too, so chat order is by time, then by arrival (id).
    const timestamp = new Date(Math.floor(now.getTime() / 1000) * 1000);
    const fromJid = device.phoneNumber ? toJid(device.phoneNumber) : "";
    const stored = await storeOutgoing(input.onStored, waMessageId, (tx) =>
      tx.run(
        `INSERT INTO \`Message\` (\`deviceId\`, \`ownerId\`, \`waMessageId\`, \`chatJid\`, \`fromJid\`, \`toJid\`, \`type\`, \`content\`,
           \`mediaId\`, \`metadata\`, \`direction\`, \`status\`, \`timestamp\`, \`jobItemId\`, \`origin\`, \`sentById\`, \`createdAt\`, \`updatedAt\`)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'outgoing', 'pending', ?, ?, ?, ?, ?, ?)`,
        [
          device.id,
          device.ownerId,
          waMessageId,
          jid,
          fromJid,
          jid,
          input.row.type,
          input.row.content,
          input.row.mediaId,
          input.row.metadata === undefined ? null : JSON.stringify(input.row.metadata),
          timestamp,
          input.jobItemId ?? null,
          input.origin,
          input.sentById ?? null,
          now,
          now,
        ],
      ),
    );
    rememberOutgoingId(device.id, waMessageId, stored.id);
    return { outcome: { id: stored.id, waMessageId, status: "pending" as const, error: null, updatedAt: now }, stored: { chatJid: jid, fromJid, timestamp, createdAt: now } };
  });
  publishPending(device, row.outcome.id, row.outcome.waMessageId);
  return { outcome: await transmit({ device, row: row.outcome, jid, content: input.content, firstSend: true }), stored: row.stored };
}

/**
 * Sends an outgoing message that is already stored (crash recovery of durable work) with its own WhatsApp id, so a
 * copy that did reach the phone before the crash is not shown twice: phones key messages by id. A row already `sent`
 * (or further) is returned as it is; a `failed` one is moved back to `pending` first. The row passed the daily limit
 * when it was stored, so the limit is not counted again. Media rows are rebuilt from their stored file.
 */
export async function resendStored(input: { device: SendTextInput["device"]; messageId: number }): Promise<SentMessage> {
  const { device } = input;
  const row = await db().message.findFirst({
    where: { id: input.messageId, deviceId: device.id, direction: "outgoing" },
    select: { ...messageSelect, metadata: true, media: { select: { ...mediaSummarySelect, storageKey: true } } },
  });
  if (!row?.waMessageId) throw new AppError("NOT_FOUND", "The stored message to resend was not found");
  const { metadata, media, ...message } = row;
  const content = storedContent(message.type, message.content, media, metadata);
  if (!content) throw new AppError("NOT_FOUND", "The stored message can no longer be sent: its file is gone");
  const sent: SentMessage = { ...message, media: media && { id: media.id, kind: media.kind, mimeType: media.mimeType, size: media.size, fileName: media.fileName } };
  if (DONE_STATUSES.includes(sent.status)) return sent;
  if (!connectionManager().isConnected(device.deviceId)) {
    throw new AppError("DEVICE_NOT_CONNECTED", "The device is not connected to WhatsApp; connect it first");
  }
  if (sent.status === "failed") {
    const { count } = await db().message.updateMany({ where: { id: sent.id, status: "failed" }, data: { status: "pending", error: null } });
    if (count > 0) publishPending(device, sent.id, row.waMessageId);
  }
  const outcome = await transmit({
    device,
    row: { id: sent.id, waMessageId: row.waMessageId, status: sent.status, error: sent.error, updatedAt: sent.updatedAt },
    jid: sent.toJid,
    content,
    firstSend: false,
  });
  return outcome.status === sent.status ? sent : { ...sent, status: outcome.status, error: outcome.error, updatedAt: outcome.updatedAt ?? new Date() };
}

function storedContent(
  type: MessageType,
  text: string | null,
  media: { mimeType: string; fileName: string | null; storageKey: string } | null,
  metadata: Prisma.JsonValue,
): OutgoingContent | null {
  const mentions = storedMentions(metadata);
  if (type === "text") return text === null ? null : { kind: "text", text, ...mentions };
  if (!media || (type !== "image" && type !== "video" && type !== "audio" && type !== "document")) return null;
  // A document without a caption stores its file name as content (mediaMessageParts): that is no caption.
  const caption = text === null || (type === "document" && text === media.fileName) ? undefined : text;
  const voiceNote = typeof metadata === "object" && metadata !== null && !Array.isArray(metadata) && metadata.voiceNote === true;
  return { kind: type, filePath: mediaPath(media.storageKey), mimeType: media.mimeType, fileName: media.fileName, caption, voiceNote, ...mentions };
}

/** A group message goes out again with the mentions it was stored with (`metadata.mentions`). */
function storedMentions(metadata: Prisma.JsonValue): { mentions?: string[] } {
  if (typeof metadata !== "object" || metadata === null || Array.isArray(metadata)) return {};
  const list = metadata.mentions;
  return Array.isArray(list) ? { mentions: list.filter((jid): jid is string => typeof jid === "string") } : {};
}

/** Stores the pending row on the driver pool (every message runs this), with the caller's links in one transaction. */
async function storeOutgoing(
  onStored: SendTextInput["onStored"],
  waMessageId: string,
  insert: (tx: DriverTx) => Promise<{ insertId: number }>,
): Promise<{ id: number }> {
  if (!onStored) return { id: (await insert(driverAutocommit())).insertId };
  return inDriverTransaction(async (tx) => {
    const { insertId } = await insert(tx);
    await onStored(tx, { id: insertId, waMessageId });
    return { id: insertId };
  });
}

function publishPending(device: SendTextInput["device"], messageId: number, waMessageId: string): void {
  eventBus().publish(
    "message.status",
    { deviceId: device.deviceId, messageId, waMessageId, status: "pending", error: null },
    { ownerId: device.ownerId },
  );
}

/** Transmissions running in this process, by row id: a reconnect resend and a retrying work item share one. */
function transmissions(): Map<number, Promise<OutgoingOutcome>> {
  return globalSingleton("outgoingTransmissions", () => new Map<number, Promise<OutgoingOutcome>>());
}

/**
 * Hands a stored `pending` row to WhatsApp under its own id, at most once at a time per row in this process. A
 * caller that finds the row already on its way waits for that attempt, and only sends again if it ended unacknowledged.
 */
interface Transmission {
  device: SendTextInput["device"];
  row: OutgoingOutcome;
  jid: string;
  content: OutgoingContent;
  /** False for a resend of a stored row, whose earlier copy may have reached WhatsApp. */
  firstSend: boolean;
}

async function transmit(transmission: Transmission): Promise<OutgoingOutcome> {
  const { row } = transmission;
  const running = transmissions();
  for (let current = running.get(row.id); current; current = running.get(row.id)) {
    const outcome = await current.catch(() => null);
    if (outcome && outcome.status !== "pending") return outcome;
  }
  const attempt = transmitOnce(transmission).finally(() => {
    if (running.get(row.id) === attempt) running.delete(row.id);
  });
  running.set(row.id, attempt);
  return attempt;
}

/**
 * Sends once and records `sent` when WhatsApp acknowledged it, or `failed` with the reason when nothing went out
 * or WhatsApp refused. A message written to a connection that closed or hung before the ack stays `pending` and is
 * returned as such: it goes out again, under the same id, when the device reconnects (resendUnacknowledged).
 */
async function transmitOnce({ device, row, jid, content, firstSend }: Transmission): Promise<OutgoingOutcome> {
  const { waMessageId } = row;
  try {
    await connectionManager().send(device.deviceId, jid, content, { messageId: waMessageId });
  } catch (error) {
    if (isWaError(error, "MessageNotAcknowledgedError")) return { ...row, status: "pending" };
    // A resend may concern a copy that did reach WhatsApp before: it waits, pending, for the next connection.
    if (!firstSend && isWaError(error, "DeviceNotConnectedError")) {
      throw new AppError("DEVICE_NOT_CONNECTED", "The device went offline before the message could be sent again", { cause: error });
    }
    const offline = isWaError(error, "DeviceNotConnectedError");
    const absent = isWaError(error, "NotOnWhatsAppError");
    const reason = offline
      ? "The device went offline before the message was sent"
      : absent
        ? NOT_ON_WHATSAPP_REASON
        : `WhatsApp did not accept the message: ${error instanceof Error ? error.message : String(error)}`;
    await updateOutgoingStatus({ device, waMessageId, messageId: row.id, status: "failed", error: reason });
    throw new AppError(offline ? "DEVICE_NOT_CONNECTED" : absent ? "INVALID_INPUT" : "UNAVAILABLE", reason, { cause: error });
  }
  const at = new Date();
  const moved = await updateOutgoingStatus({ device, waMessageId, messageId: row.id, status: "sent", at });
  if (moved) return { ...row, status: "sent", error: null, updatedAt: at };
  // A receipt overtook us (the row is already delivered or read): where it stands now is read back.
  return { ...row, ...(await readOutgoingStatus(row.id)), updatedAt: null };
}
