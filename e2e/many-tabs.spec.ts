import type { Page } from "@playwright/test";
import { E2E_USERS, expect, test } from "./helpers/fixtures";
import { trpcMutation } from "./helpers/paired-device";
import { trpcQuery } from "./helpers/trpc";

/** The pages the six tabs start on; /sandbox is the one the README suggests keeping open beside the app. */
const START_PAGES = ["/sandbox", "/dashboard", "/devices", "/admin/devices", "/activity", "/admin/users"];
/**
 * A full page load with all six tabs open. Generous for a loaded CI machine; the stall this guards against (every one
 * of the browser's six HTTP/1.1 connections held by a tab's event stream) lasted 10–36 s.
 */
const NAVIGATION_BOUND_MS = 8000;

async function timedGoto(page: Page, path: string): Promise<number> {
  const started = Date.now();
  await page.goto(path, { waitUntil: "load", timeout: 30_000 });
  return Date.now() - started;
}

test("six open tabs, /sandbox among them, never stall a page load and each keeps receiving live updates", async ({ browser, adminState, baseURL }) => {
  test.setTimeout(180_000);
  // One browser context = one browser profile: its tabs share the per-host connection limit, as a user's tabs do.
  const context = await browser.newContext({ baseURL, storageState: adminState });
  const tabs = await Promise.all(START_PAGES.map(() => context.newPage()));
  const request = context.request;
  let deviceId = "";
  try {
    for (const [i, tab] of tabs.entries()) {
      expect(await timedGoto(tab, START_PAGES[i]!), `first load of ${START_PAGES[i]}`).toBeLessThan(NAVIGATION_BOUND_MS);
    }
    // Every tab holds its live subscription.
    for (const tab of tabs) await expect(tab.getByTestId("live-indicator")).toHaveAttribute("data-status", "live");

    // All six now load the device list again, one after another, with every other tab still open and subscribed.
    for (const tab of tabs) expect(await timedGoto(tab, "/admin/devices"), "reload of /admin/devices").toBeLessThan(NAVIGATION_BOUND_MS);
    for (const tab of tabs) await expect(tab.getByTestId("live-indicator")).toHaveAttribute("data-status", "live");

    // A device created and connected elsewhere shows up, live, in every tab, with its status as it changes.
    const users = await trpcQuery<{ items: Array<{ id: number; email: string }> }>(request, "admin.users.list", { limit: 200 });
    const owner = users.items.find((u) => u.email === E2E_USERS.user.email);
    const deviceName = `Tabs ${Date.now().toString(36)}`;
    deviceId = (await trpcMutation<{ deviceId: string }>(request, "device.create", { ownerId: owner?.id, deviceName })).deviceId;
    await trpcMutation(request, "device.connect", { deviceId });
    for (const tab of tabs) {
      const row = tab.getByTestId("device-row").filter({ hasText: deviceName });
      await expect(row.getByTestId("device-status")).toHaveText("Waiting for scan");
    }

    // And navigation still completes quickly in each of them afterwards.
    for (const [i, tab] of tabs.entries()) {
      expect(await timedGoto(tab, START_PAGES[i]!), `load of ${START_PAGES[i]} after the events`).toBeLessThan(NAVIGATION_BOUND_MS);
    }
  } finally {
    if (deviceId) await trpcMutation(request, "device.disconnect", { deviceId }).catch(() => undefined);
    await context.close();
  }
});
