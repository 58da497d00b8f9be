import type { Page } from "@playwright/test";
import { collectConsoleErrors } from "./helpers/console";
import { expect, signInThroughForm, test } from "./helpers/fixtures";
import { trpcMutation } from "./helpers/paired-device";
import { randomSandboxPhone, sandboxControl } from "./helpers/sandbox";
import { trpcQuery } from "./helpers/trpc";

const SHOTS = "test-results/first-run";

/** Which steps the checklist shows as done, in order. */
async function doneSteps(page: Page): Promise<string[]> {
  return page.getByTestId("getting-started").locator("li[data-done=true]").evaluateAll((items) => items.map((li) => li.getAttribute("data-step") ?? ""));
}

async function switchLanguage(page: Page, name: "Bahasa Indonesia" | "English"): Promise<void> {
  await page.getByTestId("language-switch").click();
  await page.getByRole("menuitemradio", { name }).click();
}

/**
 * A newcomer's first hour: a fresh account's dashboard guides it from no device to a first message, each step ticked
 * live from what really happened (the admin's device, the connect, the sandbox scan, the send).
 */
test("a new user's dashboard walks the getting-started checklist live to the first message", async ({ adminPage, browser, baseURL }) => {
  test.setTimeout(120_000);
  const suffix = Date.now().toString(36);
  const username = `newbie_${suffix}`;
  const password = "newbie-password-1";
  await trpcMutation(adminPage.request, "auth.register", { username, email: `${username}@example.test`, password, fullName: "Nina Newbie" });

  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const consoleErrors = collectConsoleErrors(page);
  await signInThroughForm(page, username, password);

  const checklist = page.getByTestId("getting-started");
  await expect(checklist.getByRole("heading", { name: "Get started" })).toBeVisible();
  await expect(checklist.getByText("0 of 4 done")).toBeVisible();
  expect(await doneSteps(page)).toEqual([]);
  // A user cannot create devices: the step says whom to ask, and offers no button that would only be refused.
  await expect(checklist.locator("li[data-step=createDevice]").getByText(/ask yours for one/)).toBeVisible();
  await expect(checklist.locator("li[data-step=createDevice]").getByRole("link")).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/user-1280-en.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(checklist).toBeInViewport();
  await page.screenshot({ path: `${SHOTS}/user-390-en.png`, fullPage: true });
  await switchLanguage(page, "Bahasa Indonesia");
  await expect(checklist.getByRole("heading", { name: "Mulai" })).toBeVisible();
  await expect(checklist.getByText("0 dari 4 selesai")).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/user-390-id.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: `${SHOTS}/user-1280-id.png`, fullPage: true });
  await switchLanguage(page, "English");

  // The admin creates a device for the newcomer (no event reaches the owner for that): step 1 ticks on the next visit.
  const users = await trpcQuery<{ items: Array<{ id: number; username: string }> }>(adminPage.request, "admin.users.list", { search: username, limit: 10 });
  const ownerId = users.items.find((u) => u.username === username)?.id;
  const device = await trpcMutation<{ deviceId: string }>(adminPage.request, "device.create", { ownerId, deviceName: `First line ${suffix}` });
  await page.reload();
  await expect.poll(() => doneSteps(page)).toEqual(["createDevice"]);

  // "Open the device" leads to the device page, where Connect shows the QR code.
  await checklist.getByRole("link", { name: "Open the device" }).click();
  await expect(page).toHaveURL(new RegExp(`/devices/${device.deviceId}$`));
  await page.getByRole("button", { name: "Connect" }).click();
  let qr = "";
  await expect
    .poll(async () => (qr = (await trpcQuery<{ qr: string | null }>(page.request, "device.qr", { deviceId: device.deviceId })).qr ?? ""), { timeout: 30_000 })
    .not.toBe("");
  await page.goto("/dashboard");
  await expect.poll(() => doneSteps(page)).toEqual(["createDevice", "connect"]);
  await expect(checklist.getByText("2 of 4 done")).toBeVisible();

  // A virtual phone scans the code (what the admin does in /sandbox): the link step ticks live.
  const phone = randomSandboxPhone();
  await sandboxControl().createAccount({ phone, name: "Nina's phone" });
  await sandboxControl().scanQR(qr, phone);
  await expect.poll(() => doneSteps(page), { timeout: 30_000 }).toEqual(["createDevice", "connect", "link"]);
  await page.screenshot({ path: `${SHOTS}/user-1280-en-3of4.png`, fullPage: true });

  // The first message completes the list, which then gets out of the way.
  await checklist.getByRole("link", { name: "Send a message" }).click();
  await expect(page).toHaveURL(/\/send-message$/);
  const contact = randomSandboxPhone();
  const sent = await trpcMutation<{ status: string }>(page.request, "message.sendText", { deviceId: device.deviceId, to: `+${contact}`, text: "Halo, pesan pertama" });
  expect(sent.status).toBe("sent");
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(page.getByTestId("stat-total")).toHaveText("1");
  await expect(checklist).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
  await context.close();
});

test("the admin's sidebar shows Sandbox without scrolling at 1280×800", async ({ adminPage: page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/dashboard");
  const nav = page.getByRole("navigation", { name: "Main navigation" });
  const sandbox = nav.getByRole("link", { name: "Sandbox" });
  await expect(sandbox).toBeInViewport({ ratio: 1 });
  // Every entry fits: the scrolling list has nothing hidden below its fold.
  const overflow = await nav.locator("> div").first().evaluate((el) => el.scrollHeight - el.clientHeight);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `${SHOTS}/admin-sidebar-1280x800.png` });
});
