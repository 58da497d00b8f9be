import type { DeviceStatus, JobStatus, MessageStatus, MessageType, ScheduledStatus } from "@/generated/prisma/enums";

/** A bulk job's state and item counters (pending = total − completed − failed − skipped − cancelled). */
export interface JobProgress {
  jobId: number;
  deviceId: string;
  status: JobStatus;
  pauseReason: string | null;
  error: string | null;
  total: number;
  completed: number;
  failed: number;
  skipped: number;
  cancelled: number;
}

/** Every event the browser can receive, keyed by name. */
export interface AppEventMap {
  "device.status": { deviceId: string; status: DeviceStatus; phoneNumber: string | null; reason: string | null };
  "device.qr": { deviceId: string; qr: string; qrImage: string; expiresAt: string };
  "device.pairingCode": { deviceId: string; code: string };
  "message.received": {
    deviceId: string;
    messageId: number;
    chatJid: string;
    fromJid: string;
    type: MessageType;
    content: string | null;
    timestamp: string;
    pushName: string | null;
    mediaId: number | null;
  };
  /** A chat was opened: its unread badge clears in every tab. */
  "chat.read": { deviceId: string; chatJid: string };
  "message.status": { deviceId: string; messageId: number; waMessageId: string | null; status: MessageStatus; error: string | null };
  "job.progress": JobProgress;
  "job.finished": JobProgress;
  "scheduled.status": {
    scheduledId: number;
    deviceId: string;
    status: ScheduledStatus;
    late: boolean;
    error: string | null;
    /** The Message row it was sent as, once there is one. */
    messageId: number | null;
  };
  /** A person took over a chat from the bot, or gave it back ("manual", "keyword" or "timeout"). */
  "bot.handoff": { deviceId: string; handoffId: number; contactJid: string; status: "started" | "ended"; endReason?: string };
  "admin.notice": { level: "info" | "warn" | "error"; message: string };
  /** A group of the device changed (members, roles, subject, description, membership): admins only. */
  "group.changed": { deviceId: string; groupJid: string };
  /** Someone created an account through public sign-up (admins only). */
  "admin.userRegistered": { userId: number; username: string; email: string };
}

export type AppEventName = keyof AppEventMap;

/** Who may see an event: the owning user (and every admin). `ownerId: null` = admins only. */
export interface EventScope {
  ownerId: number | null;
}

export type AppEvent = {
  [K in AppEventName]: { id: number; name: K; data: AppEventMap[K]; scope: EventScope; at: string };
}[AppEventName];

/** Internal signals that never reach the browser. */
export interface InternalSignalMap {
  "user.sessionsRevoked": { userId: number };
  /** One outbound webhook delivery attempt ended (the future webhook sender signals it; /metrics counts it). */
  "webhook.delivery": { ok: boolean };
}
