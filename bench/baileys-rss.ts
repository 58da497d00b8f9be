/**
 * Resident memory per connected Baileys client (client + its sandbox-side state, one process).
 *   npx tsx bench/baileys-rss.ts [counts=50,200]   e.g. `npx tsx bench/baileys-rss.ts 50 200`
 * Each count runs in a fresh child process so one measurement cannot inflate the next. A child
 * pairs N clients by QR (in small parallel batches), waits until all are `open` (which Baileys
 * emits only after its prekey upload), then samples RSS after a GC.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { installSandboxRoot, startSandbox } from '../src/sandbox/index';
import { SandboxBaileysClient } from '../src/sandbox/testing/baileys-client';

const MB = 1024 * 1024;
const BATCH = 10;

const settle = async (): Promise<number> => {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < 3; i++) {
    gc?.();
    await new Promise(resolve => setImmediate(resolve));
  }
  return process.memoryUsage().rss;
};

const runChild = async (count: number): Promise<void> => {
  const sandbox = await startSandbox();
  installSandboxRoot(sandbox.rootPublicKey);
  // Warm up code paths (and JIT) with one client that is ended before the baseline.
  const warm = new SandboxBaileysClient({ wsUrl: sandbox.wsUrl });
  sandbox.createAccount({ phone: '15550300000' });
  await warm.pairWithQR(qr => sandbox.scanQR(qr, '15550300000'));
  await warm.end();
  const baseline = await settle();

  const started = performance.now();
  const clients: SandboxBaileysClient[] = [];
  for (let offset = 0; offset < count; offset += BATCH) {
    await Promise.all(
      Array.from({ length: Math.min(BATCH, count - offset) }, async (_, i) => {
        const phone = `1555031${(offset + i).toString().padStart(4, '0')}`;
        sandbox.createAccount({ phone });
        const client = new SandboxBaileysClient({ wsUrl: sandbox.wsUrl });
        clients.push(client);
        // `open` comes after the prekey upload, passive and digest iqs (Baileys' CB:success handler).
        await client.pairWithQR(qr => sandbox.scanQR(qr, phone), 120_000);
      }),
    );
  }
  const connectSeconds = (performance.now() - started) / 1000;
  const connected = sandbox.connectionCount();
  const after = await settle();
  console.log(
    JSON.stringify({
      clients: count,
      connected,
      baselineRssMB: +(baseline / MB).toFixed(1),
      afterRssMB: +(after / MB).toFixed(1),
      perClientMB: +((after - baseline) / count / MB).toFixed(2),
      connectSeconds: +connectSeconds.toFixed(1),
      gc: typeof (globalThis as { gc?: unknown }).gc === 'function',
    }),
  );
  await Promise.all(clients.map(c => c.end()));
  await sandbox.close();
  process.exit(0);
};

const childIndex = process.argv.indexOf('--child');
if (childIndex >= 0) {
  await runChild(Number(process.argv[childIndex + 1]));
} else {
  const counts = process.argv.slice(2).flatMap(arg => arg.split(',')).map(Number).filter(n => n > 0);
  const script = fileURLToPath(import.meta.url);
  for (const count of counts.length ? counts : [50, 200]) {
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', script, '--child', String(count)], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.on('exit', code => (code === 0 ? resolve(out.trim()) : reject(new Error(`child for ${count} exited with ${code}`))));
    });
    console.log(output);
  }
}
