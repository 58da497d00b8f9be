/**
 * The sandbox as its own process: `tsx src/sandbox/main.ts`.
 * Env: SANDBOX_PORT (7780), SANDBOX_HOST (127.0.0.1), SANDBOX_SEED (stable root key across restarts),
 * SANDBOX_CONTROL_TOKEN (require a bearer token on /control/*), SANDBOX_LOG=1 (stanza log on stderr).
 */
import { startSandbox } from './sandbox';

const port = Number(process.env.SANDBOX_PORT ?? 7780);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  process.stderr.write(`SANDBOX_PORT must be a port number, got '${process.env.SANDBOX_PORT}'\n`);
  process.exit(2);
}

const sandbox = await startSandbox({
  port,
  host: process.env.SANDBOX_HOST ?? '127.0.0.1',
  log: process.env.SANDBOX_LOG === '1',
  ...(process.env.SANDBOX_SEED ? { seed: process.env.SANDBOX_SEED } : {}),
  ...(process.env.SANDBOX_CONTROL_TOKEN ? { controlToken: process.env.SANDBOX_CONTROL_TOKEN } : {}),
});

process.stdout.write(
  `${JSON.stringify({
    event: 'sandbox-listening',
    wsUrl: sandbox.wsUrl,
    controlUrl: sandbox.controlUrl,
    rootPublicKey: Buffer.from(sandbox.rootPublicKey).toString('base64'),
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
