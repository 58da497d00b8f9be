import type { DeviceStatus } from "@/generated/prisma/enums";
import { SerialQueue } from "./serial-queue";

/**
 * Legal device status transitions. A transition to the current status is not a transition: it changes nothing
 * and publishes nothing, which is what keeps `device.status` at exactly one event per real change.
 */
export const DEVICE_TRANSITIONS: Readonly<Record<DeviceStatus, readonly DeviceStatus[]>> = {
  disconnected: ["connecting"],
  connecting: ["qr_required", "connected", "disconnected", "logged_out"],
  // → connecting: the phone scanned the QR and WhatsApp asked for the 515 restart.
  qr_required: ["connecting", "connected", "disconnected", "logged_out"],
  // → connecting: the connection dropped and a reconnect is scheduled.
  connected: ["connecting", "disconnected", "logged_out"],
  logged_out: ["connecting", "disconnected"],
};

export function canTransition(from: DeviceStatus, to: DeviceStatus): boolean {
  return DEVICE_TRANSITIONS[from].includes(to);
}

export interface StatusDetails {
  reason?: string | null;
  phoneNumber?: string | null;
  autoConnect?: boolean;
}

export interface StatusChange extends StatusDetails {
  from: DeviceStatus;
  to: DeviceStatus;
  at: Date;
}

export type TransitionResult = "changed" | "unchanged" | "illegal";

/**
 * The in-memory status of one device. Transitions are decided synchronously (so two socket events racing
 * cannot both "win"), then persisted and published one after another in order.
 */
export class DeviceStateMachine {
  private current: DeviceStatus;
  private readonly queue = new SerialQueue();

  constructor(
    initial: DeviceStatus,
    private readonly hooks: {
      sink: (change: StatusChange) => Promise<void>;
      onIllegal?: (from: DeviceStatus, to: DeviceStatus) => void;
      onSinkError?: (error: unknown, change: StatusChange) => void;
    },
  ) {
    this.current = initial;
  }

  get status(): DeviceStatus {
    return this.current;
  }

  transition(to: DeviceStatus, details: StatusDetails = {}): TransitionResult {
    const from = this.current;
    if (from === to) return "unchanged";
    if (!canTransition(from, to)) {
      this.hooks.onIllegal?.(from, to);
      return "illegal";
    }
    this.current = to;
    const change: StatusChange = { ...details, from, to, at: new Date() };
    this.queue.run(() => this.hooks.sink(change)).catch((error: unknown) => this.hooks.onSinkError?.(error, change));
    return "changed";
  }

  /** Work that must follow the status changes made so far (e.g. a QR event after `qr_required`). */
  after(work: () => Promise<void> | void): Promise<void> {
    return this.queue.run(work);
  }

  /** Resolves when every change so far is persisted and published. */
  settled(): Promise<void> {
    return this.queue.idle();
  }
}
