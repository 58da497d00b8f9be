import type { Account } from '../directory/account';

/** A member's role as WhatsApp names it: the creator is the superadmin. */
export type GroupRole = 'superadmin' | 'admin' | 'member';

export interface GroupDescription {
  id: string;
  body: string;
  /** Phone of whoever set it. */
  by: string;
  t: number;
}

/** A group as the sandbox's state file keeps it (accounts by phone). */
export interface GroupState {
  id: string;
  subject: string;
  subjectBy: string;
  subjectTime: number;
  creator: string;
  creation: number;
  description?: GroupDescription;
  inviteCode: string;
  members: Array<{ phone: string; role: GroupRole }>;
  /** Phones that keep getting the group's sender-key messages after leaving (see `Group.listeners`). */
  listeners: string[];
}

/** A LID-addressed WhatsApp group (WA-PROTOCOL §8.3): its subject, description, members and invite code. */
export class Group {
  /** Members in the order they joined, with their role. */
  readonly members = new Map<Account, GroupRole>();
  /**
   * Phones that keep receiving the group's sender-key messages (the skmsg only) once they are no longer members,
   * as if they still listened on the wire: tests use it to prove whether an ex-member can still decrypt.
   */
  readonly listeners = new Set<Account>();
  description: GroupDescription | undefined;

  constructor(
    /** Digits only (`120363…`); the jid is `${id}@g.us`. */
    readonly id: string,
    public subject: string,
    public subjectBy: Account,
    public subjectTime: number,
    readonly creator: Account,
    readonly creation: number,
    public inviteCode: string,
  ) {}

  get jid(): string {
    return `${this.id}@g.us`;
  }

  isMember(account: Account): boolean {
    return this.members.has(account);
  }

  isAdmin(account: Account): boolean {
    const role = this.members.get(account);
    return role === 'admin' || role === 'superadmin';
  }

  memberAccounts(): Account[] {
    return [...this.members.keys()];
  }

  exportState(): GroupState {
    return {
      id: this.id,
      subject: this.subject,
      subjectBy: this.subjectBy.phone,
      subjectTime: this.subjectTime,
      creator: this.creator.phone,
      creation: this.creation,
      ...(this.description ? { description: { ...this.description } } : {}),
      inviteCode: this.inviteCode,
      members: [...this.members].map(([account, role]) => ({ phone: account.phone, role })),
      listeners: [...this.listeners].map(account => account.phone),
    };
  }

  /** Undefined when an account it names is gone (the state file was edited by hand). */
  static fromState(state: GroupState, accountOf: (phone: string) => Account | undefined): Group | undefined {
    const creator = accountOf(state.creator);
    const subjectBy = accountOf(state.subjectBy) ?? creator;
    if (!creator || !subjectBy) {
      return undefined;
    }
    const group = new Group(state.id, state.subject, subjectBy, state.subjectTime, creator, state.creation, state.inviteCode);
    group.description = state.description;
    for (const member of state.members) {
      const account = accountOf(member.phone);
      if (account) group.members.set(account, member.role);
    }
    for (const phone of state.listeners) {
      const account = accountOf(phone);
      if (account) group.listeners.add(account);
    }
    return group;
  }
}
