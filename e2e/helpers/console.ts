import type { Page } from "@playwright/test";

/** Collects console errors and uncaught exceptions of a page, so a spec can assert the UI ran clean. */
export function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}
