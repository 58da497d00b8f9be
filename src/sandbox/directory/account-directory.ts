import { parseUserJid } from '../protocol/jids';
import type { ReceiptBehaviour } from '../types';
import { Account, type AccountState, type LinkedDevice } from './account';

/** The directory as the sandbox's state file keeps it. */
export interface DirectoryState {
  phoneSeq: number;
  lidSeq: number;
  accounts: AccountState[];
}

const PHONE_PATTERN = /^[1-9]\d{6,14}$/;

export const isValidPhone = (phone: string): boolean => PHONE_PATTERN.test(phone);

export interface ResolvedDevice {
  account: Account;
  deviceId: number;
  /** Undefined for device 0 (the primary phone, played by the account's FakePeer). */
  device: LinkedDevice | undefined;
}

/** Every account the sandbox knows, indexed by phone number and by LID. */
export class AccountDirectory {
  private readonly byPhone = new Map<string, Account>();
  private readonly byLid = new Map<string, Account>();
  private phoneSeq = 0;
  private lidSeq = 0;

  constructor(private readonly defaultReceipts: () => ReceiptBehaviour) {}

  create(opts: { phone?: string; name?: string } = {}): Account {
    const phone = opts.phone ?? this.nextPhone();
    if (!isValidPhone(phone)) {
      throw new Error(`invalid phone '${phone}': expected E.164 digits without '+'`);
    }
    if (this.byPhone.has(phone)) {
      throw new Error(`account ${phone} already exists`);
    }
    const lid = this.nextLid();
    const account = new Account(phone, lid, opts.name ?? `Contact ${phone.slice(-4)}`, { ...this.defaultReceipts() });
    this.byPhone.set(phone, account);
    this.byLid.set(lid, account);
    return account;
  }

  getOrCreate(phone: string): Account {
    return this.byPhone.get(phone) ?? this.create({ phone });
  }

  get(phone: string): Account | undefined {
    return this.byPhone.get(phone);
  }

  getByLid(lid: string): Account | undefined {
    return this.byLid.get(lid);
  }

  all(): Account[] {
    return [...this.byPhone.values()];
  }

  /** Resolves a PN or LID jid (with or without device) to its account and device. */
  resolve(jid: string | undefined): ResolvedDevice | undefined {
    const parsed = parseUserJid(jid);
    if (!parsed) {
      return undefined;
    }
    const account = parsed.kind === 'pn' ? this.byPhone.get(parsed.user) : this.byLid.get(parsed.user);
    if (!account) {
      return undefined;
    }
    return { account, deviceId: parsed.device, device: account.devices.get(parsed.device) };
  }

  exportState(): DirectoryState {
    return { phoneSeq: this.phoneSeq, lidSeq: this.lidSeq, accounts: this.all().map(account => account.exportState()) };
  }

  /** Replaces nothing: call on an empty directory, before any connection. */
  importState(state: DirectoryState): void {
    this.phoneSeq = state.phoneSeq;
    this.lidSeq = state.lidSeq;
    for (const saved of state.accounts) {
      const account = Account.fromState(saved);
      this.byPhone.set(account.phone, account);
      this.byLid.set(account.lid, account);
    }
  }

  close(): void {
    for (const account of this.byPhone.values()) {
      account.close();
    }
  }

  private nextPhone(): string {
    let phone: string;
    do {
      phone = `1555${(++this.phoneSeq).toString().padStart(7, '0')}`;
    } while (this.byPhone.has(phone));
    return phone;
  }

  private nextLid(): string {
    return `${100000000000000 + ++this.lidSeq}`;
  }
}
