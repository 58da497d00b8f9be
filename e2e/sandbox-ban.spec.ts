import { collectConsoleErrors } from "./helpers/console";
import { expect, test } from "./helpers/fixtures";
import { trpcMutation } from "./helpers/paired-device";
import { randomSandboxPhone, sandboxControl } from "./helpers/sandbox";
import { trpcQuery } from "./helpers/trpc";

/**
 * Banning a number from the /sandbox console: the device is refused, and a message that was still waiting for
 * WhatsApp's acknowledgement shows as blocked with the reason in its chat at once.
 */
test("an admin bans an account from /sandbox; the device's waiting message shows as blocked, then the ban is lifted", async ({ adminPage: page }) => {
  test.setTimeout(120_000);
  const consoleErrors = collectConsoleErrors(page);
  const suffix = Date.now().toString(36);
  const control = sandboxControl();
  const phone = randomSandboxPhone();
  const contact = randomSandboxPhone();
  await control.createAccount({ phone, name: `Banned ${suffix}` });
  await control.createAccount({ phone: contact, name: `Customer ${suffix}` });
  const device = await trpcMutation<{ deviceId: string }>(page.request, "device.create", { deviceName: `Ban line ${suffix}` });
  await trpcMutation(page.request, "device.connect", { deviceId: device.deviceId });
  let qr = "";
  await expect
    .poll(async () => (qr = (await trpcQuery<{ qr: string | null }>(page.request, "device.qr", { deviceId: device.deviceId })).qr ?? ""), { timeout: 60_000 })
    .not.toBe("");
  await control.scanQR(qr, phone);
  await expect.poll(async () => (await trpcQuery<{ status: string }>(page.request, "device.get", { deviceId: device.deviceId })).status, { timeout: 30_000 }).toBe("connected");

  await page.goto("/sandbox");
  await page.getByRole("button", { name: new RegExp(`Banned ${suffix}`) }).click();
  const card = page.getByTestId("sandbox-ban-card");
  await expect(card.getByRole("button", { name: "Ban account" })).toBeVisible();

  // WhatsApp stops answering: the message is written but never acknowledged, so it stays pending (until the ban,
  // which comes well before the app would give up on the silent socket and reconnect).
  await control.freezeConnection(phone);
  const text = `Menunggu ${suffix}`;
  const sending = trpcMutation<{ status: string }>(page.request, "message.sendText", { deviceId: device.deviceId, to: `+${contact}`, text });
  await card.getByRole("button", { name: "Ban account" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Ban account" }).click();
  await expect(page.getByText(`+${phone} is banned.`)).toBeVisible();
  await expect(card.getByText("Banned", { exact: true })).toBeVisible();
  expect((await sending).status).toBe("pending");

  await page.goto(`/devices/${encodeURIComponent(device.deviceId)}/chat`);
  await page.locator(`[data-testid="chat-item"][data-chat-jid="${contact}@s.whatsapp.net"]`).click();
  const bubble = page.getByTestId("chat-bubble").filter({ hasText: text });
  await expect(bubble.getByTestId("message-blocked")).toHaveText("Waiting, blocked: WhatsApp refused this number (banned or restricted, 403)");

  await page.goto("/sandbox");
  await page.getByRole("button", { name: new RegExp(`Banned ${suffix}`) }).click();
  await card.getByRole("button", { name: "Lift the ban" }).click();
  await expect(page.getByText(`The ban on +${phone} is lifted.`)).toBeVisible();
  expect(consoleErrors).toEqual([]);
});
