import type { DeviceStatus } from "@/generated/prisma/enums";

/**
 * Typed failures of the WhatsApp layer; services translate them into AppError. Recognised by `name`, not
 * instanceof: the custom server and Next's bundle each hold a copy of these classes (STACK.md pitfall 12).
 */
export class DeviceNotConnectedError extends Error {
  constructor(
    readonly deviceId: string,
    readonly status: DeviceStatus | null,
  ) {
    super(`Device ${deviceId} is not connected${status ? ` (status: ${status})` : ""}`);
    this.name = "DeviceNotConnectedError";
  }
}

export class DeviceAlreadyConnectedError extends Error {
  constructor(readonly deviceId: string) {
    super(`Device ${deviceId} is already connected`);
    this.name = "DeviceAlreadyConnectedError";
  }
}

/** Pairing could not start or finish (no QR from WhatsApp in time, socket closed, …). */
export class PairingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PairingError";
  }
}

/** The connection was stopped (disconnect, wipe, delete, shutdown) while an operation waited on it. */
export class ConnectionStoppedError extends Error {
  constructor(readonly deviceId: string) {
    super(`The connection of device ${deviceId} was stopped`);
    this.name = "ConnectionStoppedError";
  }
}

/** This process may not hold the device's socket: it is shutting down, or (SPEC §10) another instance owns it. */
export class DeviceUnavailableError extends Error {
  constructor(readonly deviceId: string) {
    super(`Device ${deviceId} cannot be connected from this server right now`);
    this.name = "DeviceUnavailableError";
  }
}

/**
 * The message was written to a socket that closed (or stopped answering) before WhatsApp acknowledged it: it may or
 * may not have arrived. Resending it under the same WhatsApp id is safe, since phones keep one message per id.
 */
export class MessageNotAcknowledgedError extends Error {
  constructor(readonly messageId: string, reason: string) {
    super(`WhatsApp did not acknowledge message ${messageId}: ${reason}`);
    this.name = "MessageNotAcknowledgedError";
  }
}

/** WhatsApp answered the message with an error ack (`<ack class="message" error=…>`): it was refused. */
export class MessageRefusedError extends Error {
  constructor(readonly messageId: string, readonly code: string) {
    super(`WhatsApp refused the message (error ${code})`);
    this.name = "MessageRefusedError";
  }
}

/** WhatsApp has no account for the number a message was addressed to. */
export class NotOnWhatsAppError extends Error {
  constructor(readonly jid: string) {
    super(`+${jid.split("@")[0] ?? jid} is not on WhatsApp`);
    this.name = "NotOnWhatsAppError";
  }
}

/** WhatsApp refused a group request (`<iq type=error><error code text/>`): e.g. 403 not an admin, 404 not a member. */
export class GroupRequestRefusedError extends Error {
  constructor(
    readonly code: number,
    readonly text: string,
  ) {
    super(`WhatsApp refused the group request (${code}${text ? `: ${text}` : ""})`);
    this.name = "GroupRequestRefusedError";
  }
}

type WaErrorName =
  | "MessageNotAcknowledgedError"
  | "MessageRefusedError"
  | "DeviceNotConnectedError"
  | "DeviceAlreadyConnectedError"
  | "PairingError"
  | "ConnectionStoppedError"
  | "DeviceUnavailableError"
  | "NotOnWhatsAppError"
  | "GroupRequestRefusedError";

export function isWaError(error: unknown, name: WaErrorName): error is Error {
  return error instanceof Error && error.name === name;
}
