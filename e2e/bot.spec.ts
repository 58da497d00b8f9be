import type { APIRequestContext, BrowserContext, Locator, Page } from "@playwright/test";
import { collectConsoleErrors } from "./helpers/console";
import { expect, test, E2E_USERS } from "./helpers/fixtures";
import { createPairedDevice } from "./helpers/paired-device";
import { randomSandboxPhone, sandboxControl } from "./helpers/sandbox";

const SHOTS = "test-results/bot";

/** The business-hours row of one weekday (0 = Monday). */
function day(page: Page, n: number): Locator {
  return page.locator(`[data-testid="hours-day"][data-day="${n}"]`);
}

/** Rule names in the order the page lists them. */
async function ruleOrder(page: Page): Promise<string[]> {
  return page.getByTestId("rule-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-rule-name") ?? ""));
}

/**
 * The auto-reply bot's page end to end on a device paired through the sandbox: business hours edited visually and
 * saved, rules added and reordered (buttons and drag), the test console's decision, and a contact's hand-off keyword
 * showing live — toast, badge, chat banner — until the chat is returned to the bot, one pass in Indonesian.
 */
test.describe.serial("auto-reply bot", () => {
  // Each step waits on the server and the sandbox several times; a loaded machine needs more than the default minute.
  test.describe.configure({ timeout: 180_000 });
  const tag = Date.now().toString(36);
  const contactPhone = randomSandboxPhone();
  let deviceId = "";
  let devicePhone = "";
  let page: Page;
  let adminRequest: APIRequestContext;
  let adminContext: BrowserContext;
  let consoleErrors: string[] = [];
  let botUrl = "";

  test.beforeAll(async ({ browser, userState, adminState, baseURL }) => {
    test.setTimeout(120_000);
    adminContext = await browser.newContext({ baseURL, storageState: adminState });
    adminRequest = adminContext.request;
    const context = await browser.newContext({ baseURL, storageState: userState, viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    consoleErrors = collectConsoleErrors(page);
    const paired = await createPairedDevice({ adminRequest, ownerRequest: page.request, ownerEmail: E2E_USERS.user.email, deviceName: `Bot line ${tag}` });
    deviceId = paired.deviceId;
    devicePhone = paired.phone;
    await sandboxControl().createAccount({ phone: contactPhone, name: "Sari Pelanggan" });
    botUrl = `/devices/${encodeURIComponent(deviceId)}/bot`;
  });

  test.afterAll(async () => {
    await page.context().close();
    // Closing the context ends its request context too; disposing a context's own request left a rejection that
    // surfaced in the next spec's first step ("Target page, context or browser has been closed").
    await adminContext.close();
  });

  test("the device page leads to its bot", async () => {
    await page.goto(`/devices/${encodeURIComponent(deviceId)}`);
    await page.getByRole("link", { name: "Auto-reply bot" }).click();
    await expect(page).toHaveURL(new RegExp(`${botUrl}$`));
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Auto-reply bot");
    await expect(page.getByTestId("bot-settings")).toBeVisible();
  });

  test("business hours edited visually are saved and shown again after a reload", async () => {
    const settings = page.getByTestId("bot-settings");
    await settings.getByLabel("Bot is on").check();

    // Monday: open 08:00–12:00 and 13:00–17:00.
    const monday = day(page, 0);
    if ((await monday.getByTestId("hours-interval").count()) === 0) await monday.getByRole("switch", { name: "Open on Monday" }).click();
    await monday.getByLabel("Monday, interval 1: opens at").fill("08:00");
    await monday.getByLabel("Monday, interval 1: closes at").fill("12:00");
    await monday.getByRole("button", { name: "Add an interval to Monday" }).click();
    await monday.getByLabel("Monday, interval 2: opens at").fill("13:00");
    await monday.getByLabel("Monday, interval 2: closes at").fill("17:00");
    // An overlapping interval is flagged and blocks saving until removed.
    await monday.getByRole("button", { name: "Add an interval to Monday" }).click();
    await monday.getByLabel("Monday, interval 3: opens at").fill("16:00");
    await expect(monday.getByRole("alert")).toHaveText("This interval overlaps an earlier one on the same day.");
    await monday.getByRole("button", { name: "Remove Monday, interval 3" }).click();
    await expect(monday.getByRole("alert")).toHaveCount(0);

    // Copy Monday to the other weekdays (ticked to start with); Saturday and Sunday closed.
    await monday.getByRole("button", { name: "Copy Monday's hours to other days" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByLabel("Tuesday")).toBeChecked();
    await expect(dialog.getByLabel("Saturday")).not.toBeChecked();
    await dialog.getByRole("button", { name: "Copy hours" }).click();
    await expect(dialog).toBeHidden();
    for (const weekend of [5, 6]) {
      const row = day(page, weekend);
      if ((await row.getByTestId("hours-interval").count()) > 0) await row.getByRole("switch").first().click();
      await expect(row.getByTestId("day-closed")).toBeVisible();
    }
    await expect(day(page, 4).getByTestId("hours-interval")).toHaveCount(2);

    await settings.getByLabel("Closed date (holiday)").fill("2026-12-25");
    await settings.getByRole("button", { name: "Add date" }).click();
    await expect(settings.locator('[data-testid="closed-date"][data-date="2026-12-25"]')).toBeVisible();

    await settings.getByLabel("Out-of-hours message").fill(`Kami sedang tutup ${tag}`);
    const handoff = settings.getByLabel("Hand-off keywords");
    await handoff.fill("agent");
    await handoff.press("Enter");
    await expect(settings.getByRole("button", { name: "Remove keyword agent" })).toBeVisible();

    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${SHOTS}/settings-390-en.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: `${SHOTS}/settings-1280-en.png`, fullPage: true });

    await settings.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText("Bot settings saved.")).toBeVisible();
    await expect(settings.getByText("All changes saved.")).toBeVisible();

    await page.reload();
    // The machine running the suite can be slow to answer right after a reload.
    await expect(page.getByTestId("bot-settings")).toBeVisible({ timeout: 30_000 });
    const tuesday = day(page, 1);
    await expect(tuesday.getByLabel("Tuesday, interval 1: opens at")).toHaveValue("08:00");
    await expect(tuesday.getByLabel("Tuesday, interval 1: closes at")).toHaveValue("12:00");
    await expect(tuesday.getByLabel("Tuesday, interval 2: opens at")).toHaveValue("13:00");
    await expect(tuesday.getByLabel("Tuesday, interval 2: closes at")).toHaveValue("17:00");
    await expect(day(page, 6).getByTestId("day-closed")).toBeVisible();
    await expect(page.locator('[data-testid="closed-date"][data-date="2026-12-25"]')).toBeVisible();
    await expect(page.getByRole("switch", { name: "Bot is on" })).toBeChecked();
    await expect(page.getByLabel("Out-of-hours message")).toHaveValue(`Kami sedang tutup ${tag}`);
  });

  test("rules are added, refused with the reason when the regex is invalid, and reordered", async () => {
    await page.getByTestId("bot-tab-rules").click();
    await expect(page).toHaveURL(/\?tab=rules$/);

    const addRule = async (name: string, matchType: string | null, patterns: string[], reply: string, withName = false) => {
      await page.getByRole("button", { name: "Add rule" }).first().click();
      const dialog = page.getByRole("dialog");
      await dialog.getByLabel("Name", { exact: true }).fill(name);
      if (matchType) {
        await dialog.getByLabel("Match", { exact: true }).click();
        await page.getByRole("option", { name: matchType }).click();
      }
      const input = dialog.getByLabel("Patterns", { exact: true });
      for (const p of patterns) {
        await input.fill(p);
        await input.press("Enter");
      }
      await dialog.getByLabel("Reply", { exact: true }).fill(reply);
      // The variable hints insert the placeholder at the cursor.
      if (withName) await dialog.getByRole("button", { name: /^Insert \{\{name\}\}/ }).click();
      await dialog.getByRole("button", { name: "Add rule" }).click();
      return dialog;
    };

    await expect(page.getByText("No rules yet")).toBeVisible();
    await expect(await addRule("Prices", null, ["harga", "price"], "Harga mulai 50rb, ", true)).toBeHidden();
    await expect(await addRule("Opening hours", "Contains", ["jam buka"], "Kami buka 08:00–17:00")).toBeHidden();

    // An invalid regex is refused with the server's reason, and nothing is added.
    const bad = await addRule("Broken", "Regular expression", ["(unclosed"], "x");
    await expect(bad.getByTestId("form-error")).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/rule-dialog-1280-en.png` });
    await bad.getByRole("button", { name: "Cancel" }).click();
    await expect(bad).toBeHidden();
    await expect.poll(() => ruleOrder(page)).toEqual(["Prices", "Opening hours"]);

    // Reorder with the buttons, and it holds after a reload.
    await page.getByRole("button", { name: "Move Opening hours up" }).click();
    await expect.poll(() => ruleOrder(page)).toEqual(["Opening hours", "Prices"]);
    await page.reload();
    await expect.poll(() => ruleOrder(page)).toEqual(["Opening hours", "Prices"]);

    // Drag "Prices" back to the top by its handle.
    const handle = page.getByRole("button", { name: "Drag to reorder Prices" });
    const target = page.locator('[data-testid="rule-row"][data-rule-name="Opening hours"]');
    const from = await handle.boundingBox();
    const to = await target.boundingBox();
    if (!from || !to) throw new Error("rule rows are not laid out");
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2 - 10, { steps: 4 });
    await page.mouse.move(from.x + from.width / 2, to.y + 4, { steps: 12 });
    await page.mouse.up();
    await expect.poll(() => ruleOrder(page)).toEqual(["Prices", "Opening hours"]);
    await page.reload();
    await expect.poll(() => ruleOrder(page)).toEqual(["Prices", "Opening hours"]);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${SHOTS}/rules-390-en.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: `${SHOTS}/rules-1280-en.png`, fullPage: true });
  });

  test("the test console shows the decision, the rule and the reply without sending", async () => {
    await page.getByTestId("bot-tab-test").click();
    const form = page.getByTestId("bot-test-form");
    await form.getByLabel("Message", { exact: true }).fill("Berapa harga kemeja?");
    // A Tuesday at 10:00 is within the hours saved above.
    await form.getByLabel("Sent at").fill("2026-12-08T10:00");
    await form.getByLabel(/Contact name/).fill("Sari");
    await form.getByRole("button", { name: "Test" }).click();
    const result = page.getByTestId("bot-test-result");
    await expect(result.getByTestId("bot-test-rule")).toHaveText("Prices");
    await expect(result.getByTestId("bot-test-reply")).toHaveText("Harga mulai 50rb, Sari");
    await expect(result.getByTestId("bot-test-reason")).not.toBeEmpty();

    // 20:00 the same day is out of hours: the out-of-hours message instead of the rule.
    await form.getByLabel("Sent at").fill("2026-12-08T20:00");
    await form.getByRole("button", { name: "Test" }).click();
    await expect(result.getByTestId("bot-test-reply")).toHaveText(`Kami sedang tutup ${tag}`);
    await expect(result.getByTestId("bot-test-rule")).toHaveText("—");
    await page.screenshot({ path: `${SHOTS}/test-console-1280-en.png`, fullPage: true });
    // Nothing reached the contact.
    expect((await sandboxControl().inbox(contactPhone)).length).toBe(0);
  });

  test("in Indonesian: a contact's hand-off keyword shows live, and the chat goes back to the bot", async ({ baseURL }) => {
    await page.context().addCookies([{ name: "sb-locale", value: "id", url: baseURL ?? "" }]);
    await page.goto(`${botUrl}?tab=handoffs`);
    await expect(page.getByTestId("live-indicator")).toHaveAttribute("data-status", "live");
    await expect(page.getByTestId("handoffs-active")).toContainText("Tidak ada obrolan yang sedang dilayani orang.");

    await sandboxControl().sendText(contactPhone, devicePhone, "Tolong, saya mau bicara dengan agent");

    // Live: the toast, the count on the tab, and the active list — without a reload.
    await expect(page.getByText("Sari Pelanggan meminta dilayani orang")).toBeVisible();
    await expect(page.getByTestId("handoff-tab-count")).toHaveText("1");
    const item = page.getByTestId("handoffs-active").getByTestId("handoff-item");
    await expect(item).toHaveAttribute("data-contact-jid", `${contactPhone}@s.whatsapp.net`);
    await page.screenshot({ path: `${SHOTS}/handoffs-1280-id.png`, fullPage: true });

    // The dashboard and the device page show the count too.
    await page.goto("/dashboard");
    await expect(page.getByRole("link", { name: new RegExp(`Bot line ${tag}`) }).getByTestId("handoff-count")).toHaveText("1 dilayani orang", {
      // The dashboard asks per device once its list is in, which a loaded machine can take a while to answer.
      timeout: 30_000,
    });
    await page.goto(`/devices/${encodeURIComponent(deviceId)}`);
    await expect(page.getByTestId("handoff-count")).toHaveText("1 dilayani orang");
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${SHOTS}/device-390-id.png` });
    await page.setViewportSize({ width: 1280, height: 900 });

    // The conversation says the bot is paused; "Kembalikan ke bot" ends the hand-off and the banner goes.
    await page.goto(`/devices/${encodeURIComponent(deviceId)}/chat?chat=${encodeURIComponent(`${contactPhone}@s.whatsapp.net`)}`);
    const banner = page.getByTestId("handoff-banner");
    await expect(banner).toContainText("Obrolan ini sedang dilayani orang — bot dijeda");
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${SHOTS}/chat-banner-390-id.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await banner.getByRole("button", { name: "Kembalikan ke bot" }).click();
    await expect(page.getByText("Bot kembali menjawab obrolan ini.")).toBeVisible();
    await expect(banner).toBeHidden();

    await page.goto(`${botUrl}?tab=handoffs`);
    await expect(page.getByTestId("handoffs-active")).toContainText("Tidak ada obrolan yang sedang dilayani orang.");
    await expect(page.getByTestId("handoffs-recent").getByTestId("handoff-item")).toHaveAttribute("data-status", "ended");
    await expect(page.getByTestId("handoff-tab-count")).toHaveCount(0);

    // The log lists the hand-off decision.
    await page.getByTestId("bot-tab-logs").click();
    await expect(page.getByTestId("bot-log-row").first()).toBeVisible();
    // The reasons read in Indonesian too (they are kept as data, not as English text).
    await expect(page.locator('[data-testid="bot-log-row"][data-outcome="handoff_started"]').first().getByTestId("bot-log-reason")).toHaveText(
      'Kata kunci alih "agent": seseorang mengambil alih',
    );
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${SHOTS}/logs-390-id.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByTestId("bot-tab-stats").click();
    await expect(page.getByTestId("bot-stat-handoffs")).toHaveText("1");
    await page.screenshot({ path: `${SHOTS}/stats-1280-id.png`, fullPage: true });
    await page.context().clearCookies({ name: "sb-locale" });
  });

  test("the hand-off banner appears live in an open conversation", async () => {
    const chatJid = `${contactPhone}@s.whatsapp.net`;
    await page.goto(`/devices/${encodeURIComponent(deviceId)}/chat?chat=${encodeURIComponent(chatJid)}`);
    await expect(page.getByTestId("live-indicator")).toHaveAttribute("data-status", "live");
    await expect(page.getByTestId("conversation")).toBeVisible();
    await expect(page.getByTestId("handoff-banner")).toHaveCount(0);
    await sandboxControl().sendText(contactPhone, devicePhone, "agent");
    await expect(page.getByTestId("handoff-banner")).toContainText("A person is handling this chat — the bot is paused");
    await page.getByTestId("handoff-banner").getByRole("button", { name: "Return to bot" }).click();
    await expect(page.getByTestId("handoff-banner")).toBeHidden();
    expect(consoleErrors).toEqual([]);
  });
});
