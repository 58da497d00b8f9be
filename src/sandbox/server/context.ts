import type { Account, LinkedDevice } from '../directory/account';
import type { AccountDirectory } from '../directory/account-directory';
import type { PhoneConditions } from '../directory/phone-conditions';
import type { TypedEmitter } from '../events';
import type { GroupService } from '../groups/group-service';
import type { MediaService } from '../media/media-service';
import type { PairingService } from '../pairing/pairing-service';
import type { CertRoot, ReceiptBehaviour, SandboxEvents } from '../types';

export interface ResolvedSandboxOptions {
  receipts: Required<ReceiptBehaviour>;
  certRoot: CertRoot;
  advSignature: CertRoot;
  unknownNumbers: 'create' | 'absent';
}

/** What iq handlers, pairing and message routing need from the sandbox core. */
export interface SandboxContext {
  readonly directory: AccountDirectory;
  /** Numbers not on WhatsApp and phones that are offline. */
  readonly conditions: PhoneConditions;
  readonly events: TypedEmitter<SandboxEvents>;
  readonly options: ResolvedSandboxOptions;
  readonly pairing: PairingService;
  /** Media storage behind the HTTPS media server (blobs, upload auth, what phones downloaded). */
  readonly media: MediaService;
  /** The groups WhatsApp keeps (w:g2 iqs, notifications). */
  readonly groups: GroupService;
  /** A timer that is cancelled when the sandbox closes. */
  schedule(delayMs: number, task: () => void): void;
  /** The account for a phone number, created on the fly when `unknownNumbers` is 'create' (never for a number marked not on WhatsApp). */
  lookupNumber(phone: string): Account | undefined;
  /** Removes a companion from its account and closes its connection (if any). */
  unlinkDevice(device: LinkedDevice, reason: string): void;
}
