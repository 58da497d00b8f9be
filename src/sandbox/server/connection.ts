import { decodeBinaryNode, encodeBinaryNode, type BinaryNode, type proto } from 'baileys';
import type { WebSocket } from 'ws';

import type { DeviceConnection, LinkedDevice } from '../directory/account';
import { encodeFrame, FrameDecoder } from '../protocol/frame-codec';
import { NoiseResponder, type NoiseTransport } from '../protocol/noise-responder';
import { newStanzaId } from '../protocol/nodes';
import type { ServerIdentity } from '../protocol/cert-chain';

/** A registration handshake: the companion's keys from `ClientPayload.devicePairingData`. */
export interface PendingRegistration {
  identityKey: Uint8Array;
  registrationId: number;
  signedPreKey: { keyId: number; publicKey: Uint8Array; signature: Uint8Array };
  platform: string;
}

export type ConnectionBinding =
  | { kind: 'registration'; registration: PendingRegistration }
  | { kind: 'device'; device: LinkedDevice };

export interface ConnectionHost {
  readonly serverIdentity: ServerIdentity;
  onHandshake(conn: SandboxConnection, clientStatic: Buffer, payload: proto.ClientPayload): void;
  onStanza(conn: SandboxConnection, node: BinaryNode): void;
  onClose(conn: SandboxConnection): void;
  /** Called for every stanza when stanza logging is on. */
  logStanza?(conn: SandboxConnection, dir: 'in' | 'out', node: BinaryNode): void;
}

interface PendingQuery {
  resolve(node: BinaryNode): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/**
 * One client WebSocket: the Noise handshake, then encrypted binary nodes in both directions.
 * Per-connection state is deliberately small (keys, counters, a frame buffer, pending queries).
 */
export class SandboxConnection implements DeviceConnection {
  clientStatic: Buffer | undefined;
  binding: ConnectionBinding | undefined;
  /** Why the server closed it, for the `connection` event. */
  closeReason: string | undefined;
  private readonly decoder = new FrameDecoder();
  private noise: NoiseResponder | undefined;
  private transport: NoiseTransport | undefined;
  private inbound: Promise<void> = Promise.resolve();
  private readonly pending = new Map<string, PendingQuery>();
  private closed = false;
  private frozen = false;

  constructor(
    readonly id: string,
    private readonly ws: WebSocket,
    private readonly host: ConnectionHost,
  ) {
    ws.on('message', (data: Buffer | ArrayBuffer | Buffer[]) => this.onData(data));
    ws.on('close', () => this.onClosed());
    ws.on('error', () => this.terminate('socket error'));
  }

  get device(): LinkedDevice | undefined {
    return this.binding?.kind === 'device' ? this.binding.device : undefined;
  }

  get registration(): PendingRegistration | undefined {
    return this.binding?.kind === 'registration' ? this.binding.registration : undefined;
  }

  /** False while frozen too: what WhatsApp has for the device then waits in its offline queue, as for a lost socket. */
  isOpen(): boolean {
    return !this.closed && !this.frozen && this.transport !== undefined;
  }

  send(node: BinaryNode): void {
    if (!this.isOpen() || !this.transport || this.frozen) {
      return;
    }
    this.host.logStanza?.(this, 'out', node);
    this.ws.send(encodeFrame(this.transport.encrypt(encodeBinaryNode(node))));
  }

  /** Sends a server-initiated iq and resolves with the client's `result`/`error` reply. */
  query(node: BinaryNode, timeoutMs = 15_000): Promise<BinaryNode> {
    const id = node.attrs.id ?? newStanzaId();
    node.attrs.id = id;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`no reply to ${node.tag} ${id} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      this.send(node);
    });
  }

  /**
   * A hung server: frames keep arriving and are discarded unread (so nothing in them is accepted or answered) and
   * nothing goes out, until the socket is closed. The client sees silence, as with a half-open TCP connection.
   */
  freeze(): void {
    this.frozen = true;
  }

  /** Graceful close: the client sees a normal WebSocket close after the last frame. */
  close(reason: string): void {
    if (this.closed) {
      return;
    }
    this.closeReason ??= reason;
    this.ws.close();
    this.onClosed();
  }

  /** Abrupt close: no close frame, as when a network drops. */
  terminate(reason: string): void {
    if (this.closed) {
      return;
    }
    this.closeReason ??= reason;
    this.ws.terminate();
    this.onClosed();
  }

  private onData(data: Buffer | ArrayBuffer | Buffer[]): void {
    if (this.closed || this.frozen) {
      return;
    }
    const bytes = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
    try {
      for (const frame of this.decoder.push(bytes)) {
        this.onFrame(frame);
      }
    } catch (error) {
      this.terminate(`protocol error: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private onFrame(frame: Buffer): void {
    if (this.transport) {
      // Decrypt synchronously (the GCM counter must follow arrival order), decode in order.
      const plaintext = this.transport.decrypt(frame);
      this.inbound = this.inbound
        .then(() => decodeBinaryNode(plaintext))
        .then(
          node => this.dispatch(node),
          error => this.terminate(`undecodable stanza: ${error instanceof Error ? error.message : String(error)}`),
        );
      return;
    }
    if (!this.noise) {
      if (!this.decoder.header) {
        throw new Error('handshake before intro header');
      }
      this.noise = new NoiseResponder(this.decoder.header);
      const { serverStatic, certChain } = this.host.serverIdentity;
      this.ws.send(encodeFrame(this.noise.respondToHello(frame, serverStatic, certChain)));
      return;
    }
    const { clientStatic, payload, transport } = this.noise.finish(frame);
    this.noise = undefined;
    this.transport = transport;
    this.clientStatic = clientStatic;
    this.host.onHandshake(this, clientStatic, payload);
  }

  private dispatch(node: BinaryNode): void {
    if (this.closed) {
      return;
    }
    this.host.logStanza?.(this, 'in', node);
    const id = node.attrs.id;
    if (node.tag === 'iq' && id && (node.attrs.type === 'result' || node.attrs.type === 'error')) {
      const waiter = this.pending.get(id);
      if (waiter) {
        this.pending.delete(id);
        clearTimeout(waiter.timer);
        waiter.resolve(node);
        return;
      }
    }
    this.host.onStanza(this, node);
  }

  private onClosed(): void {
    if (this.closed) {
      return;
    }
    this.closed = true;
    for (const [id, waiter] of this.pending) {
      clearTimeout(waiter.timer);
      waiter.reject(new Error(`connection closed before reply to ${id}`));
    }
    this.pending.clear();
    this.host.onClose(this);
  }
}
