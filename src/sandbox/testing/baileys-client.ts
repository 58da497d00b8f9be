import makeWASocket, {
  downloadMediaMessage,
  type AnyMediaMessageContent,
  type AuthenticationState,
  type UserFacingSocketConfig,
  type WAMessage,
  type WASocket,
} from 'baileys';
import type { ILogger } from 'baileys/lib/Utils/logger.js';
import { pino } from 'pino';

import { createMemoryAuthState } from '../auth/memory-auth-state';
import { sandboxMediaRequestOptions, sandboxSocketConfig } from '../config';
import { TypedEmitter } from '../events';

/** Close codes worth naming in tests (Baileys' DisconnectReason values). */
export const CloseCode = {
  connectionClosed: 428,
  connectionLost: 408,
  loggedOut: 401,
  forbidden: 403,
  restartRequired: 515,
  replaced: 440,
} as const;

export interface ClientEvents {
  qr: { qr: string };
  open: { jid: string; lid: string | undefined };
  /** statusCode is undefined when the socket was ended locally without an error. */
  close: { statusCode: number | undefined; message: string | undefined };
  message: { message: WAMessage; type: 'notify' | 'append' };
  status: { id: string; remoteJid: string; status: number };
}

export interface SandboxClientOptions {
  wsUrl: string;
  /** The sandbox's `mediaCertPem`: lets this client upload and download media. */
  mediaCertPem?: string;
  /** Reuse an auth state to reconnect from saved credentials. Default: fresh in-memory creds. */
  auth?: AuthenticationState;
  /** Baileys' QR rotation interval (ms). */
  qrTimeout?: number;
  /** Reconnect automatically after the post-pairing 515, as the app's connection manager does. Default true. */
  restartOnPairing?: boolean;
  logger?: ILogger;
  /** Extra socket config, merged last. */
  config?: Partial<UserFacingSocketConfig>;
}

const defaultLogger = (): ILogger => pino({ level: process.env.BAILEYS_LOG ?? 'silent' });

const statusCodeOf = (error: unknown): number | undefined => {
  if (typeof error !== 'object' || error === null || !('output' in error)) {
    return undefined;
  }
  const output = (error as { output?: { statusCode?: unknown } }).output;
  return typeof output?.statusCode === 'number' ? output.statusCode : undefined;
};

/**
 * A real Baileys socket against the sandbox with in-memory auth, for tests and benchmarks. It
 * restarts after the pairing 515 like an app would (Baileys does not, WA-PROTOCOL P6) and turns
 * Baileys events into awaitable ones. Never sleeps: wait on events.
 */
export class SandboxBaileysClient {
  readonly auth: AuthenticationState;
  readonly events = new TypedEmitter<ClientEvents>();
  /** Every status a sent message reached via `messages.update`, in order. */
  readonly statuses = new Map<string, number[]>();
  readonly received: WAMessage[] = [];
  sock: WASocket | undefined;
  private ended = false;
  private readonly closedSockets = new WeakSet<WASocket>();
  private readonly logger: ILogger;

  constructor(private readonly opts: SandboxClientOptions) {
    this.auth = opts.auth ?? createMemoryAuthState();
    this.logger = opts.logger ?? defaultLogger();
  }

  /** Opens a socket (closing any previous one first). */
  connect(): WASocket {
    this.ended = false;
    if (this.sock) {
      this.sock.ev.removeAllListeners('connection.update');
      this.sock.end(undefined);
    }
    const sock = makeWASocket({
      ...sandboxSocketConfig(this.opts.wsUrl, this.opts.mediaCertPem),
      auth: this.auth,
      logger: this.logger,
      ...(this.opts.qrTimeout !== undefined ? { qrTimeout: this.opts.qrTimeout } : {}),
      ...this.opts.config,
    });
    this.sock = sock;
    sock.ev.on('connection.update', update => {
      if (this.sock !== sock) {
        return;
      }
      if (update.qr) {
        this.events.emit('qr', { qr: update.qr });
      }
      if (update.connection === 'open') {
        this.events.emit('open', { jid: sock.user?.id ?? '', lid: sock.user?.lid });
      }
      if (update.connection === 'close') {
        this.closedSockets.add(sock);
        const error = update.lastDisconnect?.error;
        const statusCode = statusCodeOf(error);
        this.events.emit('close', { statusCode, message: error instanceof Error ? error.message : undefined });
        if (statusCode === CloseCode.restartRequired && !this.ended && this.opts.restartOnPairing !== false) {
          this.connect();
        }
      }
    });
    sock.ev.on('messages.upsert', ({ messages, type }) => {
      for (const message of messages) {
        if (!message.key.fromMe) {
          this.received.push(message);
        }
        this.events.emit('message', { message, type });
      }
    });
    sock.ev.on('messages.update', updates => {
      for (const { key, update } of updates) {
        if (key.id && typeof update.status === 'number') {
          const history = this.statuses.get(key.id) ?? [];
          history.push(update.status);
          this.statuses.set(key.id, history);
          this.events.emit('status', { id: key.id, remoteJid: key.remoteJid ?? '', status: update.status });
        }
      }
    });
    return sock;
  }

  get socket(): WASocket {
    if (!this.sock) {
      throw new Error('not connected: call connect() first');
    }
    return this.sock;
  }

  waitForQR(timeoutMs = 10_000): Promise<string> {
    return this.events.waitFor('qr', () => true, timeoutMs).then(({ qr }) => qr);
  }

  waitForOpen(timeoutMs = 15_000): Promise<ClientEvents['open']> {
    return this.events.waitFor('open', () => true, timeoutMs);
  }

  waitForClose(timeoutMs = 15_000): Promise<ClientEvents['close']> {
    return this.events.waitFor('close', () => true, timeoutMs);
  }

  /** Resolves once message `id` reached `status` (3 = DELIVERY_ACK, 4 = READ); checks history first. */
  waitForStatus(id: string, status: number, timeoutMs = 10_000): Promise<void> {
    if (this.statuses.get(id)?.includes(status)) {
      return Promise.resolve();
    }
    return this.events.waitFor('status', event => event.id === id && event.status === status, timeoutMs).then(() => undefined);
  }

  waitForMessage(predicate: (message: WAMessage) => boolean, timeoutMs = 10_000): Promise<WAMessage> {
    const existing = this.received.find(predicate);
    if (existing) {
      return Promise.resolve(existing);
    }
    return this.events
      .waitFor('message', ({ message }) => !message.key.fromMe && predicate(message), timeoutMs)
      .then(({ message }) => message);
  }

  /** Sends a text to `phone` (digits) and returns the message id. */
  async sendText(phone: string, text: string): Promise<string> {
    const sent = await this.socket.sendMessage(`${phone}@s.whatsapp.net`, { text });
    const id = sent?.key.id;
    if (!id) {
      throw new Error('sendMessage returned no message id');
    }
    return id;
  }

  /** Sends media (e.g. `{ image, mimetype, caption }` or `{ document, mimetype, fileName }`) to `phone`. */
  async sendMedia(phone: string, content: AnyMediaMessageContent): Promise<string> {
    const sent = await this.socket.sendMessage(`${phone}@s.whatsapp.net`, content);
    const id = sent?.key.id;
    if (!id) {
      throw new Error('sendMessage returned no message id');
    }
    return id;
  }

  /**
   * Downloads and decrypts a received media message, trusting the sandbox's media certificate. `host` overrides the
   * message's own: after a re-upload Baileys points the url at the media host of its last media_conn, which is
   * WhatsApp's default when the socket never uploaded anything.
   */
  download(message: WAMessage, opts: { startByte?: number; endByte?: number; host?: string } = {}): Promise<Buffer> {
    if (this.opts.mediaCertPem === undefined) {
      throw new Error('pass mediaCertPem to download media from the sandbox');
    }
    return downloadMediaMessage(message, 'buffer', { ...opts, options: sandboxMediaRequestOptions(this.opts.mediaCertPem) });
  }

  /** Pairs by QR through `scan` (the sandbox's phone) and waits until the post-515 login is open. */
  async pairWithQR(scan: (qr: string) => Promise<void>, timeoutMs = 20_000): Promise<ClientEvents['open']> {
    const qr = this.waitForQR(timeoutMs);
    const open = this.waitForOpen(timeoutMs);
    this.connect();
    await scan(await qr);
    return open;
  }

  /** Ends the socket for good (no restart). Resolves once Baileys reported the close. */
  async end(): Promise<void> {
    this.ended = true;
    const sock = this.sock;
    this.sock = undefined;
    if (!sock || this.closedSockets.has(sock)) {
      return;
    }
    const closed = new Promise<void>(resolve => {
      sock.ev.on('connection.update', update => {
        if (update.connection === 'close') {
          resolve();
        }
      });
    });
    sock.end(undefined);
    await closed;
  }
}
