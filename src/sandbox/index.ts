export { startSandbox, DEFAULT_RECEIPTS, type StartedSandbox } from './sandbox';
export { sandboxMediaRequestOptions, sandboxSocketConfig, type SandboxMediaRequestOptions } from './config';
export { installSandboxRoot, restoreWhatsAppRoot } from './root-trust';
export { createMemoryAuthState, createMemoryKeyStore } from './auth/memory-auth-state';
export { TypedEmitter } from './events';
export type {
  CertRoot,
  LinkedDeviceInfo,
  PhonePresence,
  ReceiptBehaviour,
  Sandbox,
  SandboxAccount,
  SandboxEvents,
  SandboxGroup,
  SandboxGroupAction,
  SandboxGroupMessage,
  SandboxGroupNotification,
  SandboxGroupNotificationType,
  SandboxGroupParticipant,
  SandboxGroupRole,
  SandboxParticipantResult,
  SandboxInboxMessage,
  SandboxMediaInfo,
  SandboxMediaInput,
  SandboxMediaKind,
  SandboxOptions,
  SandboxOutboxMessage,
  SandboxReceivedMediaKind,
  StanzaLogEntry,
} from './types';
