import { collectConsoleErrors } from "./helpers/console";
import { expect, test } from "./helpers/fixtures";
import { trpcMutation } from "./helpers/paired-device";
import { randomSandboxPhone } from "./helpers/sandbox";
import { trpcQuery } from "./helpers/trpc";

/**
 * The virtual phone page: a newcomer links a device by "scanning" its QR with one click, then writes to it as a
 * contact — no phone anywhere.
 */
test("an admin links a device from /sandbox and writes to it as a contact", async ({ adminPage: page }) => {
  test.setTimeout(90_000);
  const consoleErrors = collectConsoleErrors(page);
  const suffix = Date.now().toString(36);
  const deviceName = `Sandbox line ${suffix}`;
  const device = await trpcMutation<{ deviceId: string }>(page.request, "device.create", { deviceName });
  await trpcMutation(page.request, "device.connect", { deviceId: device.deviceId });

  await page.goto("/sandbox");
  await expect(page.getByRole("heading", { name: "WhatsApp sandbox" })).toBeVisible();

  const ownerPhone = randomSandboxPhone();
  await page.getByLabel("Name", { exact: true }).fill(`Owner ${suffix}`);
  await page.getByLabel("Phone (optional)").fill(`+${ownerPhone}`);
  await page.getByRole("button", { name: "New account" }).click();
  await expect(page.getByText(`Account ${ownerPhone} created.`)).toBeVisible();

  await page.locator("#sandbox-device").click();
  await page.getByRole("option", { name: new RegExp(deviceName) }).click();
  await page.getByRole("button", { name: "Scan QR code" }).click();
  await expect(page.getByText("QR code scanned; the device is linking.")).toBeVisible();
  await expect
    .poll(async () => (await trpcQuery<{ status: string }>(page.request, "device.status", { deviceId: device.deviceId })).status, {
      timeout: 30_000,
    })
    .toBe("connected");

  // A second account plays a customer writing to the business number.
  const customerPhone = randomSandboxPhone();
  await page.getByLabel("Name", { exact: true }).fill(`Customer ${suffix}`);
  await page.getByLabel("Phone (optional)").fill(`+${customerPhone}`);
  await page.getByRole("button", { name: "New account" }).click();
  await expect(page.getByText(`Account ${customerPhone} created.`)).toBeVisible();
  await page.locator("#sandbox-to").click();
  await page.getByRole("option", { name: new RegExp(`${deviceName} · \\+?${ownerPhone}`) }).click();
  const text = `Halo dari sandbox ${suffix}`;
  await page.locator("#sandbox-text").fill(text);
  await page.getByRole("button", { name: "Send as contact" }).click();
  await expect(page.getByText("Message sent; watch it arrive on the device.")).toBeVisible();

  await page.goto(`/devices/${device.deviceId}`);
  await expect(page.getByText(text)).toBeVisible();
  expect(consoleErrors).toEqual([]);
});
