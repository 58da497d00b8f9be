import type { BinaryNode, WASocket } from "baileys";
import { MessageNotAcknowledgedError, MessageRefusedError } from "./errors";

interface Waiter {
  resolve(): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/**
 * Waits for WhatsApp's `<ack class="message" id=…>` for each message written on one socket. Baileys' sendMessage
 * resolves once the frame is written, which says nothing about a connection that is dying or half-open; only the
 * server's ack means the message was accepted (and will reach the phone even if we drop now). A socket that closes,
 * or stays silent past `timeoutMs`, fails its waiters with MessageNotAcknowledgedError so the caller keeps the
 * message pending for a same-id resend; `onTimeout` lets the connection end such a hung socket.
 */
export class AckWaiter {
  private readonly waiters = new Map<string, Waiter>();
  private closedReason: string | undefined;

  constructor(
    sock: WASocket,
    private readonly timeoutMs: number,
    private readonly onTimeout: (messageId: string) => void,
  ) {
    sock.ws.on("CB:ack,class:message", (node: BinaryNode) => this.onAck(node));
  }

  /** Register before writing the message: the ack can be processed before sendMessage's promise continues. */
  expect(messageId: string): Promise<void> {
    if (this.closedReason !== undefined) return Promise.reject(new MessageNotAcknowledgedError(messageId, this.closedReason));
    this.waiters.get(messageId)?.reject(new MessageNotAcknowledgedError(messageId, "sent again on the same socket"));
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.settle(messageId)?.reject(new MessageNotAcknowledgedError(messageId, `no answer within ${this.timeoutMs} ms`));
        this.onTimeout(messageId);
      }, this.timeoutMs);
      timer.unref();
      this.waiters.set(messageId, { resolve, reject, timer });
    });
  }

  /** The write itself failed: nothing is waiting any more. */
  cancel(messageId: string): void {
    this.settle(messageId);
  }

  /** The socket is gone: every message still waiting may or may not have reached WhatsApp. */
  close(reason: string): void {
    this.closedReason ??= reason;
    for (const id of [...this.waiters.keys()]) this.settle(id)?.reject(new MessageNotAcknowledgedError(id, reason));
  }

  private onAck(node: BinaryNode): void {
    const { id, error } = node.attrs;
    if (!id) return;
    const waiter = this.settle(id);
    if (!waiter) return;
    if (error) waiter.reject(new MessageRefusedError(id, error));
    else waiter.resolve();
  }

  private settle(messageId: string): Waiter | undefined {
    const waiter = this.waiters.get(messageId);
    if (!waiter) return undefined;
    clearTimeout(waiter.timer);
    this.waiters.delete(messageId);
    return waiter;
  }
}
