import type { BinaryNode } from 'baileys';

import type { SandboxConnection } from '../server/connection';
import type { SandboxContext } from '../server/context';

/**
 * What an iq handler decided: a result (optionally with work to do once the reply is on the
 * wire), an error, or 'unhandled' (answered with an empty result and reported as `unhandled-iq`).
 */
export type IqOutcome =
  | { content?: BinaryNode[]; afterReply?: () => void }
  | { error: { code: number; text: string } }
  | 'unhandled';

export type IqHandler = (
  iq: BinaryNode,
  conn: SandboxConnection,
  ctx: SandboxContext,
) => IqOutcome | Promise<IqOutcome>;
