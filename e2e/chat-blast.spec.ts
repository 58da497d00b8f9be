import type { Page } from "@playwright/test";
import { collectConsoleErrors } from "./helpers/console";
import { E2E_USERS, expect, test } from "./helpers/fixtures";
import { createPairedDevice, trpcMutation } from "./helpers/paired-device";
import { trpcQuery } from "./helpers/trpc";
import { randomSandboxPhone, sandboxControl } from "./helpers/sandbox";

/**
 * Chat blast end to end: compose from pasted numbers (with an invalid row and a duplicate), review, start, watch the
 * progress bar move live on the job page, pause and resume, open the results; compose from a CSV with mapped columns;
 * the job shows on /jobs and, for the admin, on /admin/jobs; a recipient not on WhatsApp fails, and once the number is
 * on WhatsApp again the admin's retry on /admin/jobs sends it.
 */
test.describe.serial("chat blast", () => {
  const tag = Date.now().toString(36);
  const deviceName = `Blast line ${tag}`;
  const phones = [randomSandboxPhone(), randomSandboxPhone(), randomSandboxPhone(), randomSandboxPhone()];
  let page: Page;
  let consoleErrors: string[] = [];
  let jobUrl = "";
  let device = { deviceId: "", phone: "" };

  test.beforeAll(async ({ browser, userState, adminState, baseURL }) => {
    test.setTimeout(120_000);
    const adminContext = await browser.newContext({ baseURL, storageState: adminState });
    const userContext = await browser.newContext({ baseURL, storageState: userState });
    device = await createPairedDevice({ adminRequest: adminContext.request, ownerRequest: userContext.request, ownerEmail: E2E_USERS.user.email, deviceName });
    await adminContext.close();
    for (const phone of phones) await sandboxControl().createAccount({ phone, name: `Pelanggan ${phone.slice(-4)}` });
    page = await userContext.newPage();
    consoleErrors = collectConsoleErrors(page);
  });

  test.afterAll(async () => {
    await page.context().close();
  });

  test("pasted numbers: review, start, live progress, pause and resume, results", async () => {
    test.setTimeout(120_000);
    await page.goto("/chat-blast");
    await expect(page.getByRole("heading", { name: "Chat blast", level: 1 })).toBeVisible();
    await expect(page.getByLabel("Device")).toContainText(deviceName);
    await page.getByLabel("Message", { exact: true }).fill(`Halo {{name}}, promo ${tag}`);
    const lines = [...phones.map((p, i) => `+${p},Budi${i}`), "12345,Salah", `+${phones[0]},Budi0`];
    await page.getByLabel("Numbers, one per line").fill(lines.join("\n"));
    await page.getByLabel("Pacing").click();
    await page.getByRole("option", { name: "Custom" }).click();
    // Gaps long enough that the bar is seen part-way (a loaded machine renders late), short enough for the test.
    await page.getByLabel("Shortest wait (s)").fill("6");
    await page.getByLabel("Longest wait (s)").fill("7");
    await page.getByRole("button", { name: "Review" }).click();

    const review = page.getByTestId("blast-review");
    await expect(review.getByTestId("review-ready")).toHaveText("4");
    await expect(review.getByTestId("review-invalid")).toHaveText("1");
    await expect(review.getByTestId("review-duplicates")).toHaveText("1");
    await page.getByTestId("review-invalid-list").locator("summary").click();
    await expect(page.getByTestId("review-invalid-list")).toContainText("Row 5");

    await page.getByRole("button", { name: "Start blast" }).click();
    await expect(page).toHaveURL(/\/jobs\/\d+$/);
    jobUrl = page.url();
    const progress = page.getByTestId("job-progress");
    // No reload: job.progress events move the bar.
    await expect(progress).toHaveAttribute("data-done", /^[1-3]$/, { timeout: 30_000 });
    await page.getByRole("button", { name: "Pause" }).click();
    await expect(page.getByTestId("job-status")).toContainText("Paused");
    await expect(page.getByTestId("job-pause-reason")).toHaveText("Paused by hand");
    await page.getByRole("button", { name: "Resume" }).click();
    await expect(page.getByTestId("job-status")).toContainText("Completed", { timeout: 60_000 });
    await expect(progress).toHaveAttribute("data-done", "4");

    const items = page.getByTestId("job-item");
    await expect(items).toHaveCount(4);
    await expect(items.first()).toContainText(`+${phones[0]}`);
    await expect(items.first()).toContainText("Sent");
    for (const [i, phone] of phones.entries()) {
      const inbox = await sandboxControl().waitForInbox(phone, { text: `Halo Budi${i}, promo ${tag}` });
      expect(inbox.text).toBe(`Halo Budi${i}, promo ${tag}`);
    }
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export CSV" }).click();
    expect((await download).suggestedFilename()).toMatch(/^job-\d+-results\.csv$/);
  });

  test("a CSV file with mapped columns fills the template per recipient", async () => {
    await page.goto("/chat-blast");
    await page.getByLabel("Message", { exact: true }).fill(`Pesanan {{order}} untuk {{name}} ${tag}`);
    await page.getByRole("tab", { name: "CSV file" }).click();
    const csv = `Nomor,Nama,Pesanan\n+${phones[0]},Sari,A-1\n+${phones[1]},Joko,B-2\n`;
    await page.locator("#blast-csv").setInputFiles({ name: "pelanggan.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await expect(page.getByTestId("csv-summary")).toContainText("2 rows");
    await expect(page.getByLabel("Phone column")).toContainText("Nomor");
    await expect(page.getByLabel("Name column")).toContainText("Nama");
    await page.getByLabel("Column for {{order}}").click();
    await page.getByRole("option", { name: "Pesanan" }).click();
    await page.getByRole("button", { name: "Review" }).click();
    await expect(page.getByTestId("review-ready")).toHaveText("2");
    await page.getByTestId("review-preview").locator("summary").click();
    await expect(page.getByTestId("review-preview")).toContainText(`Pesanan A-1 untuk Sari ${tag}`);
    await page.getByRole("button", { name: "Start blast" }).click();
    await expect(page).toHaveURL(/\/jobs\/\d+$/);
    await expect(page.getByTestId("job-status")).toContainText("Completed", { timeout: 60_000 });
    await sandboxControl().waitForInbox(phones[1]!, { text: `Pesanan B-2 untuk Joko ${tag}` });
  });

  test("the jobs list shows both jobs; the admin sees them on /admin/jobs", async ({ browser, adminState, baseURL }) => {
    await page.goto("/jobs");
    await expect(page.getByTestId("job-card").first()).toContainText("Completed");
    await expect(page.getByTestId("job-card")).toHaveCount(2);
    const admin = await (await browser.newContext({ baseURL, storageState: adminState })).newPage();
    await admin.goto("/admin/jobs");
    await expect(admin.getByRole("heading", { name: "All jobs", level: 1 })).toBeVisible();
    const id = jobUrl.split("/").at(-1) ?? "";
    await expect(admin.locator(`[data-job-id="${id}"]`)).toContainText(`· ${E2E_USERS.user.username}`);
    await admin.context().close();
    expect(consoleErrors).toEqual([]);
  });

  test("a recipient not on WhatsApp fails; once it is on WhatsApp the admin retries it on /admin/jobs", async ({ browser, adminState, baseURL }) => {
    test.setTimeout(120_000);
    const absent = randomSandboxPhone();
    await sandboxControl().markNotOnWhatsApp(absent);
    await page.goto("/chat-blast");
    await page.getByLabel("Message", { exact: true }).fill(`Coba lagi ${tag}`);
    await page.getByLabel("Numbers, one per line").fill([`+${phones[2]}`, `+${absent}`].join("\n"));
    await page.getByRole("button", { name: "Review" }).click();
    await expect(page.getByTestId("review-ready")).toHaveText("2");
    await page.getByRole("button", { name: "Start blast" }).click();
    await expect(page).toHaveURL(/\/jobs\/\d+$/);
    const id = page.url().split("/").at(-1) ?? "";
    await expect(page.getByTestId("job-status")).toContainText("Partly sent", { timeout: 60_000 });
    const failedItem = page.getByTestId("job-item").filter({ hasText: `+${absent}` });
    await expect(failedItem).toContainText("Failed");
    await expect(failedItem).toContainText("This number is not on WhatsApp");
    // The owner may not retry (SPEC §2: admins only).
    await expect(page.getByRole("button", { name: "Retry failed" })).toHaveCount(0);

    // The number joins WhatsApp.
    await sandboxControl().clearNotOnWhatsApp(absent);
    await sandboxControl().createAccount({ phone: absent, name: "Pelanggan baru" });
    const admin = await (await browser.newContext({ baseURL, storageState: adminState })).newPage();
    const adminErrors = collectConsoleErrors(admin);
    await admin.goto("/admin/jobs");
    const card = admin.locator(`[data-job-id="${id}"]`);
    await expect(card).toContainText("Partly sent");
    await card.getByRole("button", { name: "Retry failed" }).click();
    await expect(admin.getByText("Failed messages are queued again")).toBeVisible();
    // No reload: job.progress events bring the card to its end state.
    await expect(card).toContainText("Completed", { timeout: 60_000 });
    await expect(card.getByRole("button", { name: "Retry failed" })).toHaveCount(0);
    const inbox = await sandboxControl().waitForInbox(absent, { text: `Coba lagi ${tag}` });
    expect(inbox.text).toBe(`Coba lagi ${tag}`);
    // The owner's job page follows live: the item is now sent.
    await expect(failedItem).toContainText("Sent", { timeout: 30_000 });
    await admin.context().close();
    expect(adminErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  test("a contact who opted out shows it on /contacts, and the owner removes the opt-out there", async () => {
    test.setTimeout(120_000);
    const phone = phones[3]!;
    const name = `Pelanggan berhenti ${tag}`;
    await trpcMutation(page.request, "contact.create", { name, phone: `+${phone}` });
    await sandboxControl().sendText(phone, device.phone, "STOP");
    await expect
      .poll(async () => (await trpcQuery<{ items: Array<{ phone: string }> }>(page.request, "optOut.list", { search: phone })).items.length, { timeout: 30_000 })
      .toBe(1);

    await page.goto("/contacts");
    const row = page.getByTestId("contact-row").filter({ hasText: name });
    await expect(row.getByTestId("contact-opt-out")).toContainText("Opted out");
    await expect(row.getByTestId("contact-opt-out")).toContainText(`via ${deviceName}`);
    await row.getByRole("button", { name: `Actions for ${name}` }).click();
    await page.getByRole("menuitem", { name: "Remove opt-out" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Remove opt-out" }).click();
    await expect(page.getByText(`Opt-out removed: ${name} gets chat blasts again.`)).toBeVisible();
    await expect(row.getByTestId("contact-opt-out")).toHaveCount(0);
    expect((await trpcQuery<{ items: unknown[] }>(page.request, "optOut.list", { search: phone })).items).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  test("send caps: the admin sets defaults and maxima; the owner lowers them per device, never above the maximum", async ({ browser, adminState, baseURL }) => {
    test.setTimeout(120_000);
    const admin = await (await browser.newContext({ baseURL, storageState: adminState })).newPage();
    const adminErrors = collectConsoleErrors(admin);
    await admin.goto("/admin");
    const caps = admin.getByTestId("admin-send-caps");
    await caps.getByLabel("Maximum per hour").fill("50");
    await caps.getByLabel("Default per hour").fill("60");
    await caps.getByRole("button", { name: "Save caps" }).click();
    await expect(caps).toContainText("The default cannot be above the maximum (50).");
    await caps.getByLabel("Default per hour").fill("20");
    await caps.getByRole("button", { name: "Save caps" }).click();
    await expect(admin.getByText("Send caps saved.")).toBeVisible();

    await page.goto(`/devices/${device.deviceId}`);
    const card = page.getByTestId("send-caps");
    await expect(card).toContainText("Empty: the default (20). At most 50.");
    await expect(card.getByTestId("caps-hour-usage")).toContainText("of 20");
    await card.getByLabel("Messages per hour").fill("51");
    await card.getByRole("button", { name: "Save caps" }).click();
    await expect(card).toContainText("At most 50 messages: the administrator's maximum.");
    await card.getByLabel("Messages per hour").fill("abc");
    await card.getByRole("button", { name: "Save caps" }).click();
    await expect(card).toContainText("Enter a whole number of at least 1, or leave it empty.");
    await card.getByLabel("Messages per hour").fill("40");
    await card.getByRole("button", { name: "Save caps" }).click();
    await expect(page.getByText("Send caps saved.")).toBeVisible();
    await expect(card.getByTestId("caps-hour-usage")).toContainText("of 40");
    await page.setViewportSize({ width: 390, height: 844 });
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath("device-send-caps-390.png"), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });

    // Back to the install's defaults for the specs after this one.
    await trpcMutation(admin.request, "admin.settings.update", { jobHourlyCapDefault: 500, jobHourlyCapMax: 1000 });
    await trpcMutation(page.request, "device.setSendCaps", { deviceId: device.deviceId, hourlyCap: null, dailyCap: null });
    await admin.context().close();
    expect(adminErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
