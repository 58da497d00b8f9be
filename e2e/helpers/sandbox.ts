import { expect } from "@playwright/test";
import { createSandboxControlClient, type SandboxControlClient } from "../../src/sandbox/control-client";
import { E2E_SANDBOX_TOKEN } from "../support/sandbox-token";

/** The sandbox the e2e server talks to (playwright.config.ts starts it on this port). */
export function sandboxControl(): SandboxControlClient {
  const port = Number(process.env.E2E_SANDBOX_PORT ?? 7790);
  return createSandboxControlClient(`http://127.0.0.1:${port}`, { token: E2E_SANDBOX_TOKEN });
}

/** A fresh sandbox phone number in the +1 555 test range, unique per run. */
export function randomSandboxPhone(): string {
  return `1555${Math.floor(1_000_000 + Math.random() * 8_999_999)}`;
}

/** The inbox entry of `phone` whose media has this sha256, once it has arrived. */
export async function inboxEntryWithMedia(phone: string, hash: string) {
  const control = sandboxControl();
  let found: Awaited<ReturnType<typeof control.inbox>>[number] | undefined;
  await expect
    .poll(
      async () => {
        found = (await control.inbox(phone)).find((m) => m.media?.sha256 === hash);
        return Boolean(found);
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  return found!;
}
