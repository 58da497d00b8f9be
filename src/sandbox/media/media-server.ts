import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';

import { createMediaCert } from './media-cert';
import { createMediaRequestHandler } from './media-http';
import { MediaService } from './media-service';

/** One answered request; `path` is the pathname only (the query carries the upload auth). */
export interface MediaRequestLog {
  method: string;
  path: string;
  status: number;
  range?: string;
}

export interface MediaServer {
  readonly service: MediaService;
  /** `https://host:port` */
  readonly url: string;
  readonly certPem: string;
  /** Reports every answered request (one listener; set it once the sandbox's emitter exists). */
  onRequest(listener: (entry: MediaRequestLog) => void): void;
  close(): Promise<void>;
}

/** Starts the HTTPS media server (upload + download) with a fresh self-signed certificate. */
export const startMediaServer = async (opts: { host: string; port: number }): Promise<MediaServer> => {
  const cert = await createMediaCert(opts.host);
  const server: Server = createServer({ key: cert.keyPem, cert: cert.certPem });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const hostname = `${opts.host.includes(':') ? `[${opts.host}]` : opts.host}:${port}`;
  const service = new MediaService(hostname);
  // Attached in the same tick listen resolved in, before any TLS handshake can complete.
  const handle = createMediaRequestHandler(service);
  let log: ((entry: MediaRequestLog) => void) | undefined;
  server.on('request', (req, res) => {
    const { range } = req.headers;
    res.on('finish', () =>
      log?.({
        method: req.method ?? '',
        path: new URL(req.url ?? '/', 'https://media.invalid').pathname,
        status: res.statusCode,
        ...(range !== undefined ? { range } : {}),
      }),
    );
    void handle(req, res);
  });
  return {
    service,
    url: `https://${hostname}`,
    certPem: cert.certPem,
    onRequest: listener => {
      log = listener;
    },
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
        service.close();
      }),
  };
};
