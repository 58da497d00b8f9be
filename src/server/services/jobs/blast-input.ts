import type { Actor } from "../../authz/actor";
import type { RecipientSource } from "./recipient-rows";

/** What a blast sends: a text, a saved template, or an uploaded file with a caption. Text and caption may use {{placeholders}} too. */
export type BlastMessage =
  | { kind: "text"; text: string }
  | { kind: "template"; templateId: number }
  | { kind: "media"; mediaId: number; caption: string; sendAs: "auto" | "document" };

/** The wait between two sends, as a uniform random range. */
export interface Pacing {
  minMs: number;
  maxMs: number;
}

export const PACING_PRESETS = {
  /** The seed's default: 3 s with jitter. */
  standard: { minMs: 2000, maxMs: 4000 },
  /** The common anti-ban practice: a random 30–60 s. */
  careful: { minMs: 30_000, maxMs: 60_000 },
} as const satisfies Record<string, Pacing>;

export interface BlastInput {
  actor: Actor;
  device: { id: number; deviceId: string; ownerId: number };
  message: BlastMessage;
  recipients: RecipientSource;
  pacing: Pacing;
}
