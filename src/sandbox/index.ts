export { startSandbox, DEFAULT_RECEIPTS, type StartedSandbox } from './sandbox';
export { sandboxSocketConfig } from './config';
export { installSandboxRoot, restoreWhatsAppRoot } from './root-trust';
export { createMemoryAuthState, createMemoryKeyStore } from './auth/memory-auth-state';
export { TypedEmitter } from './events';
export type {
  CertRoot,
  LinkedDeviceInfo,
  ReceiptBehaviour,
  Sandbox,
  SandboxAccount,
  SandboxEvents,
  SandboxInboxMessage,
  SandboxOptions,
  SandboxOutboxMessage,
  StanzaLogEntry,
} from './types';
