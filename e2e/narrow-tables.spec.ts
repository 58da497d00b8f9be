import type { Page } from "@playwright/test";
import { E2E_USERS, expect, test } from "./helpers/fixtures";
import { createPairedDevice, trpcMutation } from "./helpers/paired-device";
import { randomSandboxPhone } from "./helpers/sandbox";

const SHOTS = "test-results/narrow-tables";

/** Neither the page nor any table inside it scrolls sideways. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => {
    const wide = [document.documentElement, ...document.querySelectorAll("table")].map((el) => {
      const box = el === document.documentElement ? el : (el.parentElement ?? el);
      return { what: el.tagName, extra: box.scrollWidth - box.clientWidth };
    });
    return wide.filter((w) => w.extra > 0);
  });
  expect(overflow).toEqual([]);
}

/**
 * Every table page at 390 px (a phone): rows fit the screen, their actions are on screen, and /chat-history shows
 * messages before its filters.
 */
test("table pages fit a 390 px phone, with row actions on screen", async ({ adminPage: page }) => {
  test.setTimeout(120_000);
  const suffix = Date.now().toString(36);
  const { deviceId } = await createPairedDevice({
    adminRequest: page.request,
    ownerRequest: page.request,
    ownerEmail: E2E_USERS.admin.email,
    deviceName: `Narrow line with a long name ${suffix}`,
  });
  const contact = randomSandboxPhone();
  await trpcMutation(page.request, "message.sendText", { deviceId, to: `+${contact}`, text: `Narrow ${suffix}` });
  await trpcMutation(page.request, "contact.create", { name: `Narrow Contact ${suffix}`, phone: `+${contact}` });
  await trpcMutation(page.request, "template.create", { name: `Narrow template ${suffix}`, body: "Hello {{name}}, your order {{order}} is ready." });
  await trpcMutation(page.request, "message.schedule", {
    deviceId,
    to: `+${contact}`,
    text: `Later ${suffix}`,
    scheduleTime: new Date(Date.now() + 24 * 3600_000).toISOString(),
    timezone: "Asia/Jakarta",
  });
  await page.setViewportSize({ width: 390, height: 844 });

  await page.goto("/admin/devices");
  const row = page.getByTestId("device-row").filter({ hasText: `Narrow line with a long name ${suffix}` });
  const actions = row.getByRole("button", { name: `Actions for Narrow line with a long name ${suffix}` });
  await expect(actions).toBeInViewport({ ratio: 1 });
  await expect(row.getByTestId("device-status")).toBeInViewport({ ratio: 1 });
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: `${SHOTS}/admin-devices.png` });
  await actions.click();
  await expect(page.getByRole("menuitem", { name: "Delete" })).toBeInViewport();
  await page.keyboard.press("Escape");

  await page.goto("/devices");
  await expect(page.getByTestId("device-row").filter({ hasText: suffix })).toBeVisible();
  await expectNoSidewaysScroll(page);

  // Filters fold away: the first screen shows the messages, and the filters are one tap away.
  await page.goto("/chat-history");
  await expect(page.getByText(`Narrow ${suffix}`)).toBeInViewport();
  await expect(page.locator("#history-device")).toBeHidden();
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: `${SHOTS}/chat-history.png` });
  await page.getByRole("button", { name: "Filters" }).click();
  await expect(page.locator("#history-device")).toBeVisible();

  for (const [path, text] of [
    ["/contacts", `Narrow Contact ${suffix}`],
    ["/templates", `Narrow template ${suffix}`],
    ["/schedule-message", `Later ${suffix}`],
    ["/activity", null],
  ] as const) {
    await page.goto(path);
    if (text) await expect(page.getByText(text).first()).toBeVisible();
    else await expect(page.locator("main")).toBeVisible();
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: `${SHOTS}${path}.png`, fullPage: true });
  }
});
