import { installSandboxRoot, startSandbox, type SandboxOptions, type StartedSandbox } from '@/sandbox';
import { SandboxBaileysClient, type SandboxClientOptions } from '@/sandbox/testing/baileys-client';

export interface Harness {
  sandbox: StartedSandbox;
  /** Creates a Baileys client against the sandbox (trusting its media server); ended automatically by `close()`. */
  client(opts?: Omit<SandboxClientOptions, 'wsUrl'>): SandboxBaileysClient;
  /** Creates an account, pairs a fresh client with it by QR and waits for `open`. */
  pairedClient(phone: string, name?: string): Promise<SandboxBaileysClient>;
  decryptErrors: string[];
  close(): Promise<void>;
}

export const startHarness = async (opts: SandboxOptions = {}): Promise<Harness> => {
  const sandbox = await startSandbox(opts);
  installSandboxRoot(sandbox.rootPublicKey);
  const clients: SandboxBaileysClient[] = [];
  const decryptErrors: string[] = [];
  sandbox.events.on('decrypt-error', e => decryptErrors.push(`${e.to} <- ${e.fromDevice}: ${e.error}`));
  const client = (clientOpts: Omit<SandboxClientOptions, 'wsUrl'> = {}): SandboxBaileysClient => {
    const created = new SandboxBaileysClient({ wsUrl: sandbox.wsUrl, mediaCertPem: sandbox.mediaCertPem, ...clientOpts });
    clients.push(created);
    return created;
  };
  return {
    sandbox,
    client,
    decryptErrors,
    pairedClient: async (phone, name) => {
      if (!sandbox.account(phone)) {
        sandbox.createAccount({ phone, ...(name ? { name } : {}) });
      }
      const created = client();
      await created.pairWithQR(qr => sandbox.scanQR(qr, phone));
      return created;
    },
    close: async () => {
      await Promise.all(clients.map(c => c.end()));
      await sandbox.close();
    },
  };
};
