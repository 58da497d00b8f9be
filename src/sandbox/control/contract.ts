import { z } from 'zod';

import type {
  SandboxGroup,
  SandboxGroupMessage,
  SandboxGroupNotification,
  SandboxParticipantResult,
} from '../types';

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
export const presenceRequest = z.object({ phone: phoneSchema, online: z.boolean() });
/** Linear-time check (a regex with a repeated group can exhaust the backtrack stack on ~20 MB). */
const isBase64 = (value: string): boolean => {
  const padding = value.endsWith('==') ? 2 : value.endsWith('=') ? 1 : 0;
  return value.length % 4 === 0 && !/[^A-Za-z0-9+/]/.test(value.slice(0, value.length - padding));
};
export const mediaKindSchema = z.enum(['image', 'video', 'audio', 'document']);
/** JSON cap of POST /control/send-media (the other routes allow 1 MiB): about 18 MiB of media as base64. */
export const SEND_MEDIA_MAX_BODY_BYTES = 24 * 1024 * 1024;
const mediaFields = {
  kind: mediaKindSchema,
  mimetype: z.string().regex(/^[\w.+-]+\/[\w.+-]+(\s*;.*)?$/, 'mimetype must look like type/subtype').max(255),
  dataBase64: z.string().min(1, 'dataBase64 must not be empty').refine(isBase64, 'dataBase64 must be standard padded base64'),
  fileName: z.string().min(1).max(255).optional(),
  caption: z.string().max(65_536).optional(),
  ptt: z.boolean().optional(),
  expired: z.boolean().optional(),
};
const refineMedia = (body: { kind: string; ptt?: boolean | undefined; fileName?: string | undefined }, issues: z.RefinementCtx): void => {
  if (body.ptt !== undefined && body.kind !== 'audio') {
    issues.addIssue({ code: 'custom', path: ['ptt'], message: 'ptt is only for audio' });
  }
  if (body.fileName !== undefined && body.kind !== 'document') {
    issues.addIssue({ code: 'custom', path: ['fileName'], message: 'fileName is only for documents' });
  }
};
export const sendMediaRequest = z.object({ from: phoneSchema, to: phoneSchema, ...mediaFields }).superRefine(refineMedia);
export const waitInboxRequest = z.object({
  phone: phoneSchema,
  from: phoneSchema.optional(),
  text: z.string().optional(),
  timeoutMs: z.number().int().min(1).max(120_000).optional(),
});

/** A group jid (`120363…@g.us`) or its digits. */
export const groupIdSchema = z.string().regex(/^\d{6,30}(@g\.us)?$/, 'group id must be digits, optionally with @g.us');
export const groupSubjectSchema = z.string().trim().min(1).max(100);
export const createGroupRequest = z.object({
  creator: phoneSchema,
  subject: groupSubjectSchema,
  participants: z.array(phoneSchema).max(1023),
});
export const groupParticipantsRequest = z.object({
  actor: phoneSchema,
  action: z.enum(['add', 'remove', 'promote', 'demote']),
  phones: z.array(phoneSchema).min(1).max(1023),
});
export const groupSubjectRequest = z.object({ actor: phoneSchema, subject: groupSubjectSchema });
export const groupDescriptionRequest = z.object({ actor: phoneSchema, description: z.string().max(2048) });
export const groupInviteRequest = z.object({ actor: phoneSchema, revoke: z.boolean().optional() });
export const joinGroupRequest = z.object({ phone: phoneSchema, code: z.string().min(1).max(64) });
export const groupListenRequest = z.object({ phone: phoneSchema, listening: z.boolean() });
export const groupAddPrivacyRequest = z.object({ phone: phoneSchema, restricted: z.boolean() });
export const sendGroupRequest = z.object({
  from: phoneSchema,
  text: z.string().min(1).max(65_536),
  /** Phones to mention (sent as their LID jids, as phones in LID groups do). */
  mentions: z.array(phoneSchema).max(1024).optional(),
});
export const sendGroupMediaRequest = z.object({ from: phoneSchema, ...mediaFields }).superRefine(refineMedia);
export const waitGroupMessageRequest = z.object({
  phone: phoneSchema,
  groupId: groupIdSchema.optional(),
  id: z.string().min(1).max(128).optional(),
  from: phoneSchema.optional(),
  text: z.string().optional(),
  timeoutMs: z.number().int().min(1).max(120_000).optional(),
});

export type CreateAccountRequest = z.infer<typeof createAccountRequest>;
export type ReceiptsRequest = z.infer<typeof receiptsRequest>;
export type WaitInboxRequest = z.infer<typeof waitInboxRequest>;
export type SendMediaRequest = z.infer<typeof sendMediaRequest>;
export type ControlMediaKind = z.infer<typeof mediaKindSchema>;
export type WaitGroupMessageRequest = z.infer<typeof waitGroupMessageRequest>;

export type ControlGroup = SandboxGroup;
export type ControlGroupAction = z.infer<typeof groupParticipantsRequest>['action'];
export type ControlParticipantResult = SandboxParticipantResult;
export type ControlGroupMessage = SandboxGroupMessage;
export type ControlGroupNotification = SandboxGroupNotification;

export interface ControlInfo {
  wsUrl: string;
  controlUrl: string;
  port: number;
  /** base64 of the sandbox noise root public key: pass to installSandboxRoot in sandbox mode. */
  rootPublicKey: string;
  /** The HTTPS media server (`https://host:port`). */
  mediaUrl: string;
  /** PEM of the media server's self-signed certificate: for sandboxSocketConfig and sandboxMediaRequestOptions. */
  mediaCertPem: string;
}

/** What a phone knows about a media message (sha256 is hex of the plaintext). */
export interface ControlMediaInfo {
  kind: ControlMediaKind | 'sticker';
  mimetype: string;
  size: number;
  sha256: string;
  fileName?: string;
  caption?: string;
  ptt?: boolean;
  /** Set when the phone could not download or verify the media. */
  error?: string;
}

export interface ControlAccount {
  phone: string;
  lid: string;
  name: string;
  pnJid: string;
  lidJid: string;
  banned: boolean;
  /** How the phone acknowledges messages: 'read' (default), 'delivered' (never reads) or 'none'. */
  receipts: z.infer<typeof receiptModeSchema>;
  /** An offline phone holds what devices send it until it comes back online. */
  online: boolean;
  /** Messages held while offline. */
  heldMessages: number;
}

export interface ControlInboxMessage {
  id: string;
  from: string;
  fromDevice: string;
  text: string;
  timestamp: number;
  media?: ControlMediaInfo;
}

export interface ControlOutboxMessage {
  id: string;
  to: string;
  text: string;
  timestamp: number;
  receipts: string[];
  encryption: Array<'pkmsg' | 'msg'>;
  media?: ControlMediaInfo;
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
