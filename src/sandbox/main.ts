/**
 * The sandbox as its own process: `tsx src/sandbox/main.ts`.
 * Env: SANDBOX_PORT (7780), SANDBOX_HOST (127.0.0.1), SANDBOX_MEDIA_PORT (HTTPS media server; 0 =
 * random, the default), SANDBOX_SEED (stable root key across restarts), SANDBOX_STATE_FILE (accounts, devices and
 * keys kept in this file across restarts; .env.example sets ./data/sandbox/state.json; unset = in memory), SANDBOX_CONTROL_TOKEN
 * (require a bearer token on /control/*), SANDBOX_LOG=1 (stanza log on stderr).
 *
 * Control API (JSON under /control): GET info (wsUrl, rootPublicKey, mediaUrl, mediaCertPem),
 * GET|POST accounts, GET accounts/:phone, POST scan, POST pairing-code, POST send,
 * POST send-media {from,to,kind,mimetype,dataBase64,fileName?,caption?,ptt?} (body ≤ 24 MiB),
 * GET inbox/:phone, GET outbox/:phone, GET media/:phone/:messageId (raw bytes), POST wait-inbox,
 * POST receipts, POST drop|freeze|logout|ban|unban, GET devices/:phone.
 */
import { startSandbox } from './sandbox';

const portFromEnv = (name: string, fallback: number): number => {
  const port = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    process.stderr.write(`${name} must be a port number, got '${process.env[name]}'\n`);
    process.exit(2);
  }
  return port;
};
const port = portFromEnv('SANDBOX_PORT', 7780);
const mediaPort = portFromEnv('SANDBOX_MEDIA_PORT', 0);

const stateFile = process.env.SANDBOX_STATE_FILE || undefined;

const sandbox = await startSandbox({
  port,
  mediaPort,
  host: process.env.SANDBOX_HOST ?? '127.0.0.1',
  log: process.env.SANDBOX_LOG === '1',
  ...(process.env.SANDBOX_SEED ? { seed: process.env.SANDBOX_SEED } : {}),
  ...(stateFile ? { stateFile } : {}),
  ...(process.env.SANDBOX_CONTROL_TOKEN ? { controlToken: process.env.SANDBOX_CONTROL_TOKEN } : {}),
});

process.stdout.write(
  `${JSON.stringify({
    event: 'sandbox-listening',
    wsUrl: sandbox.wsUrl,
    controlUrl: sandbox.controlUrl,
    rootPublicKey: Buffer.from(sandbox.rootPublicKey).toString('base64'),
    mediaUrl: sandbox.mediaUrl,
  })}\n`,
);

let stopping = false;
const stop = (signal: string): void => {
  if (stopping) return;
  stopping = true;
  process.stdout.write(`${JSON.stringify({ event: 'sandbox-stopping', signal })}\n`);
  const force = setTimeout(() => process.exit(1), 5_000);
  force.unref();
  sandbox.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
