import { z } from 'zod';

/**
 * The sandbox control API contract (HTTP JSON under /control/*), shared by the server and the
 * typed client. Isomorphic: no Node-only imports, so browser code may use it.
 */

export const phoneSchema = z
  .string()
  .regex(/^[1-9]\d{6,14}$/, 'phone must be E.164 digits without "+" (7 to 15 digits)');

export const receiptModeSchema = z.enum(['read', 'delivered', 'none']);

export const createAccountRequest = z.object({
  phone: phoneSchema.optional(),
  name: z.string().min(1).max(100).optional(),
});
export const scanRequest = z.object({ qr: z.string().min(1).max(4096), phone: phoneSchema });
export const pairingCodeRequest = z.object({
  phone: phoneSchema,
  code: z.string().regex(/^[0-9A-Za-z]{4}-?[0-9A-Za-z]{4}$/, 'code must be 8 characters (optionally XXXX-XXXX)'),
});
export const sendRequest = z.object({ from: phoneSchema, to: phoneSchema, text: z.string().min(1).max(65_536) });
export const receiptsRequest = z.object({
  phone: phoneSchema,
  mode: receiptModeSchema,
  delayMs: z.number().int().min(0).max(60_000).optional(),
});
export const phoneRequest = z.object({ phone: phoneSchema });
export const waitInboxRequest = z.object({
  phone: phoneSchema,
  from: phoneSchema.optional(),
  text: z.string().optional(),
  timeoutMs: z.number().int().min(1).max(120_000).optional(),
});

export type CreateAccountRequest = z.infer<typeof createAccountRequest>;
export type ReceiptsRequest = z.infer<typeof receiptsRequest>;
export type WaitInboxRequest = z.infer<typeof waitInboxRequest>;

export interface ControlInfo {
  wsUrl: string;
  controlUrl: string;
  port: number;
  /** base64 of the sandbox noise root public key: pass to installSandboxRoot in sandbox mode. */
  rootPublicKey: string;
}

export interface ControlAccount {
  phone: string;
  lid: string;
  name: string;
  pnJid: string;
  lidJid: string;
  banned: boolean;
}

export interface ControlInboxMessage {
  id: string;
  from: string;
  fromDevice: string;
  text: string;
  timestamp: number;
}

export interface ControlOutboxMessage {
  id: string;
  to: string;
  text: string;
  timestamp: number;
  receipts: string[];
  encryption: Array<'pkmsg' | 'msg'>;
}

export interface ControlDevice {
  jid: string;
  lid: string;
  connected: boolean;
}

export interface ControlError {
  error: string;
  issues?: Array<{ path: string; message: string }>;
}
