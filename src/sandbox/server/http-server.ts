import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';

import { SandboxConnection, type ConnectionHost } from './connection';

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

export interface ListeningServer {
  port: number;
  close(): Promise<void>;
}

/**
 * One HTTP server for both the WhatsApp WebSocket (any upgrade path; Baileys uses /ws/chat) and
 * plain HTTP requests (the control API).
 */
export const listen = async (opts: {
  host: string;
  port: number;
  connections: ConnectionHost & { attach(conn: SandboxConnection): void };
  onRequest: RequestHandler | undefined;
}): Promise<ListeningServer> => {
  let connSeq = 0;
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  const server: Server = createServer((req, res) => {
    const handled = opts.onRequest ? opts.onRequest(req, res) : Promise.resolve(false);
    void handled.then(done => {
      if (!done) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('WhatsApp sandbox: connect a WebSocket, or use /control/*\n');
      }
    });
  });
  server.on('upgrade', (req, socket, head) => {
    wss.handleUpgrade(req, socket, head, ws => {
      const conn = new SandboxConnection(`c${++connSeq}`, ws, opts.connections);
      opts.connections.attach(conn);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    close: () =>
      new Promise<void>(resolve => {
        for (const client of wss.clients) {
          client.terminate();
        }
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
